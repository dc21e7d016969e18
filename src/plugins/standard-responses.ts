import type { FastifyInstance, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { problemResponse } from '../../schemas/problem.js'

/**
 * Problems any endpoint can answer, whatever it does: bad query, too many requests,
 * overload, failure. Added to every documented route so the spec lists them all.
 */
const STANDARD = {
  400: 'A query parameter is not valid (unknown, wrong type or out of range)',
  429: 'Too many requests from this client; see Retry-After',
  500: 'Internal error; quote the request id',
  503: 'Overloaded or shutting down; see Retry-After'
} as const

async function standardResponses (app: FastifyInstance) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as { hide?: boolean, response?: Record<string, unknown> } | undefined
    if (schema === undefined || schema.hide === true) return
    schema.response ??= {}
    for (const [status, description] of Object.entries(STANDARD)) schema.response[status] ??= problemResponse(description)
  })
}

export default fp(standardResponses, { name: 'standard-responses' })
