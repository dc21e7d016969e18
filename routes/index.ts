import type { FastifyPluginAsync } from 'fastify'
import helplines from './helplines.js'

/** The versioned data API, mounted under /v1. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(helplines)
}

export default v1
