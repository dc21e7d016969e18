import type { FastifyInstance, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { problemResponse } from '../../schemas/problem.js'

/**
 * Problems any endpoint can answer, whatever it does: bad query, too many requests,
 * overload, failure. Added to every documented route so the spec lists them all.
 */
const STANDARD = {
  400: 'A query parameter is not valid (unknown, wrong type or out of range)',
  406: 'The Accept header allows no representation this endpoint has (JSON; CSV for lists)',
  429: 'Too many requests from this client; see Retry-After',
  500: 'Internal error; quote the request id',
  503: 'Overloaded or shutting down; see Retry-After'
} as const

const int32 = (description: string) => ({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, description })
const CORS_HEADER = { 'Access-Control-Allow-Origin': { type: 'string', const: '*', description: 'Any site may read this answer' } }
const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': int32('Requests allowed per window (IETF draft RateLimit headers)'),
  'RateLimit-Remaining': int32('Requests left in this window'),
  'RateLimit-Reset': int32('Seconds until the window resets')
}
const RETRY_AFTER = { 'Retry-After': { ...int32('Seconds to wait before trying again'), maximum: 86400 } }
const CACHE_HEADERS = {
  ETag: { type: 'string', maxLength: 100, pattern: '^(?:W/)?"[^"]*"$', description: 'Strong validator: send it back in If-None-Match' },
  'Cache-Control': { type: 'string', maxLength: 200, pattern: '^[a-z0-9=, -]+$', description: 'public data: max-age 300 (or until the open-now status next changes); postcode answers: private, no-store' }
}

/** The headers a response of this status carries, for the spec. */
function headersFor (status: string, limited: boolean): Record<string, unknown> {
  const rate = limited ? RATE_LIMIT_HEADERS : {}
  if (status === '429' || status === '503') return { ...CORS_HEADER, ...rate, ...RETRY_AFTER }
  if (status === '200' || status === '304') return { ...CORS_HEADER, ...rate, ...CACHE_HEADERS }
  return { ...CORS_HEADER, ...rate }
}

async function standardResponses (app: FastifyInstance) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as { hide?: boolean, response?: Record<string, unknown> } | undefined
    if (schema === undefined || schema.hide === true) return
    schema.response ??= {}
    for (const [status, description] of Object.entries(STANDARD)) {
      // Health checks answer whatever the Accept header says, and are never rate-limited.
      if (route.url.startsWith('/health/') && (status === '406' || status === '429')) continue
      // The embed's pages and script have one representation each, sent whatever Accept says.
      if (route.url.startsWith('/embed') && status === '406') continue
      schema.response[status] ??= problemResponse(description)
    }
    const limited = !route.url.startsWith('/health/')
    for (const [status, entry] of Object.entries(schema.response)) {
      if (entry !== null && typeof entry === 'object' && !('$ref' in entry)) {
        schema.response[status] = { ...entry, headers: headersFor(status, limited) }
      }
    }
  })
}

export default fp(standardResponses, { name: 'standard-responses' })
