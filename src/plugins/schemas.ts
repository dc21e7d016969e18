import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { SHARED_SCHEMAS } from '../../schemas/index.js'
import { stripNestedIds } from '../../schemas/strip-ids.js'

/** Registers the shared schemas at the root so routes and OpenAPI refer to them by `$id`. */
async function schemasPlugin (app: FastifyInstance) {
  for (const schema of SHARED_SCHEMAS) app.addSchema(stripNestedIds(schema))
}

export default fp(schemasPlugin, { name: 'schemas' })
