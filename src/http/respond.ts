import type { FastifyReply, FastifyRequest } from 'fastify'
import { prepare, type Prepared } from './prepared.js'
import { cacheFor } from './response-cache.js'
import { sendPrepared, type CachePolicy } from './send-prepared.js'

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

export interface Built {
  payload: unknown
  /** When the answer stops being right (ms since epoch); Infinity when only a release changes it. */
  validUntil: number
}

export interface RespondOptions {
  /** Whose cache: the catalogue of the release being served. */
  owner: object
  /** The normalised request: equal keys must mean equal answers. */
  key: string
  /** Keep for the life of the release (unfiltered lists, items) rather than in the LRU. */
  pinned: boolean
  /** The real time now (ms). */
  now: number
  /** True when the answer is for the clock's own time; false for a fixed `?at=`. */
  followsClock: boolean
  policy?: CachePolicy
  build: () => Built
}

/**
 * Answers from the release's prepared responses, building (serialising through the
 * route's response schema) only on a miss or when the cached answer's time is up.
 */
export function respond (request: FastifyRequest, reply: FastifyReply, options: RespondOptions): FastifyReply {
  const cache = cacheFor(options.owner)
  let prepared: Prepared | undefined = cache.get(options.key, options.now)
  if (prepared === undefined) {
    const { payload, validUntil } = options.build()
    const until = options.followsClock && Number.isFinite(validUntil) ? validUntil : null
    prepared = cache.set(options.key, prepare(reply.serialize(payload) as string, JSON_CONTENT_TYPE, options.followsClock ? options.now : 0, until), options.pinned)
  }
  return sendPrepared(request, reply, prepared, options.now, options.policy)
}

/** A cache key from validated query values: the same question always gives the same key. */
export function queryKey (route: string, query: Record<string, unknown>): string {
  const parts = Object.keys(query).filter((k) => k !== 'release' && query[k] !== undefined).sort()
    .map((k) => `${k}=${String(query[k])}`)
  return `${route}?${parts.join('&')}`
}
