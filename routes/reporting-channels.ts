import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../schemas/common.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { jsonResponse, listResponse } from '../schemas/responses.js'
import { IdParamsSchema } from '../schemas/query.js'
import { ReportingChannelItemQuerySchema, ReportingChannelItemSchema, ReportingChannelListQuerySchema, ReportingChannelListSchema } from '../schemas/reporting-channels-api.js'
import { findReportingChannels, reportingChannelAt } from '../src/domain/reporting-channels.js'
import { openAlternatives } from '../src/domain/service-summary.js'
import { recordNotFound } from '../src/http/errors.js'
import { respondItem, respondList } from '../src/http/resource-responses.js'
import { ReportingChannelSchema } from '../schemas/reporting-channel.js'

const reportingChannels: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/reporting-channels', {
    schema: {
      operationId: 'listReportingChannels',
      tags: ['reporting'],
      summary: 'List places to report a concern about a child',
      description: 'Police, CEOP, IWF, Report Remove, NSPCC, councils and more: what to report where, who may report, whether it can be anonymous, and what happens next. Sorted by name.',
      querystring: ReportingChannelListQuerySchema,
      response: {
        200: listResponse(Ref(ReportingChannelListSchema), 'One page of reporting channels'),
        304: NotModifiedResponse,
        404: problemResponse('Unknown release')
      }
    }
  }, async function listReportingChannels (request, reply) {
    return respondList(this, request, reply, {
      path: '/v1/reporting-channels',
      item: ReportingChannelSchema,
      linkParams: ['nation', 'topic', 'anonymous', 'urgency', 'contact_kind', 'open_now', 'at', 'q'],
      find: findReportingChannels,
      openAlternatives
    })
  })

  app.get('/reporting-channels/:id', {
    schema: {
      operationId: 'getReportingChannel',
      tags: ['reporting'],
      summary: 'Get one reporting channel',
      description: 'One reporting channel: what to report there, who may, whether it can be anonymous, what happens next, what not to do, and its contacts and sources.',
      params: IdParamsSchema,
      querystring: ReportingChannelItemQuerySchema,
      response: {
        200: jsonResponse(Ref(ReportingChannelItemSchema), 'The reporting channel'),
        304: NotModifiedResponse,
        404: problemResponse('No reporting channel has this id, or unknown release')
      }
    }
  }, async function getReportingChannel (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const entry = catalogue.reportingChannelById.get(request.params.id)
    if (entry === undefined) throw recordNotFound('reporting channel', 'id')
    return respondItem(this, request, reply, { catalogue, key: `/v1/reporting-channels/${entry.base.id}`, entry, present: reportingChannelAt })
  })
}

export default reportingChannels
