import type { FastifyInstance, preValidationHookHandler, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'

/** What a number-typed query value may look like: plain decimal digits, no exponent or words. */
const PLAIN_NUMBER = /^[+-]?\d{1,15}(?:\.\d+)?$/

/** Stands in for a value that is not plain digits: Ajv cannot coerce it, so it reports the parameter. */
const NOT_A_NUMBER = 'not-a-number'

/**
 * Ajv coerces "Infinity", "1e400" or "0x10" to numbers and lets a non-finite one past
 * minimum/maximum. A number in a query string here is a page, a count or a year: anything
 * but plain digits is replaced before validation by a value Ajv refuses, so the 400 names
 * it alongside every other bad parameter.
 */
async function finiteNumbers (app: FastifyInstance) {
  // Only routes with number parameters get the hook, with their names worked out once.
  app.addHook('onRoute', (route: RouteOptions) => {
    const properties = (route.schema?.querystring as { properties?: Record<string, { type?: string }> } | undefined)?.properties ?? {}
    const numeric = Object.entries(properties).filter(([, p]) => p.type === 'integer' || p.type === 'number').map(([name]) => name)
    if (numeric.length === 0) return
    const guard: preValidationHookHandler = function plainNumbers (request, _reply, done) {
      const query = request.query as Record<string, unknown>
      for (const name of numeric) {
        const value = query[name]
        if (typeof value === 'string' && !PLAIN_NUMBER.test(value)) query[name] = NOT_A_NUMBER
      }
      done()
    }
    route.preValidation = route.preValidation === undefined ? [guard] : [...[route.preValidation].flat(), guard]
  })
}

export default fp(finiteNumbers, { name: 'finite-numbers' })
