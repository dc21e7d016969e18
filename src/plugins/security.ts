import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { methodNotAllowed } from '../http/errors.js'

export interface SecurityOptions {
  /** RFC 9116 Contact for /.well-known/security.txt (mailto: or https:). */
  securityContact: string
  /** Absolute base URL when known, for the canonical line of security.txt. */
  publicBaseUrl: string | undefined
  clock: () => number
}

const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS']

/**
 * Headers and limits every response gets: helmet's hardening with a CSP that lets a JSON
 * answer load nothing, no referrer, CORS for any site without credentials (charity pages
 * embed this data; there are no cookies to send), and a read-only API: other methods get 405.
 */
async function securityPlugin (app: FastifyInstance, options: SecurityOptions) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    referrerPolicy: { policy: 'no-referrer' },
    // Other sites fetch this data: it must not be locked to our origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false
  })
  await app.register(cors, {
    origin: '*',
    methods: ALLOWED_METHODS,
    credentials: false,
    exposedHeaders: ['ETag', 'Retry-After', 'Content-Encoding', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
    maxAge: 86400,
    strictPreflight: false
  })

  // Before any body is read: a write (or TRACE, QUERY, PROPFIND…) gets 405 whatever it sends.
  app.addHook('onRequest', async (request, reply) => {
    if (ALLOWED_METHODS.includes(request.method)) return
    reply.header('allow', ALLOWED_METHODS.join(', '))
    throw methodNotAllowed(ALLOWED_METHODS)
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
