import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import type { DestinationStream, Logger } from 'pino'
import healthRoutes from '../routes/health.js'
import embedRoutes from '../routes/embed.js'
import hsdsRoutes from '../routes/hsds/index.js'
import v1Routes from '../routes/index.js'
import openapiRoutes from '../routes/openapi.js'
import rootRoutes from '../routes/root.js'
import type { CatalogueSet } from './catalogue/index.js'
import { trustProxyOption, type Config } from './config.js'
import { clientIpReader } from './http/client-ip.js'
import { cachingCompilers, type CompiledCode } from './http/compile-cache.js'
import { FastLane } from './http/fast-lane.js'
import { frameworkErrorResponder } from './http/framework-errors.js'
import { parseQuery } from './http/query-string.js'
import { isWarmUp } from './http/warm-up.js'
import { loggerOptions, logRequestCompleted } from './logger.js'
import cataloguePlugin, { type LaterReleases } from './plugins/catalogue.js'
import errorHandlerPlugin from './plugins/error-handler.js'
import postcodeUpstreamPlugin from './plugins/postcode-upstream.js'
import schemasPlugin from './plugins/schemas.js'
import standardResponsesPlugin from './plugins/standard-responses.js'
import finiteNumbersPlugin from './plugins/finite-numbers.js'
import overloadPlugin from './plugins/overload.js'
import rateLimitPlugin from './plugins/rate-limit.js'
import readinessPlugin from './plugins/readiness.js'
import routeTablePlugin from './plugins/route-table.js'
import securityPlugin from './plugins/security.js'
import swaggerPlugin from './plugins/swagger.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers repeated GETs (public answers, postcode questions) from prepared bytes before Fastify sees them (fast-lane.ts). */
    fastLane: FastLane
  }
}

export interface AppOptions {
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: DestinationStream
  /** The clock, in ms since the epoch; tests stand it at any moment. */
  clock?: () => number
  /** Data already loaded (the server loads it first to fail fast); default: load DATA_DIR. */
  catalogues?: CatalogueSet
  /** Releases `catalogues` leaves out until they are checked after listening (the server's boot); see checkLaterReleases. */
  laterReleases?: LaterReleases
  /** Event-loop delay (ms) from which requests are refused with 503, 0 for never; default MAX_EVENT_LOOP_DELAY. */
  maxEventLoopDelay?: number
  /** Validators and serialisers kept as code (the bundle's, written by `npm run build`); default: compile them. */
  compiledCode?: CompiledCode
}

/**
 * Builds the app, ready but not listening. Never reads process.env: everything comes in
 * `config`. Throws a DataError when the data does not pass its checks.
 */
export async function buildApp (config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const clock = options.clock ?? Date.now
  const linkBase = config.PUBLIC_BASE_URL ?? ''
  // The checking code is loaded when data is (re)loaded here, not with the app.
  const load = async () => (await import('./catalogue/index.js')).loadData(config.DATA_DIR, linkBase, clock())
  const initial = options.catalogues ?? await load()
  const trustProxy = trustProxyOption(config.TRUST_PROXY)
  const lane = new FastLane()
  const compilers = cachingCompilers(options.compiledCode)

  const app = Fastify({
    logger: loggerOptions(config.LOG_LEVEL, options.logStream),
    // The default request logs hold the URL; ours hold the route template (logger.ts).
    logController: new LogController({ disableRequestLogging: true }),
    // Fastify accepts a hop count at run time though its types omit it.
    trustProxy: trustProxy as boolean | string,
    // Every request is offered to the fast lane first; what it cannot answer comes here.
    serverFactory: lane.serverFactory(),
    // A client-chosen request id could smuggle a postcode into the log.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    // overload.ts answers closing requests itself, as problem details.
    return503OnClosing: false,
    // The fast lane parses query strings with the same parser (fast-lane.ts).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200, querystringParser: parseQuery },
    frameworkErrors: frameworkErrorResponder(linkBase),
    schemaController: { compilersFactory: compilers.factory },
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } }
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onResponse', function logResponse (request, reply, done) {
    if (!isWarmUp(request.headers)) logRequestCompleted(request.log, request, reply)
    done()
  })

  app.decorate('fastLane', lane)
  app.addHook('preClose', function closeFastLane (done) {
    lane.close()
    done()
  })

  await app.register(routeTablePlugin)
  await app.register(readinessPlugin)
  await app.register(schemasPlugin)
  await app.register(standardResponsesPlugin)
  await app.register(swaggerPlugin, { publicBaseUrl: config.PUBLIC_BASE_URL })
  await app.register(cataloguePlugin, { initial, load, clock, later: options.laterReleases })
  await app.register(errorHandlerPlugin, { base: linkBase })
  await app.register(finiteNumbersPlugin)
  await app.register(postcodeUpstreamPlugin, { baseUrl: config.POSTCODES_IO_URL, timeoutMs: config.POSTCODES_IO_TIMEOUT })
  await app.register(securityPlugin, { securityContact: config.SECURITY_CONTACT, publicBaseUrl: config.PUBLIC_BASE_URL, clock })
  await app.register(overloadPlugin, { maxEventLoopDelay: options.maxEventLoopDelay ?? config.MAX_EVENT_LOOP_DELAY, retryAfter: 5 })
  await app.register(rateLimitPlugin, { max: config.RATE_LIMIT_MAX, timeWindow: config.RATE_LIMIT_WINDOW, redisUrl: config.REDIS_URL })
  await app.register(rootRoutes)
  await app.register(healthRoutes)
  await app.register(openapiRoutes)
  await app.register(embedRoutes, { base: linkBase })
  await app.register(v1Routes, { prefix: '/v1' })
  await app.register(hsdsRoutes, { prefix: '/hsds' })
  await app.ready()
  // Building: compile every route's schemas now, so their code is written (compile-cache.ts).
  if (options.compiledCode?.write === true) compilers.compileAll()
  lane.open({
    clock,
    currentSet: () => app.catalogues,
    countRequest: app.countRequest,
    isUnderPressure: () => app.isUnderPressure(),
    clientIp: clientIpReader(trustProxy),
    log: app.log as unknown as Logger
  })
  return app
}
