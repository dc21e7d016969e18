import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../schemas/common.js'
import { LocalAuthorityItemQuerySchema, LocalAuthorityItemSchema, LocalAuthorityListQuerySchema, LocalAuthorityListSchema, LocalAuthorityParamsSchema } from '../schemas/local-authorities-api.js'
import { LookupQuerySchema, PostcodeLookupSchema } from '../schemas/lookup.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { jsonResponse, listResponse } from '../schemas/responses.js'
import { resolvePostcode } from '../src/domain/geography/index.js'
import { authorityLookup, findLocalAuthorities } from '../src/domain/local-authorities.js'
import { serviceAt } from '../src/domain/moment.js'
import { invalidParameter, recordNotFound } from '../src/http/errors.js'
import { lookupAnswerKey, lookupAnswers } from '../src/http/answer-keys.js'
import { momentOf } from '../src/http/moment.js'
import { respond } from '../src/http/respond.js'
import { respondItem, respondList } from '../src/http/resource-responses.js'
import { LocalAuthoritySchema } from '../schemas/local-authority.js'

const localAuthorities: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/local-authorities', {
    schema: {
      operationId: 'listLocalAuthorities',
      tags: ['local authorities'],
      summary: 'List the bodies responsible for children\'s social care',
      description: '153 English councils, 22 Welsh, 32 Scottish and 5 Northern Ireland HSC Trusts, sorted by name. Direct numbers are given only where sourced, each with its role (front door, out of hours, all hours), audience (public or professionals) and the quoted page it was seen on; every council links to GOV.UK. `has_contacts` narrows to those with or without any.',
      querystring: LocalAuthorityListQuerySchema,
      response: {
        200: listResponse(Ref(LocalAuthorityListSchema), 'One page of authorities'),
        304: NotModifiedResponse,
        404: problemResponse('Unknown release')
      }
    }
  }, async function listLocalAuthorities (request, reply) {
    return respondList(this, request, reply, { path: '/v1/local-authorities', item: LocalAuthoritySchema, linkParams: ['nation', 'q', 'has_contacts', 'at'], find: findLocalAuthorities })
  })

  // Repeat lookups skip Fastify (fast-lane.ts); with an upstream service only the route can answer.
  if (app.postcodeUpstream === undefined) app.fastLane.keyAnswers(`${app.prefix}/local-authorities/lookup`, lookupAnswers)
  app.get('/local-authorities/lookup', {
    schema: {
      operationId: 'lookupLocalAuthority',
      tags: ['local authorities'],
      summary: 'Find the authority responsible for children\'s social care at a postcode',
      description: 'Matches the full postcode, else its sector, else its district, and says which and how sure it is; lists the alternatives where an area is split. Never cached by anyone (`private, no-store`), never logged, never echoed.',
      querystring: LookupQuerySchema,
      response: {
        200: jsonResponse(Ref(PostcodeLookupSchema), 'How the postcode matched, and the authority'),
        304: NotModifiedResponse,
        404: problemResponse('Unknown release, or a release without a postcode index')
      }
    }
  }, async function lookupLocalAuthority (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    if (catalogue.geography === null) throw recordNotFound('postcode index', 'release')
    const { moment, followsClock, now } = momentOf(this, request.query)
    const result = await resolvePostcode(catalogue.geography, request.query.postcode, this.postcodeUpstream)
    if (result.status === 'not-matched' && result.reason === 'invalid') throw invalidParameter('postcode', 'is not a UK postcode, postcode sector or outward code')
    const lookup = authorityLookup(catalogue, result)
    return respond(request, reply, {
      owner: catalogue,
      // Keyed by what was found, never by the postcode: the cache holds no personal data.
      key: lookupAnswerKey(lookup, request.query.at),
      pinned: false,
      now,
      followsClock,
      policy: 'private',
      build () {
        const served = lookup.authorities.map((entry) => serviceAt(entry, moment))
        return {
          payload: {
            data: { match: lookup.match, authorities: served.map((s) => s.item), alternatives: lookup.alternatives, national_routes: catalogue.links.to('/v1/situations') },
            meta: { release: catalogue.release.id }
          },
          validUntil: Math.min(...served.map((s) => s.validUntil))
        }
      }
    })
  })

  app.get('/local-authorities/:code', {
    schema: {
      operationId: 'getLocalAuthority',
      tags: ['local authorities'],
      summary: 'Get one authority by its code (older codes resolve to the current body)',
      description: 'One body responsible for children\'s social care, by its current ONS GSS code (or ZC010 to ZC050 for a Northern Ireland HSC Trust). An older code answers with the current body.',
      params: LocalAuthorityParamsSchema,
      querystring: LocalAuthorityItemQuerySchema,
      response: {
        200: jsonResponse(Ref(LocalAuthorityItemSchema), 'The authority'),
        304: NotModifiedResponse,
        404: problemResponse('No authority has this code, or unknown release')
      }
    }
  }, async function getLocalAuthority (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const entry = catalogue.localAuthorityByCode.get(request.params.code)
    if (entry === undefined) throw recordNotFound('local authority', 'code')
    return respondItem(this, request, reply, { catalogue, key: `/v1/local-authorities/${entry.base.code}`, entry, present: serviceAt })
  })
}

export default localAuthorities
