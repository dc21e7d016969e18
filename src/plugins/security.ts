import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { methodNotAllowed } from '../http/errors.js'
import { securityHeaders } from '../http/security-headers.js'

export interface SecurityOptions {
  /** RFC 9116 Contact for /.well-known/security.txt (mailto: or https:). */
  securityContact: string
  /** Absolute base URL when known, for the canonical line of security.txt. */
  publicBaseUrl: string | undefined
  clock: () => number
}

const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS']

/**
 * Headers and limits every response gets: helmet's hardening (decided once, see
 * security-headers.ts) with a CSP that lets a JSON answer load nothing, no referrer, CORS for
 * any site without credentials (charity pages embed this data; there are no cookies to
 * send), and a read-only API: other methods get 405.
 */
async function securityPlugin (app: FastifyInstance, options: SecurityOptions) {
  const headers = securityHeaders()
  // One synchronous hook, before any body is read: the fixed security headers, and 405 for a
  // write (or TRACE, QUERY, PROPFIND…) whatever it sends.
  app.addHook('onRequest', function secure (request, reply, done) {
    reply.headers(headers)
    if (ALLOWED_METHODS.includes(request.method)) return done()
    reply.header('allow', ALLOWED_METHODS.join(', '))
    done(methodNotAllowed(ALLOWED_METHODS))
  })
  await app.register(cors, {
    origin: '*',
    methods: ALLOWED_METHODS,
    credentials: false,
    exposedHeaders: ['ETag', 'Retry-After', 'Content-Encoding', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
    maxAge: 86400,
    strictPreflight: false
  })

  const expires = new Date(options.clock() + 180 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const securityTxt = [
    `Contact: ${options.securityContact}`,
    `Expires: ${expires}`,
    'Preferred-Languages: en',
    ...(options.publicBaseUrl === undefined ? [] : [`Canonical: ${options.publicBaseUrl}/.well-known/security.txt`])
  ].join('\n') + '\n'
  app.get('/.well-known/security.txt', { schema: { hide: true } }, async function getSecurityTxt (_request, reply) {
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(securityTxt)
  })
}

export default fp(securityPlugin, { name: 'security', dependencies: ['error-handler'] })
