import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Cross-origin access for any site (charity pages embed this data), without credentials:
 * no cookies exist here to send.
 */
async function securityPlugin (app: FastifyInstance) {
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'OPTIONS'],
    credentials: false,
    exposedHeaders: ['ETag', 'Retry-After', 'Content-Encoding'],
    maxAge: 86400,
    strictPreflight: false
  })
}

export default fp(securityPlugin, { name: 'security' })
