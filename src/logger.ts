import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify'
import type { DestinationStream, LoggerOptions } from 'pino'

/**
 * What a request log line may hold. A URL, query, postcode, IP address, user agent, referrer
 * or cookie can identify a person asking for help, so none of them is ever logged: the
 * route template (`/v1/helplines/:id`) says what was asked for without saying by whom.
 */
export const requestLogSerializers = {
  req (request: FastifyRequest) {
    return {
      method: request.method,
      route: request.routeOptions?.url ?? '(no route)'
    }
  },
  res (reply: FastifyReply) {
    return { status: reply.statusCode }
  }
}

/** Belt and braces: should a future log call pass these by mistake, pino blanks them. */
export const redactedPaths = [
  'req.url', 'req.query', 'req.params', 'req.headers', 'req.ip', 'req.ips', 'req.hostname', 'req.remoteAddress',
  'url', 'query', 'params', 'headers', 'ip', 'postcode', '*.postcode', 'q', '*.q'
]

/** pino options for the app; `stream` lets tests capture the log. */
export function loggerOptions (level: string, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    serializers: requestLogSerializers,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    ...(stream === undefined ? {} : { stream })
  }
}

/** One line per finished request: method, route template, status and time, and the request id. */
export function logRequestCompleted (log: FastifyBaseLogger, request: FastifyRequest, reply: FastifyReply): void {
  log.info({ req: request, res: reply, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request completed')
}
