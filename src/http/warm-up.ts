import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { CatalogueSet } from '../catalogue/load-catalogues.js'

/**
 * A per-process secret marking the server's own warm-up requests, so they are neither
 * rate-limited nor logged. It never leaves the process.
 */
export const WARM_UP_HEADER = 'x-warm-up'
export const WARM_UP_TOKEN = randomBytes(16).toString('hex')

/** Every unfiltered list and every item of every release: the answers worth having ready. */
export function warmUpPaths (set: CatalogueSet): string[] {
  const paths = ['/', '/openapi.json', '/v1/releases']
  for (const id of set.ids) {
    const c = set.byId.get(id)!
    const pin = c.isLatest ? '' : `?release=${id}`
    paths.push(
      ...['helplines', 'reporting-channels', 'local-authorities', 'situations', 'statistics', 'sources'].map((list) => `/v1/${list}${pin}`),
      ...c.helplines.map((h) => `/v1/helplines/${h.base.id}${pin}`),
      ...c.reportingChannels.map((r) => `/v1/reporting-channels/${r.base.id}${pin}`),
      ...c.localAuthorities.map((la) => `/v1/local-authorities/${la.base.code}${pin}`),
      ...c.routes.map((r) => `/v1/reporting-routes?situation=${r.situation.id}${pin === '' ? '' : `&release=${id}`}`),
      ...c.statistics.map((s) => `/v1/statistics/${s.base.id}${pin}`),
      `/v1/releases/${id}`, `/v1/releases/${id}/changes`, `/v1/releases/${id}/bundle`
    )
  }
  return paths
}

/**
 * Builds the prepared bytes, ETag and Brotli and gzip copies of every unfiltered list and
 * item, so the first visitors are served as fast as the rest. Runs in the background in
 * small batches, yielding between them so live requests are not held up.
 */
export async function warmUp (app: FastifyInstance): Promise<number> {
  const paths = warmUpPaths(app.catalogues)
  const headers = { [WARM_UP_HEADER]: WARM_UP_TOKEN }
  for (const url of paths) {
    for (const encoding of ['br', 'gzip']) {
      await app.inject({ url, headers: { ...headers, 'accept-encoding': encoding } })
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  return paths.length
}

/** Whether a request is the server's own warm-up. */
export function isWarmUp (headers: Record<string, unknown>): boolean {
  return headers[WARM_UP_HEADER] === WARM_UP_TOKEN
}
