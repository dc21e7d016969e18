import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http'
import type { FastifyReply, FastifyRequest, FastifyServerFactory } from 'fastify'
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import type { Catalogue } from '../catalogue/build-catalogue.js'
import type { CatalogueSet } from '../catalogue/load-catalogues.js'
import type { RateCount } from '../plugins/rate-limit.js'
import { Doorkeeper } from './doorkeeper.js'
import { learnRoute, runRoute, type LearnedRoute } from './lane-routes.js'
import { isCurrent, noteUse, weightOf, type Prepared } from './prepared.js'
import { JSON_CONTENT_TYPE } from './respond.js'
import { cacheFor, isPinned } from './response-cache.js'
import { answerIn, cacheControlFor, variantOf, type CachePolicy, type Variant } from './send-prepared.js'

/** Bytes of the answers the lane alone holds by URL (counted as in the response cache); beyond this the least used URLs are forgotten. */
export const LANE_BYTES = 16 * 1024 * 1024
/** Paths whose route the lane has learnt (each release's items and lists: a few hundred). */
const MAX_PATHS = 4000

/** Headers the lane decides per request; every other header a route sent is the same each time for its URL. */
const PER_REQUEST_HEADERS = new Set([
  'etag', 'cache-control', 'vary', 'content-type', 'content-encoding', 'content-length',
  'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'
])

/** Accept headers under which every remembered URL answers JSON, as the routes would. */
const JSON_ACCEPTS = new Set<string | undefined>([undefined, '*/*', 'application/json'])

interface Entry {
  /** The set of releases the answer came from: after a reload the entry is dead. */
  set: CatalogueSet
  prepared: Prepared
  policy: CachePolicy
  /** The route template, for the log line. */
  route: string
  /** The security, CORS and other headers the route sent with it, as name, value, name, value… */
  fixed: string[]
  /** Status, headers and bytes of each form, made on first use. */
  forms: Partial<Record<Variant, Form>>
}

interface Form {
  /** The version of the compressed copies it was made with (better ones replace them in the background). */
  version: number
  status: number
  /** Every header but the per-request ones (rate limit; Cache-Control when it counts down). */
  head: string[]
  body: Buffer | null
}

export interface FastLaneDeps {
  clock: () => number
  /** The releases being served now. */
  currentSet: () => CatalogueSet
  /** Counts the request against the same limit, in the same store, as the routes. */
  countRequest: ((ip: string, done: (count: RateCount) => void) => void) | undefined
  isUnderPressure: () => boolean
  /** The client address exactly as Fastify works it out (trust proxy settings included). */
  clientIp: (raw: IncomingMessage) => string
  log: Logger
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * How a route with private answers names the answer to a query without the personal data in
 * it: the catalogue and response-cache key the route itself would use, or undefined when
 * only the route can tell (anything unusual in the query).
 */
export type AnswerKey = (query: URLSearchParams, set: CatalogueSet) => { owner: Catalogue, key: string } | undefined

interface KeyedRoute {
  keyOf: AnswerKey
  /** The headers the route sends besides the per-request ones; known after its first answer. */
  fixed: string[] | null
}

/** The server settings Fastify hands a server factory, with its defaults filled in. */
interface ServerSettings {
  http?: ServerOptions
  keepAliveTimeout?: number
  requestTimeout?: number
  connectionTimeout?: number
  maxRequestsPerSocket?: number | null
}

/**
 * Answers GETs without Fastify's per-request machinery (routing, request and reply objects,
 * hooks, a child logger): Fastify's share of a request costs several times what answering
 * from prepared bytes does.
 *
 * Repeats: once a route has answered a URL from a prepared response (JSON, public, from the
 * releases being served), the lane remembers the URL with that response and the headers the
 * route sent. The next plain GET of the same URL is counted by the same rate limiter, then
 * written straight from the prepared bytes with the same headers, ETag, encodings and 304s.
 *
 * New URLs on a known path: the route's answer also taught the lane the path (handler,
 * parameters, query validator, serialiser, headers). A plain GET of the path with another
 * query is parsed and validated as Fastify would, and the route's own handler is run with a
 * reply that takes the prepared answer (respond.ts); the answer is then counted and written
 * as a repeat would be. A query Fastify would refuse, an error, or anything that is not a
 * prepared JSON answer goes to Fastify, which answers it.
 *
 * Anything else (another method or Accept, an expired time window, a reload, overload,
 * closing, a client over its limit) goes to Fastify as usual, which answers it and may teach
 * the lane again.
 *
 * Postcode answers are private, and the lane never keeps a URL that holds a postcode: a
 * route with such answers gives the lane an AnswerKey instead, which resolves the postcode
 * in memory to the key the route's own response cache uses (the authority found, never the
 * postcode), and the lane answers from that cache; a postcode whose answer is not cached
 * yet is answered by the route's handler, run as above (only without an upstream service,
 * as keyed routes are).
 */
export class FastLane {
  #deps: FastLaneDeps | undefined
  #open = false
  // An answer kept for its release's life (every unfiltered list and item) is not the lane's to count.
  #entries = new LRUCache<string, Entry>({ maxSize: LANE_BYTES, sizeCalculation: (entry, url) => (isPinned(entry.prepared) ? 256 : weightOf(entry.prepared)) + 2 * url.length })
  /** URLs are remembered from their second time (doorkeeper.ts). */
  #doorkeeper = new Doorkeeper()
  /** Routes by the exact path they answered (no query). */
  #routes = new LRUCache<string, LearnedRoute>({ max: MAX_PATHS })
  /** Routes with private answers, by path; their entries by the prepared answer they serve (kept as long as the route's cache keeps it). */
  #keyed = new Map<string, KeyedRoute>()
  #answers = new WeakMap<Prepared, Entry>()
  /** Requests the lane answered itself (tests read it to know which path ran). */
  hits = 0

