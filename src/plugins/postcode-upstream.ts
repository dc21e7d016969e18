import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { createPostcodesIoClient, type PostcodeUpstream } from '../domain/geography/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** A postcodes.io-compatible service for postcodes the bundled index cannot settle; undefined when not configured. */
    postcodeUpstream: PostcodeUpstream | undefined
  }
}

export interface PostcodeUpstreamOptions {
  baseUrl: string | undefined
}

/** The optional upstream postcode service (POSTCODES_IO_URL), e.g. for Northern Ireland. */
async function postcodeUpstream (app: FastifyInstance, { baseUrl }: PostcodeUpstreamOptions) {
  app.decorate('postcodeUpstream', baseUrl === undefined ? undefined : createPostcodesIoClient(baseUrl, { timeoutMs: 1500 }))
}

export default fp(postcodeUpstream, { name: 'postcode-upstream' })
