import LocalStore from '@fastify/rate-limit/store/LocalStore.js'
import RedisStore from '@fastify/rate-limit/store/RedisStore.js'
import type { FastifyBaseLogger } from 'fastify'
import type { Redis } from 'ioredis'

/** A @fastify/rate-limit store: counts one request of a key. */
export interface Store {
  incr: (key: string, cb: (err: Error | null, res?: { current: number, ttl: number }) => void, timeWindow: number, max: number) => void
  child: (routeOptions: unknown) => Store
}

/** Where the counters are now, as readiness reports it. */
export interface CounterState {
  /** null while they are shared in Redis (or there is no Redis); else one line saying why not. */
  problem: string | null
  /** Still connecting to Redis for the first time. */
  connecting: boolean
}

/**
 * Rate-limit counters in Redis while it answers, in this process's memory while it does not.
 * The API fails open: the national numbers must stay reachable when the shared store is
 * down, and each process still limits its own clients meanwhile. The Redis client's errors
 * are all handled here (ioredis prints "Unhandled error event" for each retry otherwise);
 * one warning is logged when the counters leave Redis and one line when they return.
 */
export class FailOpenStore implements Store {
  readonly #local: Store
  readonly #redis: Store
  readonly #link: RedisLink

  constructor (local: Store, redis: Store, link: RedisLink) {
    this.#local = local
    this.#redis = redis
    this.#link = link
  }

  incr (key: string, cb: Parameters<Store['incr']>[1], timeWindow: number, max: number): void {
    if (!this.#link.usable()) return this.#local.incr(key, cb, timeWindow, max)
    this.#redis.incr(key, (err, res) => {
      if (err === null) {
        this.#link.answered()
        return cb(null, res)
      }
      this.#link.lost(err)
      this.#local.incr(key, cb, timeWindow, max)
    }, timeWindow, max)
  }

  child (routeOptions: unknown): Store {
    return new FailOpenStore(this.#local.child(routeOptions), this.#redis.child(routeOptions), this.#link)
  }
}

/** After a failed command on a connection that still looks up, how long to count in memory before trying Redis again (ms). */
const RETRY_AFTER_FAILURE_MS = 2000

/** Watches the Redis connection: whether to use it, and says so once per change. */
export class RedisLink {
  #problem: string | null = null
  #connecting = true
  #retryAt = 0
  #closing = false

  constructor (readonly redis: Redis, private readonly log: FastifyBaseLogger, private readonly onChange: (state: CounterState) => void) {
    onChange({ problem: null, connecting: true })
    redis.on('ready', () => this.answered())
    redis.on('error', (err: Error) => this.lost(err))
    redis.on('close', () => this.lost(new Error('connection closed')))
  }

  /** Whether to count in Redis now. */
  usable (): boolean {
    return this.redis.status === 'ready' && (this.#retryAt === 0 || Date.now() >= this.#retryAt)
  }

  /** Redis answered (connected, or counted a request): shared counters from now on. */
  answered (): void {
    this.#retryAt = 0
    if (this.#closing || (this.#problem === null && !this.#connecting)) return
    const wasDown = this.#problem !== null
    this.#set(null)
    if (wasDown) this.log.info('Redis reachable again: rate-limit counters are shared again')
  }

  /** Redis failed (a command or the connection): count in memory until it answers again. */
  lost (err: Error): void {
    this.#retryAt = Date.now() + RETRY_AFTER_FAILURE_MS
    if (this.#problem !== null || this.#closing) return
    this.#set(`rate-limit counters: Redis unreachable (${err.message}); counting in this process's memory until it is back`)
    this.log.warn({ redis: { reason: err.message } }, 'Redis unreachable: rate-limit counters are kept in memory until it is back')
  }

  async close (): Promise<void> {
    this.#closing = true
    // quit() waits for Redis to answer; when it is down, just drop the connection.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect())
    else this.redis.disconnect()
  }

  #set (problem: string | null): void {
    this.#problem = problem
    this.#connecting = false
    this.onChange({ problem, connecting: false })
  }
}

/** Connects to Redis in the background; the link says whether the counters can be shared. */
export async function connectRedis (url: string, log: FastifyBaseLogger, onChange: (state: CounterState) => void): Promise<RedisLink> {
  // ioredis is loaded only when Redis is configured: most deployments run one process.
  const { Redis } = await import('ioredis')
  const redis = new Redis(url, {
    connectTimeout: 1000,
    // A command fails at once while disconnected, and after 250 ms on a stalled link: the
    // request is then counted in memory rather than kept waiting.
    enableOfflineQueue: false,
    commandTimeout: 250,
    maxRetriesPerRequest: 0,
    // Keep trying to reconnect, at most every 2 s, so the shared counters come back.
    retryStrategy: (times) => Math.min(times * 100, 2000)
  })
  return new RedisLink(redis, log, onChange)
}

/** The counters for a rate limiter: in memory, or in Redis with memory to fall back on. */
export function counterStore (params: { continueExceeding: boolean, exponentialBackoff: boolean }, link: RedisLink | undefined): Store {
  const local = new LocalStore(params.continueExceeding, params.exponentialBackoff) as Store
  if (link === undefined) return local
  const shared = new RedisStore(params.continueExceeding, params.exponentialBackoff, link.redis, 'safeguarding-api:rate:') as Store
  return new FailOpenStore(local, shared, link)
}
