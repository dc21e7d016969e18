import createError from '@fastify/error'

const RecordNotFound = createError<[string, string]>('SG_NOT_FOUND', 'No %s has the %s given in the path', 404)

/** No record of that kind has the id in the path; `param` names the path parameter. */
export function recordNotFound (kind: string, param: string): Error & { param: string } {
  return Object.assign(new RecordNotFound(kind, param), { param })
}

const UnknownRelease = createError<[string]>('SG_UNKNOWN_RELEASE', 'The release given in the %s is not one this server holds', 404)

/** A release id (`?release=`, or the path of /v1/releases/{id}) this server does not hold. */
export function unknownRelease (where: { name: string, in: 'query' | 'path' }): Error & { param: string, location: 'query' | 'path' } {
  return Object.assign(new UnknownRelease(where.in), { param: where.name, location: where.in })
}

const ReleaseStarting = createError<[string]>('SG_RELEASE_STARTING', 'Release %s is still being checked after start-up: try again after the time in Retry-After', 503)

/** A release the server holds but has not finished checking since it started: come back in a moment. */
export function releaseStarting (id: string, retryAfter: number): Error & { headers: Record<string, string> } {
  return Object.assign(new ReleaseStarting(id), { headers: { 'retry-after': String(retryAfter) } })
}

const InvalidParameter = createError<[string, string]>('SG_INVALID_PARAMETER', "Query parameter '%s' %s.", 400)

/** A query parameter that passed the schema but makes no sense (e.g. 31 February). */
export function invalidParameter (param: string, reason: string): Error & { param: string, reason: string } {
  return Object.assign(new InvalidParameter(param, reason), { param, reason })
}

/** A query value that is not one of those the current data knows (e.g. `situation`). */
export function unknownValue (param: string, allowed: readonly string[]): Error & { param: string, reason: string, allowed: readonly string[] } {
  const reason = `must be one of: ${allowed.join(', ')}`
  return Object.assign(new InvalidParameter(param, reason), { param, reason, allowed })
}

const MethodNotAllowed = createError<[string]>('SG_METHOD_NOT_ALLOWED', 'This API is read-only: use %s', 405)

/** A write method on a read-only API. */
export function methodNotAllowed (allowed: readonly string[]): Error {
  return new MethodNotAllowed(allowed.join(', '))
}

const Overloaded = createError('SG_OVERLOADED', 'The service is overloaded: try again after the time in Retry-After', 503)
const ShuttingDown = createError('SG_SHUTTING_DOWN', 'This server is shutting down: try again, another will answer', 503)

/** The event loop is saturated: refuse now rather than time out. */
export function overloaded (): Error {
  return new Overloaded()
}

/** The server is closing: requests on kept-alive connections are refused. */
export function shuttingDown (): Error {
  return new ShuttingDown()
}
