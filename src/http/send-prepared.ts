import type { FastifyReply, FastifyRequest } from 'fastify'
import { ifNoneMatchHits, pickEncoding } from './negotiate.js'
import { encodedBody, type Prepared } from './prepared.js'

/** Public data changes only with a release: caches may keep it, and serve it stale if we are down. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800'
/** Answers about where someone lives are theirs alone: never stored by any cache. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
const MAX_AGE = 300

/** A published release never changes: its bundle and diff may be kept for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

export type CachePolicy = 'public' | 'private' | 'immutable'

/**
 * Cache-Control for a prepared response. One that depends on the clock (open now) expires
 * no later than its status window ends; its body carries `next_change`, so even a copy
 * served stale during an outage says when it stops being right.
 */
export function cacheControlFor (prepared: Prepared, now: number, policy: CachePolicy): string {
  if (policy === 'private') return PRIVATE_CACHE_CONTROL
  if (policy === 'immutable') return IMMUTABLE_CACHE_CONTROL
  if (prepared.validUntil === null) return PUBLIC_CACHE_CONTROL
  const seconds = Math.max(0, Math.min(MAX_AGE, Math.floor((prepared.validUntil - now) / 1000)))
  return `public, max-age=${seconds}, stale-if-error=86400`
}

/**
 * Sends a prepared response: 304 when the client already has it, else the identity,
 * Brotli or gzip bytes as the client accepts, never re-serialised or re-compressed.
 */
export function sendPrepared (request: FastifyRequest, reply: FastifyReply, prepared: Prepared, now: number, policy: CachePolicy = 'public'): FastifyReply {
  reply.header('etag', prepared.etag)
  reply.header('cache-control', cacheControlFor(prepared, now, policy))
  reply.header('vary', 'Accept, Accept-Encoding')
  if (ifNoneMatchHits(request.headers['if-none-match'], prepared.etag)) {
    return reply.code(304).send()
  }
  reply.header('content-type', prepared.contentType)
  const encoding = pickEncoding(request.headers['accept-encoding'])
  const encoded = encoding === null ? null : encodedBody(prepared, encoding)
  if (encoding !== null && encoded !== null) {
    reply.header('content-encoding', encoding)
    return reply.send(encoded)
  }
  return reply.send(prepared.body)
}
