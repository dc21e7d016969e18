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
  /** How long to wait for an answer before going on without it. */
  timeoutMs: number
}

/** The optional upstream postcode service (POSTCODES_IO_URL), e.g. for Northern Ireland. */
async function postcodeUpstream (app: FastifyInstance, { baseUrl, timeoutMs }: PostcodeUpstreamOptions) {
  app.decorate('postcodeUpstream', baseUrl === undefined ? undefined : createPostcodesIoClient(baseUrl, { timeoutMs }))
}

export default fp(postcodeUpstream, { name: 'postcode-upstream' })
