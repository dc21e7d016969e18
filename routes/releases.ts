import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ref } from '../schemas/common.js'
import { NotModifiedResponse, problemResponse } from '../schemas/problem.js'
import { BundleSchema, NoQuerySchema, ReleaseChangesItemSchema, ReleaseItemSchema, ReleaseListQuerySchema, ReleaseListSchema, ReleaseParamsSchema, ReleaseSchema } from '../schemas/releases-api.js'
import { jsonResponse, listResponse } from '../schemas/responses.js'
import { releaseBundle, releaseChanges, releaseView } from '../src/domain/releases.js'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Catalogue } from '../src/catalogue/build-catalogue.js'
import { respond } from '../src/http/respond.js'
import type { CachePolicy } from '../src/http/send-prepared.js'
import { respondList } from '../src/http/resource-responses.js'
import { Type } from '@sinclair/typebox'
import { releaseFeed } from '../src/domain/release-feed.js'
import { chooseFormat } from '../src/http/negotiate-format.js'

/** An answer about one release: depends on nothing but the release, prepared once. */
function respondRelease (app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, catalogue: Catalogue, key: string, policy: CachePolicy, payload: () => unknown) {
  return respond(request, reply, {
    owner: catalogue, key, pinned: true, now: app.clock(), followsClock: false, policy, build: () => ({ payload: payload(), validUntil: Number.POSITIVE_INFINITY })
  })
}

/** On these routes the release is the `id` in the path. */
const RELEASE_PATH = { name: 'id', in: 'path' as const }

const releases: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/releases', {
    schema: {
      operationId: 'listReleases',
      tags: ['releases'],
      summary: 'List data releases, newest first',
      description: 'Every data release this server holds, newest first, with the SHA-256 of each file.',
      querystring: ReleaseListQuerySchema,
      response: { 200: listResponse(Ref(ReleaseListSchema), 'One page of releases'), 304: NotModifiedResponse }
    }
  }, async function listReleases (request, reply) {
    const { latest, ids, byId } = this.catalogues
    return respondList(this, request, reply, {
      path: '/v1/releases',
      item: ReleaseSchema,
      linkParams: [],
      find: () => ({ items: ids.map((id) => releaseView(byId.get(id)!, latest.links)), validUntil: Number.POSITIVE_INFINITY })
    })
  })

  app.get('/releases.atom', {
    schema: {
      operationId: 'getReleaseFeed',
      tags: ['releases'],
      summary: 'The releases as an Atom feed, to subscribe to data updates',
      description: 'An RFC 4287 Atom feed with one entry per release, newest first: its id, title, publication time, summary with counts of the records added, removed and changed, and links to the release, its changes and its bundle.',
      querystring: NoQuerySchema,
      response: {
        200: { description: 'The Atom feed', content: { 'application/atom+xml': { schema: Type.String({ description: 'RFC 4287 Atom document' }) } } },
        304: NotModifiedResponse
      }
    }
  }, async function getReleaseFeed (request, reply) {
    chooseFormat(request.headers.accept, undefined, ['atom'])
    // The XML writer takes longer to load than the rest of a start-up step: only on first use.
    const { ATOM_CONTENT_TYPE, atomFeed } = await import('../src/http/atom.js')
    const set = this.catalogues
    return respond(request, reply, {
      owner: set.latest,
      key: 'releases.atom',
      pinned: true,
      now: this.clock(),
      followsClock: false,
      render: { contentType: ATOM_CONTENT_TYPE, text: (feed) => atomFeed(feed as ReturnType<typeof releaseFeed>) },
      build: () => ({ payload: releaseFeed(set), validUntil: Number.POSITIVE_INFINITY })
    })
  })

  app.get('/releases/:id', {
    schema: {
      operationId: 'getRelease',
      tags: ['releases'],
      summary: 'Get one release: its files, their hashes and record counts',
      description: 'One data release: its files with their SHA-256 and record counts, and links to its changes and bundle.',
      params: ReleaseParamsSchema,
      querystring: NoQuerySchema,
      response: { 200: jsonResponse(Ref(ReleaseItemSchema), 'The release'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function getRelease (request, reply) {
    const catalogue = this.catalogueFor(request.params.id, RELEASE_PATH)
    return respondRelease(this, request, reply, catalogue, 'release', 'public', () => ({ data: releaseView(catalogue, this.catalogues.latest.links) }))
  })

  app.get('/releases/:id/changes', {
    schema: {
      operationId: 'getReleaseChanges',
      tags: ['releases'],
      summary: 'What a release changed since the previous one, record by record and field by field',
      description: 'Record by record and field by field, what this release changed since the previous one: records added, removed, and changed with old and new values.',
      params: ReleaseParamsSchema,
      querystring: NoQuerySchema,
      response: { 200: jsonResponse(Ref(ReleaseChangesItemSchema), 'The changes'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function getReleaseChanges (request, reply) {
    const catalogue = this.catalogueFor(request.params.id, RELEASE_PATH)
    const previous = catalogue.release.previous === null ? undefined : this.catalogues.byId.get(catalogue.release.previous)
    return respondRelease(this, request, reply, catalogue, 'changes', 'immutable', () => ({ data: releaseChanges(catalogue, previous) }))
  })

  app.get('/releases/:id/bundle', {
    schema: {
      operationId: 'getReleaseBundle',
      tags: ['releases'],
      summary: 'A whole release in one document, for offline use',
      description: 'Every data file of the release, records exactly as published (the data file format). A published release never changes, so this is cached as immutable.',
      params: ReleaseParamsSchema,
      querystring: NoQuerySchema,
      response: { 200: jsonResponse(Ref(BundleSchema), 'The release and all its data'), 304: NotModifiedResponse, 404: problemResponse('Unknown release') }
    }
  }, async function getReleaseBundle (request, reply) {
    const catalogue = this.catalogueFor(request.params.id, RELEASE_PATH)
    return respondRelease(this, request, reply, catalogue, 'bundle', 'immutable', () => releaseBundle(catalogue, this.catalogues.latest.links))
  })
}

export default releases
