import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { overloaded, shuttingDown } from '../http/errors.js'

/** How long after start-up the boot's own load is still in the event-loop samples. */
const WARM_UP_MS = 2000

declare module 'fastify' {
  interface FastifyInstance {
    /** Data was just (re)loaded: the loop delay it caused is not overload. */
    ignoreLoadSpike: () => void
  }
}

export interface OverloadOptions {
  /** Event-loop delay (ms) above which new requests get 503 instead of waiting; 0: never. */
  maxEventLoopDelay: number
  /** Seconds a client is told to wait (Retry-After). */
  retryAfter: number
}

/**
 * Answers 503 problem details at once when the process is saturated, or closing, rather
 * than letting requests time out: a client (or the CDN's stale-if-error copy) can act on it.
 */
async function overloadPlugin (app: FastifyInstance, options: OverloadOptions) {
  // Loading the data blocks the loop at boot and on reload; that is not overload.
  let measuringFrom = Number.POSITIVE_INFINITY
  app.addHook('onReady', async () => { measuringFrom = Date.now() + WARM_UP_MS })
  app.decorate('ignoreLoadSpike', function ignoreLoadSpike () { measuringFrom = Date.now() + WARM_UP_MS })
  if (options.maxEventLoopDelay === 0) {
    // The guard is off (tests, or an operator's choice): nothing samples the loop.
    app.decorate('isUnderPressure', () => false)
  } else {
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelay,
      retryAfter: options.retryAfter,
      exposeStatusRoute: false,
      pressureHandler: (_request, reply, _type, value) => {
        if (Date.now() < measuringFrom) return
        // No sample at all in the last interval (under-pressure reports Infinity): one long
        // block, now over since this request is running, not a loop that stays saturated.
        if (value === Number.POSITIVE_INFINITY) return
        reply.header('retry-after', String(options.retryAfter))
        throw overloaded()
      }
    })
  }

  let closing = false
  app.addHook('preClose', async () => { closing = true })
  // server.close() closes idle kept-alive connections only once, when called; one that
  // turns idle later would hold the process open until the grace period runs out.
  app.addHook('onResponse', function closeIdleWhenClosing (_request, _reply, done) {
    if (closing) setImmediate(() => app.server.closeIdleConnections())
    done()
  })
  app.addHook('onRequest', function refuseWhenClosing (_request, reply, done) {
    if (!closing) return done()
    reply.header('connection', 'close').header('retry-after', String(options.retryAfter))
    done(shuttingDown())
  })
}

export default fp(overloadPlugin, { name: 'overload', dependencies: ['error-handler'] })
