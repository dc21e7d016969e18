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
    // swagger-ui's default policy allows fonts, styles and images from any https host; the
    // page loads nothing but this server's files, so the policy says so.
    transformStaticCSP: (header) => header
      .replace("font-src 'self' https: data:", "font-src 'self' data:")
      .replace("img-src 'self' data: validator.swagger.io", "img-src 'self' data:")
      .replace("style-src 'self' https:", "style-src 'self'")
      .replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    // No call to validator.swagger.io (or anyone else) from the docs page.
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0, validatorUrl: null },
    // The docs page points at the same spec the API serves.
    transformSpecificationClone: true
  })
}

export default openapi
