import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../schemas/common.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { IdParamsSchema } from '../schemas/query.js'
import { jsonResponse, listResponse } from '../schemas/responses.js'
import { CitationItemSchema, CitationQuerySchema, StatisticItemQuerySchema, StatisticItemSchema, StatisticListQuerySchema, StatisticListSchema } from '../schemas/statistics-api.js'
import type { StatisticEntry } from '../src/catalogue/build-catalogue.js'
import { staleness, type Moment } from '../src/domain/moment.js'
import { findStatistics, type StatisticFilters } from '../src/domain/statistics.js'
import { recordNotFound } from '../src/http/errors.js'
import { respondItem, respondList } from '../src/http/resource-responses.js'
import { StatisticSchema } from '../schemas/statistic.js'

/** A statistic as served on a day: stale once past its review date. */
function statisticAt (entry: StatisticEntry, moment: Moment) {
  const { stale, validUntil } = staleness(entry.base.review_by, moment.instant)
  return { item: { ...entry.base, stale }, validUntil }
}

const statistics: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/statistics', {
    schema: {
      operationId: 'listStatistics',
      tags: ['statistics'],
      summary: 'List cited statistics',
      description: 'Figures on child abuse and safeguarding, each with its publisher, period, area, qualifier ("around", "at least") and sources. Newest period first. `superseded_by` points at a newer figure; `comparability_note` says when two must not be compared.',
      querystring: StatisticListQuerySchema,
      response: { 200: listResponse(Ref(StatisticListSchema), 'One page of statistics'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listStatistics (request, reply) {
    return respondList(this, request, reply, {
      path: '/v1/statistics',
      item: StatisticSchema,
      linkParams: ['topic', 'geography', 'year_from', 'year_to', 'publisher', 'current_only'],
      find: (catalogue, filters: StatisticFilters, moment) => {
        const served = findStatistics(catalogue.statistics.map((s) => s.base), filters)
          .map((base) => statisticAt(catalogue.statisticById.get(base.id)!, moment))
        return { items: served.map((s) => s.item), validUntil: Math.min(...served.map((s) => s.validUntil)) }
      }
    })
  })

  app.get('/statistics/:id', {
    schema: {
      operationId: 'getStatistic',
      tags: ['statistics'],
      summary: 'Get one statistic',
      description: 'One cited statistic with its qualifier, period, area, publisher, sources, and the newer figure that replaces it, if any.',
      params: IdParamsSchema,
      querystring: StatisticItemQuerySchema,
      response: { 200: jsonResponse(Ref(StatisticItemSchema), 'The statistic'), 304: NotModifiedResponse, 404: problemResponse('No statistic has this id, or unknown release') }
    }
  }, async function getStatistic (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const entry = catalogue.statisticById.get(request.params.id)
    if (entry === undefined) throw recordNotFound('statistic', 'id')
    return respondItem(this, request, reply, { catalogue, key: `/v1/statistics/${entry.base.id}`, entry, present: statisticAt })
  })

  app.get('/statistics/:id/citation', {
    schema: {
      operationId: 'getStatisticCitation',
      tags: ['statistics'],
      summary: 'Cite a statistic (APA, Harvard, BibTeX or CSL-JSON)',
      description: 'The statistic\'s source formatted by citation-js. `text` holds the citation; `content_type` says how to serve it on its own.',
      params: IdParamsSchema,
      querystring: CitationQuerySchema,
      response: { 200: jsonResponse(Ref(CitationItemSchema), 'The citation'), 304: NotModifiedResponse, 404: problemResponse('No statistic has this id, or unknown release') }
    }
  }, async function getStatisticCitation (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const entry = catalogue.statisticById.get(request.params.id)
    if (entry === undefined) throw recordNotFound('statistic', 'id')
    const style = request.query.style ?? 'apa'
    // citation-js is large: it is loaded when the first citation is asked for, not at boot.
    const { formatCitation } = await import('../src/domain/citations.js')
    return respondItem(this, request, reply, {
      catalogue,
      key: `/v1/statistics/${entry.base.id}/citation`,
      entry,
      present: (e) => ({ item: formatCitation(e.base, style), validUntil: Number.POSITIVE_INFINITY })
    })
  })
}

export default statistics
