import type { PostcodeMatchView } from '../../schemas/lookup.js'
import type { CatalogueSet } from '../catalogue/load-catalogues.js'
import { lookupPostcode } from '../domain/geography/index.js'
import { authorityLookup, type AuthorityLookup } from '../domain/local-authorities.js'
import { PostcodeQuerySchema } from '../../schemas/postcode.js'
import { ReportingRouteQuerySchema } from '../../schemas/reporting-routes-api.js'
import type { AnswerKey } from './fast-lane.js'

// Postcode answers are cached by what the postcode resolved to, never by the postcode: the
// cache and the fast lane hold no personal data. The routes and the lane share these keys.

/** Every field of a match, in a fixed order (`satisfies` fails the build if the schema gains one). */
const MATCH_FIELDS = Object.keys({
  status: 0, query_kind: 0, level: 0, confidence: 0, nation: 0, district: 0, via: 0, dataset: 0, reason: 0, fallback: 0, detail: 0
} satisfies Record<keyof PostcodeMatchView, 0>) as Array<keyof PostcodeMatchView>

/**
 * One value of a key, unambiguously: a length-prefixed string, a number, or `-` for none.
 * (Cheaper than JSON.stringify of the whole match, which the postcode fast lane did per request.)
 */
function part (value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '-'
  return typeof value === 'number' ? `n${value}` : `${value.length}:${value}`
}

/** What a postcode resolved to: every field of the match, the authorities found and the alternatives. */
function placeOf (lookup: AuthorityLookup): string {
  const match = lookup.match
  let key = ''
  for (const field of MATCH_FIELDS) {
    const value = match[field]
    key += typeof value === 'object' && value !== null ? part(value.code) + part(value.name) : part(value)
  }
  return `${key}|${lookup.authorities.map((a) => a.base.code).join(',')}|${lookup.alternatives.map((a) => a.code).join(',')}`
}

/** Where a lookup answer is cached: the place found, at a moment. */
export function lookupAnswerKey (lookup: AuthorityLookup, at: string | undefined): string {
  return `lookup:${part(at)}${placeOf(lookup)}`
}

/** Where a reporting route is cached: situation, nation, moment, audience, and the place if any. */
export function routeAnswerKey (situation: string, nation: string | undefined, at: string | undefined, lookup: AuthorityLookup | null, audience = 'public'): string {
  return `route:${part(situation)}${part(nation)}${part(at)}${part(audience)}${lookup === null ? '-' : placeOf(lookup)}`
}

/** The lookup the route would make with the bundled index alone; undefined for what only the route can answer. */
function localLookup (set: CatalogueSet, postcode: string) {
  const catalogue = set.latest
  if (catalogue.geography === null) return undefined
  const result = lookupPostcode(catalogue.geography, postcode)
  if (result.status === 'not-matched' && result.reason === 'invalid') return undefined
  return { catalogue, lookup: authorityLookup(catalogue, result) }
}

/** A string parameter's schema rule (pattern and length) as a check: the lane takes only what the route's schema would. */
function ruleOf (schema: { pattern?: string, minLength?: number, maxLength?: number }): (value: string) => boolean {
  const pattern = new RegExp(schema.pattern ?? '', 'u')
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY
  return (value) => value.length >= min && value.length <= max && pattern.test(value)
}

const isPostcodeParam = ruleOf(PostcodeQuerySchema)
const isSituationParam = ruleOf(ReportingRouteQuerySchema.properties.situation)

/**
 * The postcode of a query that holds `postcode` and exactly the `others` named, once each,
 * in a form the route's schema accepts; undefined for anything else.
 */
function plainPostcodeQuery (query: URLSearchParams, others: readonly string[]): string | undefined {
  if (query.size !== others.length + 1) return undefined
  for (const name of others) if (query.getAll(name).length !== 1) return undefined
  const postcodes = query.getAll('postcode')
  const postcode = postcodes[0]
  return postcodes.length === 1 && postcode !== undefined && isPostcodeParam(postcode) ? postcode : undefined
}

/** `GET /v1/local-authorities/lookup?postcode=…` for the fast lane (without an upstream service). */
export const lookupAnswers: AnswerKey = (query, set) => {
  const postcode = plainPostcodeQuery(query, [])
  const found = postcode === undefined ? undefined : localLookup(set, postcode)
  return found === undefined ? undefined : { owner: found.catalogue, key: lookupAnswerKey(found.lookup, undefined) }
}

/** `GET /v1/reporting-routes?situation=…&postcode=…` for the fast lane (without an upstream service). */
export const routeAnswers: AnswerKey = (query, set) => {
  const postcode = plainPostcodeQuery(query, ['situation'])
  const situation = query.get('situation') ?? ''
  if (postcode === undefined || !isSituationParam(situation) || !set.latest.routeById.has(situation)) return undefined
  const found = localLookup(set, postcode)
  return found === undefined ? undefined : { owner: found.catalogue, key: routeAnswerKey(situation, undefined, undefined, found.lookup) }
}