  /** Starts answering, once the app is ready. */
  open (deps: FastLaneDeps): void {
    this.#deps = deps
    this.#open = true
  }

  /** Stops answering (closing): Fastify refuses new requests properly from now on. */
  close (): void {
    this.#open = false
    this.#entries.clear()
    this.#routes.clear()
    this.#answers = new WeakMap()
  }

  /** Lets the lane answer a route's private answers by the key the route caches them under. */
  keyAnswers (path: string, keyOf: AnswerKey): void {
    this.#keyed.set(path, { keyOf, fixed: null })
  }

  /** A Fastify server factory whose server offers every request to the lane first. */
  serverFactory (): FastifyServerFactory {
    return (handler, fastifyOptions) => {
      const options = fastifyOptions as ServerSettings
      const server: Server = createServer(options.http ?? {}, (req, res) => this.serve(req, res, handler as Handler))
      // What Fastify does to the servers it creates itself (lib/server.js).
      if (typeof options.keepAliveTimeout === 'number') server.keepAliveTimeout = options.keepAliveTimeout
      if (typeof options.requestTimeout === 'number') server.requestTimeout = options.requestTimeout
      if (typeof options.connectionTimeout === 'number') server.setTimeout(options.connectionTimeout)
      if (typeof options.maxRequestsPerSocket === 'number' && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket
      return server
    }
  }

  /** Called by the routes after answering from a prepared response. */
  remember (request: FastifyRequest, reply: FastifyReply, prepared: Prepared, policy: CachePolicy, owner: Catalogue): void {
    const deps = this.#deps
    if (deps === undefined || !this.#open || request.method !== 'GET') return
    if (prepared.contentType !== JSON_CONTENT_TYPE || !JSON_ACCEPTS.has(request.headers.accept)) return
    const url = request.raw.url
    const set = deps.currentSet()
    if (url === undefined || set.byId.get(owner.release.id) !== owner) return
    const mark = url.indexOf('?')
    const path = mark === -1 ? url : url.slice(0, mark)
    if (policy === 'private') {
      // Only a route that named its answers' keys (no upstream service) is run by the lane.
      const keyed = this.#keyed.get(path)
      if (keyed === undefined) return
      keyed.fixed ??= fixedHeaders(reply)
      if (!this.#routes.has(path)) this.#learn(path, request, reply, keyed.fixed)
      return
    }
    const fixed = fixedHeaders(reply)
    if (!this.#routes.has(path)) this.#learn(path, request, reply, fixed)
    const known = this.#entries.peek(url)
    if (known !== undefined && known.prepared === prepared && known.set === set) return
    if (known === undefined && !this.#doorkeeper.again(url)) return
    this.#entries.set(url, { set, prepared, policy, route: request.routeOptions.url ?? '(no route)', fixed, forms: {} })
  }

  #learn (path: string, request: FastifyRequest, reply: FastifyReply, fixed: string[]): void {
    const route = learnRoute(request, reply, fixed)
    if (route !== undefined) this.#routes.set(path, route)
  }

  /** Answers the request if it can; otherwise hands it to Fastify. */
  serve (req: IncomingMessage, res: ServerResponse, fastify: Handler): void {
    const deps = this.#deps
    if (deps === undefined || !this.#open || req.method !== 'GET' || !JSON_ACCEPTS.has(req.headers.accept)) return fastify(req, res)
    const started = performance.now()
    const url = req.url as string
    const entry = this.#entryFor(url, deps)
    if (entry !== undefined) return this.#count(req, res, entry, deps, started, fastify)
    const mark = url.indexOf('?')
    const route = this.#routes.get(mark === -1 ? url : url.slice(0, mark))
    // Fastify's router also ends a path at '#' (and, if configured, ';'): leave those to it.
    if (route === undefined || url.includes('#') || url.includes(';') || deps.isUnderPressure()) return fastify(req, res)
    runRoute(route, req, mark === -1 ? '' : url.slice(mark + 1), deps.log).then((answer) => {
      const set = deps.currentSet()
      if (answer === undefined || !this.#open || answer.prepared.contentType !== JSON_CONTENT_TYPE || set.byId.get(answer.owner.release.id) !== answer.owner) return fastify(req, res)
      const made: Entry = { set, prepared: answer.prepared, policy: answer.policy, route: route.url, fixed: route.fixed, forms: {} }
      // An answer filled in for one value is made again cheaply; only shared bodies are kept by URL.
      const kept = answer.policy !== 'private' && answer.prepared.tail === null && this.#doorkeeper.again(url)
      if (kept) this.#entries.set(url, made)
      this.#count(req, res, made, deps, started, fastify, !kept)
    }).catch((err: unknown) => {
      deps.log.error({ err }, 'fast lane failed; the request goes to the routes')
      if (!res.headersSent) fastify(req, res)
      else res.destroy()
    })
  }

  /**
   * Counts the request against the client's limit, then writes the answer (or leaves the 429 to
   * the routes). `once`: the entry serves this request only (a miss not kept), so its form's
   * headers are written as they are, not copied first.
   */
  #count (req: IncomingMessage, res: ServerResponse, entry: Entry, deps: FastLaneDeps, started: number, fastify: Handler, once = false): void {
    if (deps.countRequest === undefined) return this.#write(req, res, entry, deps, null, started, once)
    deps.countRequest(deps.clientIp(req), (count) => {
      // Over the limit: the routes answer the 429 (problem details, Retry-After). They count
      // the request again, which changes nothing for a client already over its limit.
      if (count.exceeded) fastify(req, res)
      else this.#write(req, res, entry, deps, count.headers, started, once)
    })
  }

  #entryFor (url: string, deps: FastLaneDeps): Entry | undefined {
    const entry = this.#entries.get(url) ?? this.#keyedEntry(url, deps)
    if (entry === undefined || entry.set !== deps.currentSet()) return undefined
    if (!isCurrent(entry.prepared, deps.clock()) || deps.isUnderPressure()) return undefined
    return entry
  }

  /** The entry for a private answer, found by the key the route caches it under. */
  #keyedEntry (url: string, deps: FastLaneDeps): Entry | undefined {
    const mark = url.indexOf('?')
    const path = mark === -1 ? url : url.slice(0, mark)
    const keyed = this.#keyed.get(path)
    if (keyed === undefined || keyed.fixed === null || mark === -1) return undefined
    const set = deps.currentSet()
    const found = keyed.keyOf(new URLSearchParams(url.slice(mark + 1)), set)
    if (found === undefined) return undefined
    const prepared = cacheFor(found.owner).get(found.key, deps.clock())
    if (prepared === undefined) return undefined
    let entry = this.#answers.get(prepared)
    if (entry === undefined || entry.set !== set) {
      entry = { set, prepared, policy: 'private', route: path, fixed: keyed.fixed, forms: {} }
      this.#answers.set(prepared, entry)
    }
    return entry
  }

  #write (req: IncomingMessage, res: ServerResponse, entry: Entry, deps: FastLaneDeps, rateHeaders: string[] | null, started: number, once: boolean): void {
    const { prepared, policy } = entry
    const now = deps.clock()
    noteUse(prepared)
    const variant = variantOf(req.headers['if-none-match'], req.headers['accept-encoding'], prepared)
    let form = entry.forms[variant]
    if (form === undefined || form.version !== prepared.shared.version) form = entry.forms[variant] = formOf(entry, variant, now)
    // Headers as a flat array: building an object with these names per request costs more
    // than everything else here together.
    const head = once ? form.head : form.head.slice()
    if (prepared.validUntil !== null) head.push('cache-control', cacheControlFor(prepared, now, policy))
    if (rateHeaders !== null) for (const value of rateHeaders) head.push(value)
    res.writeHead(form.status, head)
    if (form.body === null) res.end()
    else res.end(form.body)
    this.hits++
    if (deps.log.isLevelEnabled('info')) {
      // The same line the routes log (logger.ts): method, route template, status, time.
      deps.log.info({
        reqId: randomUUID(),
        req: { method: 'GET', routeOptions: { url: entry.route } },
        res: { statusCode: form.status },
        ms: Math.round((performance.now() - started) * 100) / 100
      }, 'request completed')
    }
  }
}

/** The headers a route sent that are the same for every request of its URL. */
function fixedHeaders (reply: FastifyReply): string[] {
  const fixed: string[] = []
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || PER_REQUEST_HEADERS.has(name)) continue
    for (const one of Array.isArray(value) ? value : [value]) fixed.push(name, String(one))
  }
  return fixed
}

/** One form of an entry's answer with all the headers that do not change per request. */
function formOf (entry: Entry, variant: Variant, now: number): Form {
  const version = entry.prepared.shared.version
  const answer = answerIn(variant, entry.prepared, now, entry.policy)
  const head = entry.fixed.slice()
  for (const name in answer.headers) {
    // A Cache-Control that counts down to the end of a time window is written per request.
    if (name === 'cache-control' && entry.prepared.validUntil !== null) continue
    head.push(name, answer.headers[name] as string)
  }
  if (answer.body !== null) head.push('content-length', String(answer.body.length))
  return { version, status: answer.status, head, body: answer.body }
}
