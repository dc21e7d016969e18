import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../../schemas/common.js'
import { HsdsIdParamsSchema, HsdsItemQuerySchema, HsdsPagedQuerySchema, HsdsTaxonomyPageSchema, HsdsTaxonomyTermPageSchema } from '../../schemas/hsds/api.js'
import { HsdsTaxonomySchema, HsdsTaxonomyTermSchema } from '../../schemas/hsds/taxonomy.js'
import { NotModifiedResponse, problemResponse } from '../../schemas/problem.js'
import { jsonResponse } from '../../schemas/responses.js'
import { respondHsdsItem, respondHsdsList } from '../../src/http/hsds-responses.js'

const TAGS = ['open referral uk']

/** The API's topics and audiences, as two HSDS taxonomies and their terms. */
const taxonomies: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/taxonomies', {
    schema: {
      operationId: 'listHsdsTaxonomies',
      tags: TAGS,
      summary: 'List taxonomies (Open Referral UK)',
      description: 'The topics and the audiences of this API, as two taxonomies (each item lists its terms).',
      querystring: HsdsPagedQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsTaxonomyPageSchema), 'One page of taxonomies'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listHsdsTaxonomies (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    return respondHsdsList(this, request, reply, { path: '/hsds/taxonomies', catalogue, find: (feed) => feed.vocabulary.taxonomies })
  })

  app.get('/taxonomies/:id', {
    schema: {
      operationId: 'getHsdsTaxonomy',
      tags: TAGS,
      summary: 'Get one taxonomy with its terms (Open Referral UK)',
      description: 'One taxonomy (topics or audiences) with all its terms.',
      params: HsdsIdParamsSchema,
      querystring: HsdsItemQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsTaxonomySchema), 'The taxonomy'), 304: NotModifiedResponse, 404: problemResponse('No taxonomy has this id, or unknown release') }
    }
  }, async function getHsdsTaxonomy (request, reply) {
    return respondHsdsItem(this, request, reply, { path: '/hsds/taxonomies', kind: 'taxonomy', find: (feed, id) => feed.vocabulary.taxonomyById.get(id) })
  })

  app.get('/taxonomy_terms', {
    schema: {
      operationId: 'listHsdsTaxonomyTerms',
      tags: TAGS,
      summary: 'List taxonomy terms (Open Referral UK)',
      description: 'Every topic and audience term; a service lists its own among its `attributes`, and `taxonomy_term_id` filters services by one.',
      querystring: HsdsPagedQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsTaxonomyTermPageSchema), 'One page of terms'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function listHsdsTaxonomyTerms (request, reply) {
    const catalogue = this.catalogueFor(request.query.release)
    return respondHsdsList(this, request, reply, { path: '/hsds/taxonomy_terms', catalogue, find: (feed) => feed.vocabulary.terms })
  })

  app.get('/taxonomy_terms/:id', {
    schema: {
      operationId: 'getHsdsTaxonomyTerm',
      tags: TAGS,
      summary: 'Get one taxonomy term (Open Referral UK)',
      description: 'One topic or audience term.',
      params: HsdsIdParamsSchema,
      querystring: HsdsItemQuerySchema,
      response: { 200: jsonResponse(Ref(HsdsTaxonomyTermSchema), 'The term'), 304: NotModifiedResponse, 404: problemResponse('No taxonomy term has this id, or unknown release') }
    }
  }, async function getHsdsTaxonomyTerm (request, reply) {
    return respondHsdsItem(this, request, reply, { path: '/hsds/taxonomy_terms', kind: 'taxonomy term', find: (feed, id) => feed.vocabulary.termById.get(id) })
  })
}

export default taxonomies
