import type { IncomingMessage } from 'node:http'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Logger } from 'pino'
import { LaneReply } from './lane-reply.js'
import { guardNumbers, numericParams } from './plain-numbers.js'
import { parseQuery } from './query-string.js'

/**
 * What the fast lane learnt about one path from a route's own answer to it: enough to run
 * the route's handler for another query on the same path, as Fastify would, without
 * Fastify's per-request machinery (see FastLane).
 */
export interface LearnedRoute {
  /** The route template, for the log line. */
  url: string
  handler: (this: FastifyInstance, request: unknown, reply: unknown) => unknown
  /** The instance the route was registered on: the handler's `this`. */
  server: FastifyInstance
  /** The path's parameters, as Fastify's router found them. */
  params: unknown
  /** The route's own query validator (coerces and fills defaults, as for Fastify). */
  validate: (query: unknown) => boolean
  /** Number-typed query parameters, guarded as the finite-numbers plugin does. */
  numeric: string[]
  /** The route's 200 serialiser. */
  serialize: ((data: unknown) => string) | undefined
  /** The headers the route's hooks sent besides the per-request ones, as name, value… */
  fixed: string[]
}

/** What a route's answer teaches about its path; undefined for a route the lane cannot run. */
export function learnRoute (request: FastifyRequest, reply: FastifyReply, fixed: string[]): LearnedRoute | undefined {
  const { url, handler, schema } = request.routeOptions
  const validate = request.getValidationFunction('querystring') as LearnedRoute['validate'] | undefined
  if (url === undefined || typeof handler !== 'function' || typeof validate !== 'function') return undefined
  const serialize = (reply.getSerializationFunction('200', 'application/json') ?? reply.getSerializationFunction('200')) as LearnedRoute['serialize']
  return {
    url,
    handler: handler as LearnedRoute['handler'],
    server: request.server,
    params: request.params,
    validate,
    numeric: numericParams(schema?.querystring),
    serialize,
    fixed
  }
}

/**
 * Runs a learnt route's handler for a request's query string: parsed, guarded and validated
 * as Fastify would, then the handler with a request carrying what handlers read and a
 * LaneReply. Resolves with the prepared answer the handler gave, or undefined when only
 * Fastify can answer (a query it would refuse, an error, anything but a prepared answer).
 */
export async function runRoute (route: LearnedRoute, raw: IncomingMessage, queryString: string, log: Logger): Promise<LaneReply['answered']> {
  const query = parseQuery(queryString)
  guardNumbers(query, route.numeric)
  if (!route.validate(query)) return undefined
  const request = { query, params: route.params, headers: raw.headers, raw, method: 'GET', url: raw.url, routeOptions: { url: route.url }, server: route.server, log }
  const reply = new LaneReply(route.serialize)
  try {
    await route.handler.call(route.server, request, reply)
  } catch {
    return undefined
  }
  return reply.answered
}
