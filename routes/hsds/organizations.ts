import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../../schemas/common.js'
import { HsdsIdParamsSchema, HsdsItemQuerySchema, HsdsOrganizationListQuerySchema, HsdsOrganizationPageSchema } from '../../schemas/hsds/api.js'
import { HsdsOrganizationSchema } from '../../schemas/hsds/organization.js'
import { NotModifiedResponse, problemResponse } from '../../schemas/problem.js'
import { jsonResponse } from '../../schemas/responses.js'
import { filterOrganizations } from '../../src/domain/hsds/index.js'
import { respondHsdsItem, respondHsdsList } from '../../src/http/hsds-responses.js'

const TAGS = ['open referral uk']

/** Who runs the services: charities, public bodies, and every council. */
const organizations: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/organizations', {
    schema: {
      operationId: 'listHsdsOrganizations',
      tags: TAGS,
      summary: 'List organisations (Open Referral UK)',
      description: 'The organisations that run the services, and every body responsible for children\'s social care, sorted by name.',
      querystring: HsdsOrganizationListQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsOrganizationPageSchema), 'One page of organisations'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listHsdsOrganizations (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    return respondHsdsList(this, request, reply, {
      path: '/hsds/organizations',
      catalogue,
      find: (feed) => filterOrganizations(feed, request.query.search).map((o) => o.summary)
    })
  })

  app.get('/organizations/:id', {
    schema: {
      operationId: 'getHsdsOrganization',
      tags: TAGS,
      summary: 'Get one organisation with its services (Open Referral UK)',
      description: 'One organisation, with its identifiers (a council\'s ONS code) and the services it runs.',
      params: HsdsIdParamsSchema,
      querystring: HsdsItemQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsOrganizationSchema), 'The organisation'), 304: NotModifiedResponse, 404: problemResponse('No organisation has this id, or unknown release') }
    }
  }, async function getHsdsOrganization (request, reply) {
    return respondHsdsItem(this, request, reply, { path: '/hsds/organizations', kind: 'organisation', find: (feed, id) => feed.organizationById.get(id)?.organization })
  })
}

export default organizations
