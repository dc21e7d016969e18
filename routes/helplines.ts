import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../schemas/common.js'
import { HelplineItemQuerySchema, HelplineItemSchema, HelplineListQuerySchema, HelplineListSchema } from '../schemas/helplines-api.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { jsonResponse, listResponse } from '../schemas/responses.js'
import { IdParamsSchema } from '../schemas/query.js'
import { findHelplines, helplineAt } from '../src/domain/helplines.js'
import { openAlternatives } from '../src/domain/service-summary.js'
import { recordNotFound } from '../src/http/errors.js'
import { respondItem, respondList } from '../src/http/resource-responses.js'
import { HelplineSchema } from '../schemas/helpline.js'

const helplines: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/helplines', {
    schema: {
      operationId: 'listHelplines',
      tags: ['helplines'],
      summary: 'List helplines',
      description: 'UK helplines for children, young people and worried adults, sorted by name, with every contact\'s open-now status at `at` (default now).',
      querystring: HelplineListQuerySchema,
      response: {
        200: listResponse(Ref(HelplineListSchema), 'One page of helplines'),
        304: NotModifiedResponse,
        404: problemResponse('Unknown release')
      }
    }
  }, async function listHelplines (request, reply) {
    return respondList(this, request, reply, {
      path: '/v1/helplines',
      item: HelplineSchema,
      linkParams: ['nation', 'audience', 'topic', 'contact_kind', 'open_now', 'at', 'q'],
      find: findHelplines,
      openAlternatives
    })
  })

  app.get('/helplines/:id', {
    schema: {
      operationId: 'getHelpline',
      tags: ['helplines'],
      summary: 'Get one helpline',
      description: 'One helpline with every contact, its hours and whether each is open at `at` (default now), with its sources. `nation` picks whose bank holidays apply.',
      params: IdParamsSchema,
      querystring: HelplineItemQuerySchema,
      response: {
        200: jsonResponse(Ref(HelplineItemSchema), 'The helpline'),
        304: NotModifiedResponse,
        404: problemResponse('No helpline has this id, or unknown release')
      }
    }
  }, async function getHelpline (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    const entry = catalogue.helplineById.get(request.params.id)
    if (entry === undefined) throw recordNotFound('helpline', 'id')
    return respondItem(this, request, reply, { catalogue, key: `/v1/helplines/${entry.base.id}`, entry, present: helplineAt })
  })
}

export default helplines
