import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../schemas/common.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { jsonResponse, listResponse } from '../schemas/responses.js'
import { IdParamsSchema } from '../schemas/query.js'
import { ReportingRouteItemSchema, ReportingRouteQuerySchema, SituationItemQuerySchema, SituationItemSchema, SituationListQuerySchema, SituationListSchema } from '../schemas/reporting-routes-api.js'
import { resolvePostcode } from '../src/domain/geography/index.js'
import { authorityLookup, type AuthorityLookup } from '../src/domain/local-authorities.js'
import { composeRoute } from '../src/domain/reporting-routes.js'
import { invalidParameter, recordNotFound, unknownValue } from '../src/http/errors.js'
import { routeAnswerKey, routeAnswers } from '../src/http/answer-keys.js'
import { momentOf } from '../src/http/moment.js'
import { respond } from '../src/http/respond.js'
import { respondItem, respondList } from '../src/http/resource-responses.js'
import { SituationSchema } from '../schemas/reporting-route.js'

const reportingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/situations', {
    schema: {
      operationId: 'listSituations',
      tags: ['reporting'],
      summary: 'List the situations a reporting route can be asked for',
      description: 'The situations a reporting route exists for (immediate danger, online grooming and so on), each linking to its route.',
      querystring: SituationListQuerySchema,
      response: { 200: listResponse(Ref(SituationListSchema), 'The situations, in the order they are usually met'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listSituations (request, reply) {
    return respondList(this, request, reply, {
      path: '/v1/situations',
      item: SituationSchema,
      linkParams: [],
      find: (catalogue) => ({ items: catalogue.routes.map((r) => r.situation), validUntil: Number.POSITIVE_INFINITY })
    })
  })

  app.get('/situations/:id', {
    schema: {
      operationId: 'getSituation',
      tags: ['reporting'],
      summary: 'Get one situation',
      description: 'One situation, with a link to its ordered reporting route.',
      params: IdParamsSchema,
      querystring: SituationItemQuerySchema,
      response: { 200: jsonResponse(Ref(SituationItemSchema), 'The situation'), 304: NotModifiedResponse, 404: problemResponse('No situation has this id, or unknown release') }
    }
  }, async function getSituation (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const entry = catalogue.routeById.get(request.params.id)
    if (entry === undefined) throw recordNotFound('situation', 'id')
    return respondItem(this, request, reply, { catalogue, key: `/v1/situations/${entry.situation.id}`, entry, present: (e) => ({ item: e.situation, validUntil: Number.POSITIVE_INFINITY }) })
  })

  // Repeat routes for a postcode skip Fastify (fast-lane.ts); with an upstream service only the route can answer.
  if (app.postcodeUpstream === undefined) app.fastLane.keyAnswers(`${app.prefix}/reporting-routes`, routeAnswers)
  app.get('/reporting-routes', {
    schema: {
      operationId: 'getReportingRoute',
      tags: ['reporting'],
      summary: 'Where to report, in order, for a situation and a place',
      description: 'The ordered steps for a situation. With a postcode, the council step names the child\'s own council (or NI HSC Trust) with the lookup\'s confidence; without one, it links to GOV.UK\'s council finder. The council step lists the public\'s numbers (daytime and out of hours, with open-now), or with `audience=professionals` the lines councils give practitioners. 999 comes first wherever immediate danger applies. With a postcode the answer is `private, no-store`.',
      querystring: ReportingRouteQuerySchema,
      response: {
        200: jsonResponse(Ref(ReportingRouteItemSchema), 'The route'),
        304: NotModifiedResponse,
        404: problemResponse('Unknown release')
      }
    }
  }, async function getReportingRoute (request, reply) {
    const { query } = request
    const catalogue = this.catalogueFor(query.release)
    const entry = catalogue.routeById.get(query.situation)
    if (entry === undefined) throw unknownValue('situation', catalogue.routes.map((r) => r.situation.id))
    const { moment, followsClock, now } = momentOf(this, query)
    let lookup: AuthorityLookup | null = null
    if (query.postcode !== undefined && catalogue.geography !== null) {
      const result = await resolvePostcode(catalogue.geography, query.postcode, this.postcodeUpstream)
      if (result.status === 'not-matched' && result.reason === 'invalid') throw invalidParameter('postcode', 'is not a UK postcode, postcode sector or outward code')
      lookup = authorityLookup(catalogue, result)
    }
    return respond(request, reply, {
      owner: catalogue,
      // Keyed by what the postcode resolved to, never by the postcode itself.
      key: routeAnswerKey(entry.situation.id, query.nation, query.at, lookup, query.audience),
      pinned: query.postcode === undefined && query.at === undefined,
      now,
      followsClock,
      policy: query.postcode === undefined ? 'public' : 'private',
      build () {
        const { item, validUntil } = composeRoute(catalogue, entry, query.nation, lookup, moment, query.audience)
        return { payload: { data: item, meta: { release: catalogue.release.id } }, validUntil }
      }
    })
  })
}

export default reportingRoutes
