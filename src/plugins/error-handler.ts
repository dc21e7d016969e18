import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { PROBLEM_CONTENT_TYPE, problem, type ProblemInput, type ProblemKind } from '../http/problem.js'
import { fieldErrors, summarise } from '../http/validation-problem.js'

export interface ErrorHandlerOptions {
  /** Prefix of problem `type` URIs: the public base URL, or '' for paths. */
  base: string
}

/** The path template of the matched route (`/v1/helplines/{id}`): says where, never what was sent. */
function instanceOf (request: FastifyRequest): string {
  const template = request.routeOptions?.url
  return template === undefined ? `urn:request:${request.id}` : template.replace(/:(\w+)/g, '{$1}')
}

function statusKind (status: number, code: string | undefined): ProblemKind {
  if (code === 'SG_OVERLOADED') return 'overloaded'
  if (status === 404) return 'not-found'
  if (status === 405) return 'method-not-allowed'
  if (status === 406) return 'not-acceptable'
  if (status === 429) return 'rate-limited'
  if (status === 503) return 'unavailable'
  return status >= 500 ? 'internal-error' : 'bad-request'
}

async function errorHandler (app: FastifyInstance, { base }: ErrorHandlerOptions) {
  const send = (request: FastifyRequest, reply: FastifyReply, input: Omit<ProblemInput, 'instance' | 'requestId'>) =>
    reply.code(input.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header('cache-control', 'no-store')
      .send(problem(base, { ...input, instance: instanceOf(request), requestId: String(request.id) }))

  app.setErrorHandler(function handleError (error: FastifyError & { param?: string, location?: 'query' | 'path', reason?: string, allowed?: readonly string[], headers?: Record<string, string> }, request, reply) {
    if (error.validation !== undefined) {
      const errors = fieldErrors(error.validation, error.validationContext)
      return send(request, reply, { kind: 'invalid-parameter', status: 400, detail: summarise(errors), extra: { errors } })
    }
    if (error.code === 'SG_INVALID_PARAMETER') {
      const errors = [{ name: error.param ?? 'query', in: 'query' as const, reason: error.reason ?? 'is not valid' }]
      const extra = error.allowed === undefined ? { errors } : { errors, allowed_values: [...error.allowed] }
      return send(request, reply, { kind: 'invalid-parameter', status: 400, detail: error.message, extra })
    }
    if (error.code === 'SG_UNKNOWN_RELEASE') {
      return send(request, reply, {
        kind: 'unknown-release',
        status: 404,
        detail: error.message,
        extra: { errors: [{ name: error.param ?? 'release', in: error.location ?? 'query', reason: 'is not a release this server holds' }], known_releases: [...app.catalogues.ids] }
      })
    }
    if (error.code === 'SG_NOT_FOUND') {
      const name = error.param ?? 'id'
      return send(request, reply, { kind: 'not-found', status: 404, detail: error.message, extra: { errors: [{ name, in: 'path', reason: 'matches no record' }] } })
    }
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500 && error.code?.startsWith('SG_') !== true) {
      // The cause goes to the log for operators; the client learns only that it failed and the id.
      request.log.error({ err: error }, 'request failed')
      return send(request, reply, { kind: 'internal-error', status, detail: `The server could not answer. Quote request id ${String(request.id)} if you report it.` })
    }
    if (error.headers !== undefined) reply.headers(error.headers)
    // Our own errors' messages are written for people; Fastify's may quote the request.
    const detail = error.code?.startsWith('SG_') === true ? error.message : plainDetail(status)
    return send(request, reply, { kind: statusKind(status, error.code), status, detail })
  })

  app.setNotFoundHandler(function handleNotFound (request, reply) {
    return send(request, reply, { kind: 'not-found', status: 404, detail: 'There is no endpoint at this path. GET / lists the endpoints.' })
  })
}

/** Client errors raised by Fastify itself; their messages can quote input, so they are replaced. */
function plainDetail (status: number): string {
  if (status === 413) return 'The request is too large.'
  if (status === 415) return 'This API takes no request body.'
  if (status === 429) return 'Too many requests from this client. Wait for the time in Retry-After and try again.'
  return 'The request could not be understood.'
}

export default fp(errorHandler, { name: 'error-handler', dependencies: ['catalogue'] })
