import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { isWarmUp } from '../http/warm-up.js'

export interface RateLimitOptions {
  max: number
  timeWindow: string
  /** When set, counters live in Redis so every process behind a balancer shares one limit. */
  redisUrl: string | undefined
}

/**
 * Per-client request limits. Generous by default: a school or library shares one address.
 * Health checks are never limited. Counters are kept per IP address in memory (or Redis);
 * they are not logged.
 */
async function rateLimitPlugin (app: FastifyInstance, options: RateLimitOptions) {
  // ioredis is loaded only when Redis is configured: most deployments run one process.
  const redis = options.redisUrl === undefined
    ? undefined
    : new (await import('ioredis')).Redis(options.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
  if (redis !== undefined) app.addHook('onClose', async () => { await redis.quit() })
  await app.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.timeWindow,
    ...(redis === undefined ? {} : { redis, nameSpace: 'safeguarding-api:rate:' }),
    // If Redis is down, serve rather than fail: the national numbers matter more than the limit.
    skipOnError: true,
    enableDraftSpec: true,
    allowList: (request) => request.url.startsWith('/health/') || isWarmUp(request.headers),
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`Too many requests from this client: try again in ${context.after}`), {
      statusCode: context.statusCode,
      code: 'SG_RATE_LIMITED'
    })
  })
}

export default fp(rateLimitPlugin, { name: 'rate-limit', dependencies: ['error-handler'] })
