import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { LivenessSchema, ReadinessSchema } from '../schemas/meta.js'

const NoQuery = Type.Object({}, { additionalProperties: false })

/** Liveness and readiness for load balancers and orchestrators; never cached. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onSend', async (_request, reply) => { reply.header('cache-control', 'no-store') })

  app.get('/health/live', {
    schema: { operationId: 'getLiveness', tags: ['operations'], summary: 'The process is up', description: 'Answers while the process runs. For a load balancer: no data is read.', querystring: NoQuery, response: { 200: LivenessSchema } }
  }, async function getLiveness () {
    return { status: 'ok' as const }
  })

  app.get('/health/ready', {
    schema: {
      operationId: 'getReadiness',
      tags: ['operations'],
      summary: 'The data is loaded and being served',
      description: 'Always 200 while the process serves. `starting`: the latest release is served while older ones are still being checked. `degraded`: serving, but something is wrong, one line each in `reasons` (a refused data reload, a broken older release, Redis unreachable).',
      querystring: NoQuery,
      response: { 200: ReadinessSchema }
    }
  }, async function getReadiness () {
    const { latest, ids } = this.catalogues
    return {
      status: this.readiness.status,
      release: latest.release.id,
      releases: ids.length,
      reasons: this.readiness.reasons,
      last_reload: this.lastReload
    }
  })
}

export default health
