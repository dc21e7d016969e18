import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Catalogue } from '../catalogue/build-catalogue.js'
import { CSV_CONTENT_TYPE, toCsv } from './csv.js'
import { isLaneReply } from './lane-reply.js'
import { chooseFormat, type Format } from './negotiate-format.js'
import { prepare, type Prepared } from './prepared.js'
import { cacheFor } from './response-cache.js'
import { sendPrepared, type CachePolicy } from './send-prepared.js'
import { fill, HOLE, makeTemplate } from './templates.js'

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

interface CsvPayload { rows: readonly unknown[], columns: readonly string[] }
const csvOf = ({ rows, columns }: CsvPayload) => toCsv(rows, columns)

export interface Built {
  payload: unknown
  /** When the answer stops being right (ms since epoch); Infinity when only a release changes it. */
  validUntil: number
}

export interface RespondOptions {
  /** Whose cache: the catalogue of the release being served. */
  owner: Catalogue
  /** The normalised request: equal keys must mean equal answers. */
  key: string
  /** Keep for the life of the release (unfiltered lists, items) rather than in the LRU. */
  pinned: boolean
  /** The real time now (ms). */
  now: number
  /** True when the answer is for the clock's own time; false for a fixed `?at=`. */
  followsClock: boolean
  policy?: CachePolicy
  /** csv: `build` returns `{ rows, columns }`: the records, one row each, in those columns. */
  format?: Format
  /** Another representation than JSON (an HTML page): the payload as text of this type. */
  render?: { contentType: string, text: (payload: unknown) => string }
  /**
   * For a question about a fixed instant (`?at=`): its instant, the value as the client
   * wrote it, and the key of the question without it. The answer is then kept per status
   * window, not per instant: `build` gets HOLE to write wherever the answer echoes `at`
   * (only in links), and each request's value is filled in. Without it, `key` includes `at`.
   */
  at?: { instant: number, value: string, key: string }
  /** `echo`: what to write where the answer repeats `at`, when not the value asked (see `at`). */
  build: (echo?: string) => Built
}

/**
 * Answers from the release's prepared responses, building (serialising through the
 * route's response schema) only on a miss or when the cached answer's time is up.
 */
export function respond (request: FastifyRequest, reply: FastifyReply, options: RespondOptions): FastifyReply {
  // Everything here is JSON unless a list chose CSV: an Accept that allows neither is a 406.
  if (options.format === undefined && options.render === undefined) chooseFormat(request.headers.accept, undefined, ['json'])
  const prepared = (options.at === undefined ? undefined : windowed(reply, options, options.at)) ?? atInstant(reply, options)
  const policy = options.policy ?? 'public'
  // The fast lane ran the handler itself (fast-lane.ts): it sends the answer.
  if (isLaneReply(reply)) return reply.answer(prepared, policy, options.owner) as unknown as FastifyReply
  request.server.fastLane?.remember(request, reply, prepared, policy, options.owner)
  return sendPrepared(request, reply, prepared, options.now, policy)
}

function contentTypeOf (options: RespondOptions): string {
  return options.render?.contentType ?? (options.format === 'csv' ? CSV_CONTENT_TYPE : JSON_CONTENT_TYPE)
}

function bodyOf (reply: FastifyReply, options: RespondOptions, payload: unknown): string {
  if (options.render !== undefined) return options.render.text(payload)
  return options.format === 'csv' ? csvOf(payload as CsvPayload) : serializeJson(reply, payload)
}

/** The answer cached under its own key (and, when it follows the clock, for its time window). */
function atInstant (reply: FastifyReply, options: RespondOptions): Prepared {
  const cache = cacheFor(options.owner)
  const key = options.format === 'csv' ? `${options.key}#csv` : options.key
  let prepared = cache.get(key, options.now)
  if (prepared === undefined) {
    const { payload, validUntil } = options.build()
    const until = options.followsClock && Number.isFinite(validUntil) ? validUntil : null
    prepared = cache.set(key, prepare(bodyOf(reply, options, payload), contentTypeOf(options), options.followsClock ? options.now : 0, until), options.pinned)
  }
  return prepared
}

/** The answer filled in from the template of the status window the instant falls in; undefined when the answer cannot be templated. */
function windowed (reply: FastifyReply, options: RespondOptions, at: NonNullable<RespondOptions['at']>): Prepared | undefined {
  const cache = cacheFor(options.owner)
  const key = `${at.key}${options.format === 'csv' ? '#csv' : ''}#at`
  let template = cache.templateAt(key, at.instant)
  if (template === undefined) {
    const { payload, validUntil } = options.build(HOLE)
    const made = makeTemplate(bodyOf(reply, options, payload), contentTypeOf(options), at.instant, validUntil)
    if (made === null) return undefined
    template = cache.addTemplate(key, made)
  }
  return fill(template, at.value)
}

/** A cache key from validated query values: the same question always gives the same key. */
export function queryKey (route: string, query: Record<string, unknown>): string {
  // Made for every miss: one pass, in order as it goes (Array#sort allocates more than
  // everything else here, for the few names a query has).
  const names: string[] = []
  for (const k of Object.keys(query)) {
    if (k === 'release' || k === 'format' || query[k] === undefined) continue
    let i = names.length
    while (i > 0 && (names[i - 1] as string) > k) i--
    names.splice(i, 0, k)
  }
  let key = `${route}?`
  for (let i = 0; i < names.length; i++) key += `${i === 0 ? '' : '&'}${names[i]}=${String(query[names[i] as string])}`
  return key
}

/**
 * JSON through the route's response schema for 200, as Fastify itself would serialise it:
 * only declared fields, in declared shape.
 */
function serializeJson (reply: FastifyReply, payload: unknown): string {
  const serialize = (reply.getSerializationFunction('200', 'application/json') ?? reply.getSerializationFunction('200')) as ((data: unknown) => string) | undefined
  /* c8 ignore next */
  if (typeof serialize !== 'function') throw new Error('a prepared response needs a 200 response schema')
  return serialize(payload)
}
