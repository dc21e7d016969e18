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
      description: '`degraded` means the last data reload was refused and the previous release is still served.',
      querystring: NoQuery,
      response: { 200: ReadinessSchema }
    }
  }, async function getReadiness () {
    const { latest, ids } = this.catalogues
    const last = this.lastReload
    return {
      status: last === null || last.ok ? 'ready' as const : 'degraded' as const,
      release: latest.release.id,
      releases: ids.length,
      last_reload: last
    }
  })
}

export default health
