import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BankHolidaysItemSchema } from '../schemas/bank-holidays-api.js'
import { Ref } from '../schemas/common.js'
import { NotModifiedResponse } from '../schemas/problem.js'
import { NoQuerySchema } from '../schemas/releases-api.js'
import { jsonResponse } from '../schemas/responses.js'
import { respond } from '../src/http/respond.js'

/**
 * GET /v1/bank-holidays: the calendar open-now is computed with. An app that stores a
 * release bundle stores this too, so it can say what is open on a bank holiday offline.
 */
const bankHolidays: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/bank-holidays', {
    schema: {
      operationId: 'getBankHolidays',
      tags: ['releases'],
      summary: 'The UK bank holidays opening hours are computed with',
      description: 'The bank holidays of England and Wales, Scotland and Northern Ireland that `open_now` and `next_change` take into account, with the years they cover and where they come from. Not part of a release: it changes when the calendar is refreshed. Offline apps keep it beside a release bundle.',
      querystring: NoQuerySchema,
      response: { 200: jsonResponse(Ref(BankHolidaysItemSchema), 'The bank-holiday calendar'), 304: NotModifiedResponse }
    }
  }, async function getBankHolidays (request, reply) {
    const set = this.catalogues
    return respond(request, reply, {
      owner: set.latest,
      key: 'bank-holidays',
      pinned: true,
      now: this.clock(),
      followsClock: false,
      build: () => ({ payload: { data: set.bankHolidays }, validUntil: Number.POSITIVE_INFINITY })
    })
  })
}

export default bankHolidays
