import rateLimit, { normalizeIP } from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { isWarmUp } from '../http/warm-up.js'
import { connectRedis, counterStore, type Store } from './counter-store.js'

export interface RateLimitOptions {
  max: number
  timeWindow: string
  /** When set, counters live in Redis so every process behind a balancer shares one limit. */
  redisUrl: string | undefined
}

/** A count against a client's limit, as @fastify/rate-limit would report it. */
export interface RateCount {
  /** Over the limit: the request must get the plugin's 429. */
  exceeded: boolean
  /** The RateLimit-* headers, as name, value, name, value… */
  headers: string[]
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Counts one request from a client address against the global limit, in the same store
     * as the routes' rate limiting (for the fast lane, which answers outside the routes).
     * Synchronous with the in-memory store; after a round trip with Redis.
     */
    countRequest: (ip: string, done: (count: RateCount) => void) => void
  }
}

/** IPv6 clients are counted by their /56: the plugin's default, which its own key generator (replaced below) would use. */
const IPV6_SUBNET = 56
/** Addresses whose counting keys are remembered; beyond this the memo starts afresh. */
const MAX_REMEMBERED_KEYS = 10_000

/**
 * The counting key of a client address, remembered: working it out parses an IPv6 address
 * (6–9 µs, also for IPv4 clients of a dual-stack socket, `::ffff:…`), which would otherwise
 * be done on every request. Holds only what the rate limiter's store holds anyway.
 */
function counterKeys () {
  let keys = new Map<string, string>()
  return (ip: string): string => {
    let key = keys.get(ip)
    if (key === undefined) {
      if (keys.size >= MAX_REMEMBERED_KEYS) keys = new Map()
      key = normalizeIP(ip, IPV6_SUBNET)
      keys.set(ip, key)
    }
    return key
  }
}

interface GlobalParams { max: number, timeWindow: number, continueExceeding: boolean, exponentialBackoff: boolean }

/**
 * Per-client request limits. Generous by default: a school or library shares one address.
 * Health checks are never limited. Counters are kept per IP address in memory (or Redis);
 * they are not logged.
 */
async function rateLimitPlugin (app: FastifyInstance, options: RateLimitOptions) {
  // With Redis, counters are shared while it answers and kept in memory while it does not.
  const link = options.redisUrl === undefined
    ? undefined
    : await connectRedis(options.redisUrl, app.log, ({ problem, connecting }) => {
      app.readiness.problem('redis', problem)
      if (connecting) app.readiness.starting('redis', 'rate-limit counters: connecting to Redis')
      else app.readiness.started('redis')
    })
  if (link !== undefined) app.addHook('onClose', async () => { await link.close() })

  // The plugin builds its store from this class with its settled global parameters; keeping
  // hold of both lets countRequest use the same counters and the same arithmetic.
  let shared: { store: Store, params: GlobalParams } | undefined
  class SharedStore implements Store {
    readonly #inner: Store
    constructor (params: GlobalParams) {
      this.#inner = counterStore(params, link)
      shared = { store: this.#inner, params }
    }

    incr (...args: Parameters<Store['incr']>) { this.#inner.incr(...args) }
    child (routeOptions: unknown) { return this.#inner.child(routeOptions) }
  }

  const keyOf = counterKeys()
  await app.register(rateLimit, {
    global: true,
    keyGenerator: (request) => keyOf(request.ip),
    max: options.max,
    timeWindow: options.timeWindow,
    store: SharedStore as never,
    // The store falls back to memory itself (counter-store.ts); were it ever to fail, serve
    // rather than refuse: the national numbers matter more than the limit.
    skipOnError: true,
    enableDraftSpec: true,
    allowList: (request) => request.url.startsWith('/health/') || isWarmUp(request.headers),
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`Too many requests from this client: try again in ${context.after}`), {
      statusCode: context.statusCode,
      code: 'SG_RATE_LIMITED'
    })
  })

  app.decorate('countRequest', function countRequest (ip: string, done: (count: RateCount) => void) {
    const { store, params } = shared as NonNullable<typeof shared>
    const { max, timeWindow } = params
    store.incr(keyOf(ip), (err, res) => {
      // As the plugin does with skipOnError: a store that fails counts nothing.
      const current = err === null && res !== undefined ? res.current : 0
      const ttl = err === null && res !== undefined ? res.ttl : 0
      done({
        exceeded: current > max,
        headers: ['ratelimit-limit', String(max), 'ratelimit-remaining', String(Math.max(0, max - current)), 'ratelimit-reset', String(Math.ceil(ttl / 1000))]
      })
    }, timeWindow, max)
  })
}

export default fp(rateLimitPlugin, { name: 'rate-limit', dependencies: ['error-handler', 'readiness'] })
