import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js'

/**
 * The headers the hooks would have added: this answer is sent by the router before any
 * hook runs (helmet, CORS), so they are set here.
 */
const SAFE_HEADERS = {
  'content-type': PROBLEM_CONTENT_TYPE,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'access-control-allow-origin': '*'
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot decode (broken percent-encoding) or a
 * path segment too long to match. Fastify's own answer quotes the whole URL, query and all;
 * this one is problem details that repeat nothing.
 */
export function frameworkErrorResponder (base: string) {
  return function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    if (request.method === 'OPTIONS') {
      // A CORS preflight is answered for any path: the request it precedes will get the problem.
      const { 'content-type': _type, ...headers } = SAFE_HEADERS
      reply.code(204).headers({ ...headers, 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-max-age': '86400' }).send()
      return
    }
    if (!['GET', 'HEAD'].includes(request.method)) {
      reply.code(405).headers({ ...SAFE_HEADERS, allow: 'GET, HEAD, OPTIONS' }).send(JSON.stringify(problem(base, {
        kind: 'method-not-allowed', status: 405, detail: 'This API is read-only: use GET, HEAD, OPTIONS', instance: `urn:request:${request.id}`, requestId: String(request.id)
      })))
      return
    }
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    request.log.info({ req: { method: request.method, route: '(undecodable url)' }, res: { status: 400 } }, 'request completed')
    reply.code(400).headers(SAFE_HEADERS).send(JSON.stringify(problem(base, {
      kind: 'bad-request',
      status: 400,
      detail: tooLong ? 'A part of the path is too long to be an id or code.' : 'The URL is not validly percent-encoded.',
      instance: `urn:request:${request.id}`,
      requestId: String(request.id)
    })))
  }
}
