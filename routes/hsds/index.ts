import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { HsdsRootSchema } from '../../schemas/hsds/api.js'
import { NotModifiedResponse } from '../../schemas/problem.js'
import { Ref } from '../../schemas/common.js'
import { jsonResponse } from '../../schemas/responses.js'
import { HSDS_PROFILE_URL, HSDS_VERSION } from '../../src/domain/hsds/index.js'
import { respond } from '../../src/http/respond.js'
import organizations from './organizations.js'
import services from './services.js'
import taxonomies from './taxonomies.js'

/** The Open Referral UK (HSDS 3.0, UK profile) view of the same data, mounted under /hsds. */
const hsds: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: {
      operationId: 'getHsdsRoot',
      tags: ['open referral uk'],
      summary: 'About this Open Referral UK feed',
      description: 'The HSDS version, the profile the answers follow, and where the OpenAPI description is, as the profile\'s `/` endpoint asks.',
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: jsonResponse(Ref(HsdsRootSchema), 'About this feed'), 304: NotModifiedResponse }
    }
  }, async function getHsdsRoot (request, reply) {
    const latest = this.catalogues.latest
    return respond(request, reply, {
      owner: latest,
      key: '/hsds/',
      pinned: true,
      now: this.clock(),
      followsClock: false,
      build: () => ({
        payload: { version: HSDS_VERSION, profile: HSDS_PROFILE_URL, openapi_url: latest.links.to('/openapi.json') },
        validUntil: Number.POSITIVE_INFINITY
      })
    })
  })
  await app.register(services)
  await app.register(organizations)
  await app.register(taxonomies)
}

export default hsds
