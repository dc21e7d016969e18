import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../schemas/common.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { IdParamsSchema } from '../schemas/query.js'
import { jsonResponse, listResponse } from '../schemas/responses.js'
import { SourceItemQuerySchema, SourceItemSchema, SourceListQuerySchema, SourceListSchema } from '../schemas/sources-api.js'
import type { Source } from '../schemas/source.js'
import { searchKey } from '../src/catalogue/build-common.js'
import { recordNotFound } from '../src/http/errors.js'
import { respondItem, respondList } from '../src/http/resource-responses.js'
import { SourceSchema } from '../schemas/source.js'

const byId = (a: Source, b: Source) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0

const sources: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/sources', {
    schema: {
      operationId: 'listSources',
      tags: ['sources'],
      summary: 'List the sources every record cites (the bibliography)',
      description: 'Each page or dataset a fact was seen on: publisher, title, URL as seen, the date the page states and the date it was checked. Sorted by id.',
      querystring: SourceListQuerySchema,
      response: { 200: listResponse(Ref(SourceListSchema), 'One page of sources'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listSources (request, reply) {
    return respondList(this, request, reply, {
      path: '/v1/sources',
      item: SourceSchema,
      linkParams: ['kind', 'q'],
      find: (catalogue, filters: { kind?: Source['kind'], q?: string }) => {
        const needle = filters.q === undefined ? undefined : searchKey(filters.q.trim())
        const items = [...catalogue.sources.values()]
          .filter((s) => (filters.kind === undefined || s.kind === filters.kind) && (needle === undefined || searchKey(s.publisher, s.title).includes(needle)))
          .sort(byId)
        return { items, validUntil: Number.POSITIVE_INFINITY }
      }
    })
  })

  app.get('/sources/:id', {
    schema: {
      operationId: 'getSource',
      tags: ['sources'],
      summary: 'Get one source',
      description: 'One source: the page or dataset a fact was seen on, its publisher, the date the page states and the date it was checked.',
      params: IdParamsSchema,
      querystring: SourceItemQuerySchema,
      response: { 200: jsonResponse(Ref(SourceItemSchema), 'The source'), 304: NotModifiedResponse, 404: problemResponse('No source has this id, or unknown release') }
    }
  }, async function getSource (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const source = catalogue.sources.get(request.params.id)
    if (source === undefined) throw recordNotFound('source', 'id')
    return respondItem(this, request, reply, { catalogue, key: `/v1/sources/${source.id}`, entry: source, present: (s) => ({ item: s, validUntil: Number.POSITIVE_INFINITY }) })
  })
}

export default sources
