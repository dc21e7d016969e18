import type { FastifyPluginAsync } from 'fastify'
import helplines from './helplines.js'
import localAuthorities from './local-authorities.js'
import reportingChannels from './reporting-channels.js'
import reportingRoutes from './reporting-routes.js'

/** The versioned data API, mounted under /v1. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(helplines)
  await app.register(reportingChannels)
  await app.register(localAuthorities)
  await app.register(reportingRoutes)
}

export default v1
