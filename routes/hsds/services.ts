import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../../schemas/common.js'
import { HsdsIdParamsSchema, HsdsItemQuerySchema, HsdsServiceAtLocationPageSchema, HsdsServiceListQuerySchema, HsdsServicePageSchema } from '../../schemas/hsds/api.js'
import { HsdsServiceAtLocationSchema } from '../../schemas/hsds/service-at-location.js'
import { HsdsServiceSchema } from '../../schemas/hsds/service.js'
import { NotModifiedResponse, problemResponse } from '../../schemas/problem.js'
import { jsonResponse } from '../../schemas/responses.js'
import { filterServices } from '../../src/domain/hsds/index.js'
import { placeAsked, respondHsdsItem, respondHsdsList } from '../../src/http/hsds-responses.js'

const TAGS = ['open referral uk']
const FILTERS = 'Filters combine with AND. With `postcode`, only services whose area holds it (national services for its nation, the council responsible there); such answers are `private, no-store` and the postcode is never logged.'

/** Services, and services at their (virtual) locations, in the Open Referral UK shape. */
const services: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/services', {
    schema: {
      operationId: 'listHsdsServices',
      tags: TAGS,
      summary: 'List services (Open Referral UK)',
      description: `Every helpline, reporting channel and council children's social care front door as an HSDS 3.0 service, sorted by name, with the profile's paging and filters. ${FILTERS}`,
      querystring: HsdsServiceListQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsServicePageSchema), 'One page of services'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listHsdsServices (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const place = await placeAsked(this, catalogue, request.query)
    return respondHsdsList(this, request, reply, {
      path: '/hsds/services',
      catalogue,
      place,
      find: (feed) => filterServices(feed, request.query, place?.place).map((s) => s.listItem)
    })
  })

  app.get('/services/:id', {
    schema: {
      operationId: 'getHsdsService',
      tags: TAGS,
      summary: 'Get one service with everything about it (Open Referral UK)',
      description: 'One service, fully nested: organisation, phones, schedules, service areas, languages, its location and its taxonomy terms.',
      params: HsdsIdParamsSchema,
      querystring: HsdsItemQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsServiceSchema), 'The service'), 304: NotModifiedResponse, 404: problemResponse('No service has this id, or unknown release') }
    }
  }, async function getHsdsService (request, reply) {
    return respondHsdsItem(this, request, reply, { path: '/hsds/services', kind: 'service', find: (feed, id) => feed.serviceById.get(id)?.service })
  })

  app.get('/service_at_locations', {
    schema: {
      operationId: 'listHsdsServiceAtLocations',
      tags: TAGS,
      summary: 'List services at their locations (Open Referral UK)',
      description: `Each service at its one virtual location (every service here is reached by phone or online), sorted by service name, with the same filters as /hsds/services. ${FILTERS}`,
      querystring: HsdsServiceListQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsServiceAtLocationPageSchema), 'One page of services at their locations'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listHsdsServiceAtLocations (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const place = await placeAsked(this, catalogue, request.query)
    return respondHsdsList(this, request, reply, {
      path: '/hsds/service_at_locations',
      catalogue,
      place,
      find: (feed) => filterServices(feed, request.query, place?.place).map((s) => s.serviceAtLocationListItem)
    })
  })

  app.get('/service_at_locations/:id', {
    schema: {
      operationId: 'getHsdsServiceAtLocation',
      tags: TAGS,
      summary: 'Get one service at its location, with the whole service (Open Referral UK)',
      description: 'One service at its location, with the service fully nested. (The profile\'s own OpenAPI names compiled/service.json here; its intended schema, which this answer follows, is compiled/service_at_location.json.)',
      params: HsdsIdParamsSchema,
      querystring: HsdsItemQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsServiceAtLocationSchema), 'The service at its location'), 304: NotModifiedResponse, 404: problemResponse('No service at a location has this id, or unknown release') }
    }
  }, async function getHsdsServiceAtLocation (request, reply) {
    return respondHsdsItem(this, request, reply, { path: '/hsds/service_at_locations', kind: 'service at a location', find: (feed, id) => feed.serviceAtLocationById.get(id)?.serviceAtLocation })
  })
}

export default services
