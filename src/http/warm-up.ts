import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { CatalogueSet } from '../catalogue/load-catalogues.js'

/**
 * A per-process secret marking the server's own warm-up requests, so they are neither
 * rate-limited nor logged. It never leaves the process.
 */
export const WARM_UP_HEADER = 'x-warm-up'
export const WARM_UP_TOKEN = randomBytes(16).toString('hex')

/**
 * The answers worth having ready: every unfiltered list and item of the latest release, and
 * every release's own record. Older releases are pinned by few clients; theirs are prepared
 * on first request, which keeps start-up work and memory to what most visitors ask for.
 */
export function warmUpPaths (set: CatalogueSet): string[] {
  const c = set.latest
  return [
    '/', '/v1/releases',
    ...['helplines', 'reporting-channels', 'local-authorities', 'situations', 'statistics', 'sources'].map((list) => `/v1/${list}`),
    ...c.helplines.map((h) => `/v1/helplines/${h.base.id}`),
    ...c.reportingChannels.map((r) => `/v1/reporting-channels/${r.base.id}`),
    ...c.localAuthorities.map((la) => `/v1/local-authorities/${la.base.code}`),
    ...c.routes.map((r) => `/v1/reporting-routes?situation=${r.situation.id}`),
    ...c.statistics.map((s) => `/v1/statistics/${s.base.id}`),
    ...set.ids.map((id) => `/v1/releases/${id}`),
    `/v1/releases/${c.release.id}/changes`, `/v1/releases/${c.release.id}/bundle`,
    '/embed/v1/helplines.html', ...c.routes.map((r) => `/embed/v1/route.html?situation=${r.situation.id}`),
    // The Open Referral UK view: its lists, which directories poll; its records are prepared on first request.
    '/hsds/', ...['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms'].map((list) => `/hsds/${list}`),
    // Last: writing the whole spec holds the event loop for ~0.2 s, and data is asked for first.
    '/openapi.json'
  ]
}

/**
 * Builds the prepared bytes and ETag of the answers above, so the first visitors are served
 * as fast as the rest; asking twice queues their best-level Brotli and gzip copies
 * (background-compression.ts), and teaches the fast lane their paths. Runs in the
 * background, one answer at a time, yielding between them so live requests are not held up.
 */
export async function warmUp (app: FastifyInstance): Promise<number> {
  const paths = warmUpPaths(app.catalogues)
  const headers = { [WARM_UP_HEADER]: WARM_UP_TOKEN }
  for (const url of paths) {
    for (let i = 0; i < 2; i++) await app.inject({ url, headers })
    await new Promise((resolve) => setImmediate(resolve))
  }
  return paths.length
}

/** Whether a request is the server's own warm-up. */
export function isWarmUp (headers: Record<string, unknown>): boolean {
  return headers[WARM_UP_HEADER] === WARM_UP_TOKEN
}
