import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DEFAULT_PER_PAGE } from '../../schemas/query.js'
import type { Catalogue } from '../catalogue/build-catalogue.js'
import type { Moment } from '../domain/moment.js'
import { paginate } from '../domain/paginate.js'
import { listLinks } from './list-links.js'
import { momentOf } from './moment.js'
import type { TSchema } from '@sinclair/typebox'
import { SHARED_SCHEMAS } from '../../schemas/index.js'
import { csvColumns } from './csv.js'
import { chooseFormat, type Format } from './negotiate-format.js'
import { queryKey, respond, type RespondOptions } from './respond.js'

const schemaById = new Map(SHARED_SCHEMAS.map((s) => [s.$id as string, s as Record<string, unknown>]))
const columnCache = new WeakMap<TSchema, string[]>()

/** A list's CSV columns, from its record schema: the same for every query, even an empty one. */
function columnsOf (item: TSchema): string[] {
  let columns = columnCache.get(item)
  if (columns === undefined) {
    columns = csvColumns(item as Record<string, unknown>, (id) => schemaById.get(id) ?? {})
    columnCache.set(item, columns)
  }
  return columns
}

type Query = Record<string, unknown> & { page?: number, per_page?: number, release?: string, at?: string, format?: Format }

interface ListOptions<F> {
  /** Path of the list, e.g. `/v1/helplines`; also the cache key prefix. */
  path: string
  /** Query parameters carried into the paging links, in this order. */
  linkParams: readonly string[]
  find: (catalogue: Catalogue, filters: F, moment: Moment) => { items: unknown[], validUntil: number }
  /** The schema of one record: its properties are the CSV columns. */
  item: TSchema
  /** What to offer instead when `open_now=true` finds nothing. */
  openAlternatives?: (catalogue: Catalogue, moment: Moment) => { items: unknown[], validUntil: number }
}

/**
 * Answers a list endpoint: filters at the moment asked about, one page of it in the
 * `{data, meta, links}` envelope, from the release's prepared responses.
 */
export function respondList<F> (app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, options: ListOptions<F>): FastifyReply {
  const query = request.query as Query
  const catalogue = app.catalogueFor(query.release)
  const { moment, followsClock, now } = momentOf(app, query as { at?: string })
  const { page = 1, per_page: perPage = DEFAULT_PER_PAGE, release: _release, format: _format, ...filters } = query
  const format = chooseFormat(request.headers.accept, query.format, ['json', 'csv'])
  return respond(request, reply, {
    format,
    owner: catalogue,
    key: queryKey(options.path, query),
    pinned: Object.keys(filters).length === 0 && page === 1 && perPage === DEFAULT_PER_PAGE,
    now,
    followsClock,
    at: atWindow(query, moment, options.path),
    build (echo) {
      const found = options.find(catalogue, filters as F, moment)
      if (format === 'csv') return { payload: { rows: found.items, columns: columnsOf(options.item) }, validUntil: found.validUntil }
      const pageOf = paginate(found.items, page, perPage)
      const alternatives = filters.open_now === true && found.items.length === 0 ? options.openAlternatives?.(catalogue, moment) : undefined
      return {
        payload: {
          data: pageOf.items,
          meta: {
            release: catalogue.release.id,
            total: pageOf.total,
            page,
            per_page: perPage,
            ...(alternatives === undefined ? {} : { open_now_alternatives: alternatives.items })
          },
          links: listLinks(catalogue.links, options.path, options.linkParams.map((k) => [k, k === 'at' && echo !== undefined ? echo : filters[k] as string | number | boolean | undefined]), pageOf)
        },
        validUntil: Math.min(found.validUntil, alternatives?.validUntil ?? Number.POSITIVE_INFINITY)
      }
    }
  })
}

/** For a question about a fixed instant: answered per status window (see respond's `at`). */
function atWindow (query: Query, moment: Moment, route: string): RespondOptions['at'] {
  return query.at === undefined ? undefined : { instant: moment.instant, value: query.at, key: queryKey(route, { ...query, at: undefined }) }
}

/** Answers a single-record endpoint at the moment asked about, from the prepared responses. */
export function respondItem<E> (
  app: FastifyInstance, request: FastifyRequest, reply: FastifyReply,
  options: { catalogue: Catalogue, key: string, entry: E, present: (entry: E, moment: Moment) => { item: unknown, validUntil: number } }
): FastifyReply {
  const query = request.query as Query
  const { moment, followsClock, now } = momentOf(app, query as { at?: string })
  return respond(request, reply, {
    owner: options.catalogue,
    key: queryKey(options.key, query),
    pinned: Object.keys(query).every((k) => k === 'release'),
    now,
    followsClock,
    at: atWindow(query, moment, options.key),
    build () {
      const { item, validUntil } = options.present(options.entry, moment)
      return { payload: { data: item, meta: { release: options.catalogue.release.id } }, validUntil }
    }
  })
}
