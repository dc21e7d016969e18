import type { FastifyInstance, preValidationHookHandler, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { guardNumbers, numericParams } from '../http/plain-numbers.js'

/**
 * Ajv coerces "Infinity", "1e400" or "0x10" to numbers and lets a non-finite one past
 * minimum/maximum. A number in a query string here is a page, a count or a year: anything
 * but plain digits is replaced before validation by a value Ajv refuses, so the 400 names
 * it alongside every other bad parameter. (The fast lane applies the same guard.)
 */
async function finiteNumbers (app: FastifyInstance) {
  // Only routes with number parameters get the hook, with their names worked out once.
  app.addHook('onRoute', (route: RouteOptions) => {
    const numeric = numericParams(route.schema?.querystring)
    if (numeric.length === 0) return
    const guard: preValidationHookHandler = function plainNumbers (request, _reply, done) {
      guardNumbers(request.query as Record<string, unknown>, numeric)
      done()
    }
    route.preValidation = route.preValidation === undefined ? [guard] : [...[route.preValidation].flat(), guard]
  })
}

export default fp(finiteNumbers, { name: 'finite-numbers' })
