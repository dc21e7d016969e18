import type { FastifyReply, FastifyRequest } from 'fastify'
import { ifNoneMatchHits, pickEncoding } from './negotiate.js'
import type { Level } from './compression.js'
import { encodedBody, noteUse, type Encoding, type Prepared } from './prepared.js'
import { isWarmUp } from './warm-up.js'

/** Public data changes only with a release: caches may keep it, and serve it stale if we are down. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800'
/** Answers about where someone lives are theirs alone: never stored by any cache. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
const MAX_AGE = 300

/** A published release never changes: its bundle and diff may be kept for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/**
 * The embed's script and demo change only with a deploy, at an address that does not: a day
 * in browsers and CDNs, revalidated by ETag after that, and stale copies while we are down.
 */
export const ASSET_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800'

export type CachePolicy = 'public' | 'private' | 'immutable' | 'asset'

/**
 * Cache-Control for a prepared response. One that depends on the clock (open now) expires
 * no later than its status window ends; its body carries `next_change`, so even a copy
 * served stale during an outage says when it stops being right.
 */
export function cacheControlFor (prepared: Prepared, now: number, policy: CachePolicy): string {
  if (policy === 'private') return PRIVATE_CACHE_CONTROL
  if (policy === 'immutable') return IMMUTABLE_CACHE_CONTROL
  if (policy === 'asset') return ASSET_CACHE_CONTROL
  if (prepared.validUntil === null) return PUBLIC_CACHE_CONTROL
  const seconds = Math.max(0, Math.min(MAX_AGE, Math.floor((prepared.validUntil - now) / 1000)))
  return `public, max-age=${seconds}, stale-if-error=86400`
}

/** Which form of a prepared response a request gets: a 304, or the bytes in some encoding. */
export type Variant = 'not-modified' | 'identity' | Encoding

/** What a prepared response answers to one request: status, the headers it decides, and the bytes. */
export interface PreparedAnswer {
  status: 200 | 304
  headers: Record<string, string>
  body: Buffer | null
}

/**
 * The form a request gets: 304 when the client already has it, else the Brotli or gzip
 * bytes as the client accepts, else identity.
 */
export function variantOf (ifNoneMatch: string | undefined, acceptEncoding: string | undefined, prepared: Prepared, level: Level = 'fast'): Variant {
  if (ifNoneMatchHits(ifNoneMatch, prepared.etag)) return 'not-modified'
  const encoding = pickEncoding(acceptEncoding)
  return encoding !== null && encodedBody(prepared, encoding, level) !== null ? encoding : 'identity'
}

/**
 * The answer in one form, never re-serialised or re-compressed. Shared by the Fastify
 * routes and the fast lane, so both answer alike.
 */
export function answerIn (variant: Variant, prepared: Prepared, now: number, policy: CachePolicy, level: Level = 'fast'): PreparedAnswer {
  const headers: Record<string, string> = {
    etag: prepared.etag,
    'cache-control': cacheControlFor(prepared, now, policy),
    vary: 'Accept, Accept-Encoding'
  }
  if (variant === 'not-modified') return { status: 304, headers, body: null }
  headers['content-type'] = prepared.contentType
  if (variant === 'identity') return { status: 200, headers, body: prepared.body }
  headers['content-encoding'] = variant
  return { status: 200, headers, body: encodedBody(prepared, variant, level) }
}

/** Sends a prepared response through Fastify. */
export function sendPrepared (request: FastifyRequest, reply: FastifyReply, prepared: Prepared, now: number, policy: CachePolicy = 'public'): FastifyReply {
  noteUse(prepared)
  // The server's own requests (warm-up, the static export) wait for the best compression.
  const level = isWarmUp(request.headers) ? 'best' : 'fast'
  const answer = answerIn(variantOf(request.headers['if-none-match'], request.headers['accept-encoding'], prepared, level), prepared, now, policy, level)
  reply.headers(answer.headers)
  return answer.body === null ? reply.code(304).send() : reply.send(answer.body)
}
