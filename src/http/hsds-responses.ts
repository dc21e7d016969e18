import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DEFAULT_PER_PAGE } from '../../schemas/query.js'
import type { Catalogue } from '../catalogue/build-catalogue.js'
import { resolvePostcode } from '../domain/geography/index.js'
import { hsdsFeedFor, hsdsPage, placeOf, type HsdsFeed, type HsdsPlace } from '../domain/hsds/index.js'
import { authorityLookup } from '../domain/local-authorities.js'
import { lookupAnswerKey } from './answer-keys.js'
import { invalidParameter, recordNotFound } from './errors.js'
import { queryKey, respond } from './respond.js'

type PagedQuery = Record<string, unknown> & { page?: number, per_page?: number, release?: string, postcode?: string }

/** Where a postcode lies, and the key its answers are cached under (what it resolved to, never the postcode). */
export interface PlaceAsked {
  place: HsdsPlace
  key: string
}

/**
 * The place for `postcode` (and `proximity`, which only means something with one); undefined
 * without a postcode. Resolved as the lookup route does, upstream service included.
 */
export async function placeAsked (app: FastifyInstance, catalogue: Catalogue, query: { postcode?: string, proximity?: number }): Promise<PlaceAsked | undefined> {
  if (query.postcode === undefined) {
    if (query.proximity !== undefined) throw invalidParameter('proximity', 'needs a postcode to measure from')
    return undefined
  }
  if (catalogue.geography === null) throw recordNotFound('postcode index', 'release')
  const result = await resolvePostcode(catalogue.geography, query.postcode, app.postcodeUpstream)
  if (result.status === 'not-matched' && result.reason === 'invalid') throw invalidParameter('postcode', 'is not a UK postcode, postcode sector or outward code')
  const lookup = authorityLookup(catalogue, result)
  return { place: placeOf(lookup), key: lookupAnswerKey(lookup, undefined) }
}

/**
 * Answers an HSDS list: one page, in the profile's envelope, from the release's prepared
 * responses. With a place the answer is private and keyed by the place, not the postcode.
 * Answers expire when the feed does (a clock change, or a record reaching its review date).
 */
export function respondHsdsList (
  app: FastifyInstance, request: FastifyRequest, reply: FastifyReply,
  options: { path: string, catalogue: Catalogue, place?: PlaceAsked, find: (feed: HsdsFeed) => readonly unknown[] }
): FastifyReply {
  const query = request.query as PagedQuery
  const { page = 1, per_page: perPage = DEFAULT_PER_PAGE, release: _release, postcode: _postcode, ...filters } = query
  const { postcode: _asked, ...keyed } = query
  const now = app.clock()
  const { catalogue, place } = options
  return respond(request, reply, {
    owner: catalogue,
    key: queryKey(options.path, keyed) + (place === undefined ? '' : `|${place.key}`),
    pinned: Object.values(filters).every((v) => v === undefined) && page === 1 && perPage === DEFAULT_PER_PAGE && place === undefined,
    now,
    followsClock: true,
    policy: place === undefined ? 'public' : 'private',
    build () {
      const feed = hsdsFeedFor(catalogue, now)
      return { payload: hsdsPage(options.find(feed), page, perPage), validUntil: feed.validUntil }
    }
  })
}

/** Answers one HSDS record by id (any case), or a 404 problem naming what was not found. */
export function respondHsdsItem (
  app: FastifyInstance, request: FastifyRequest, reply: FastifyReply,
  options: { path: string, kind: string, find: (feed: HsdsFeed, id: string) => unknown }
): FastifyReply {
  // The route's schemas have checked both.
  const catalogue = app.catalogueFor((request.query as { release?: string }).release)
  const now = app.clock()
  const feed = hsdsFeedFor(catalogue, now)
  const id = (request.params as { id: string }).id.toLowerCase()
  const item = options.find(feed, id)
  if (item === undefined) throw recordNotFound(options.kind, 'id')
  return respond(request, reply, {
    owner: catalogue,
    key: `${options.path}/${id}`,
    pinned: true,
    now,
    followsClock: true,
    build: () => ({ payload: item, validUntil: feed.validUntil })
  })
}
