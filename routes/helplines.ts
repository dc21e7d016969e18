import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HelplineItemQuerySchema, HelplineItemSchema, HelplineListQuerySchema, HelplineListSchema } from '../schemas/helplines-api.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { Ref } from '../schemas/common.js'
import { DEFAULT_PER_PAGE, IdParamsSchema } from '../schemas/query.js'
import { findHelplines, helplineAt } from '../src/domain/helplines.js'
import { paginate } from '../src/domain/paginate.js'
import { recordNotFound } from '../src/http/errors.js'
import { listLinks } from '../src/http/list-links.js'
import { momentOf } from '../src/http/moment.js'
import { queryKey, respond } from '../src/http/respond.js'

const helplines: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/helplines', {
    schema: {
      operationId: 'listHelplines',
      tags: ['helplines'],
      summary: 'List helplines',
      description: 'UK helplines for children, young people and worried adults, sorted by name, with every contact\'s open-now status at `at` (default now).',
      querystring: HelplineListQuerySchema,
      response: {
        200: Ref(HelplineListSchema, { description: 'One page of helplines' }),
        304: NotModifiedResponse,
        400: problemResponse('A query parameter is not valid'),
        404: problemResponse('Unknown release')
      }
    }
  }, async function listHelplines (request, reply) {
    const { query } = request
    const catalogue = this.catalogueFor(query.release)
    const { moment, followsClock, now } = momentOf(this, query)
    const { page = 1, per_page: perPage = DEFAULT_PER_PAGE, release: _release, ...filters } = query
    return respond(request, reply, {
      owner: catalogue,
      key: queryKey('helplines', query),
      pinned: Object.keys(filters).length === 0 && page === 1 && perPage === DEFAULT_PER_PAGE,
      now,
      followsClock,
      build () {
        const { items, validUntil } = findHelplines(catalogue, filters, moment)
        const pageOf = paginate(items, page, perPage)
        return {
          payload: {
            data: pageOf.items,
            meta: { release: catalogue.release.id, total: pageOf.total, page, per_page: perPage },
            links: listLinks(catalogue.links, '/v1/helplines', [
              ['nation', filters.nation], ['audience', filters.audience], ['topic', filters.topic],
              ['contact_kind', filters.contact_kind], ['open_now', filters.open_now], ['at', filters.at], ['q', filters.q]
            ], pageOf)
          },
          validUntil
        }
      }
    })
  })

  app.get('/helplines/:id', {
    schema: {
      operationId: 'getHelpline',
      tags: ['helplines'],
      summary: 'Get one helpline',
      params: IdParamsSchema,
      querystring: HelplineItemQuerySchema,
      response: {
        200: Ref(HelplineItemSchema, { description: 'The helpline' }),
        304: NotModifiedResponse,
        400: problemResponse('A parameter is not valid'),
        404: problemResponse('No helpline has this id, or unknown release')
      }
    }
  }, async function getHelpline (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const entry = catalogue.helplineById.get(request.params.id)
    if (entry === undefined) throw recordNotFound('helpline', 'id')
    const { moment, followsClock, now } = momentOf(this, request.query)
    return respond(request, reply, {
      owner: catalogue,
      key: queryKey(`helplines/${entry.base.id}`, request.query),
      pinned: request.query.nation === undefined && request.query.at === undefined,
      now,
      followsClock,
      build () {
        const { helpline, validUntil } = helplineAt(entry, moment)
        return { payload: { data: helpline, meta: { release: catalogue.release.id } }, validUntil }
      }
    })
  })
}

export default helplines
