import swaggerUi from '@fastify/swagger-ui'
import type { FastifyPluginAsync } from 'fastify'
import { prepare, type Prepared } from '../src/http/prepared.js'
import { sendPrepared } from '../src/http/send-prepared.js'

/**
 * The OpenAPI description, as JSON and YAML, and interactive docs at /docs. The spec changes
 * only with a deploy, so each form is serialised once.
 */
const openapi: FastifyPluginAsync = async (app) => {
  let json: Prepared | undefined
  let yaml: Prepared | undefined

  app.get('/openapi.json', { schema: { hide: true } }, async function getOpenApiJson (request, reply) {
    json ??= prepare(JSON.stringify(app.swagger()), 'application/json; charset=utf-8')
    return sendPrepared(request, reply, json, app.clock())
  })

  app.get('/openapi.yaml', { schema: { hide: true } }, async function getOpenApiYaml (request, reply) {
    yaml ??= prepare(app.swagger({ yaml: true }), 'application/yaml; charset=utf-8')
    return sendPrepared(request, reply, yaml, app.clock())
  })

  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0 },
    // The docs page points at the same spec the API serves.
    transformSpecificationClone: true
  })
}

export default openapi
