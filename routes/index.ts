import type { FastifyPluginAsync } from 'fastify'
import bankHolidays from './bank-holidays.js'
import helplines from './helplines.js'
import localAuthorities from './local-authorities.js'
import reportingChannels from './reporting-channels.js'
import releases from './releases.js'
import reportingRoutes from './reporting-routes.js'
import sources from './sources.js'
import statistics from './statistics.js'

/** The versioned data API, mounted under /v1. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(helplines)
  await app.register(reportingChannels)
  await app.register(localAuthorities)
  await app.register(reportingRoutes)
  await app.register(statistics)
  await app.register(sources)
  await app.register(releases)
  await app.register(bankHolidays)
}

export default v1
