import type { CatalogueSet } from '../catalogue/load-catalogues.js'
import { lookupPostcode } from '../domain/geography/index.js'
import { authorityLookup, type AuthorityLookup } from '../domain/local-authorities.js'
import { plainPostcodeQuery, type AnswerKey } from './fast-lane.js'

// Postcode answers are cached by what the postcode resolved to, never by the postcode: the
// cache and the fast lane hold no personal data. The routes and the lane share these keys.

/** What a postcode resolved to: the match, the authorities found and the alternatives. */
const placeOf = (lookup: AuthorityLookup) => [lookup.match, lookup.authorities.map((a) => a.base.code), lookup.alternatives.map((a) => a.code)]

/** Where a lookup answer is cached: the place found, at a moment. */
export function lookupAnswerKey (lookup: AuthorityLookup, at: string | undefined): string {
  return `lookup:${JSON.stringify([placeOf(lookup), at])}`
}

/** Where a reporting route is cached: situation, nation, moment, and the place if any. */
export function routeAnswerKey (situation: string, nation: string | undefined, at: string | undefined, lookup: AuthorityLookup | null): string {
  return `route:${JSON.stringify([situation, nation, at, lookup === null ? null : placeOf(lookup)])}`
}

/** The lookup the route would make with the bundled index alone; undefined for what only the route can answer. */
function localLookup (set: CatalogueSet, postcode: string) {
  const catalogue = set.latest
  if (catalogue.geography === null) return undefined
  const result = lookupPostcode(catalogue.geography, postcode)
  if (result.status === 'not-matched' && result.reason === 'invalid') return undefined
  return { catalogue, lookup: authorityLookup(catalogue, result) }
}

/** `GET /v1/local-authorities/lookup?postcode=…` for the fast lane (without an upstream service). */
export const lookupAnswers: AnswerKey = (query, set) => {
  const postcode = plainPostcodeQuery(query, [])
  const found = postcode === undefined ? undefined : localLookup(set, postcode)
  return found === undefined ? undefined : { owner: found.catalogue, key: lookupAnswerKey(found.lookup, undefined) }
}

const SITUATION_PARAM = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** `GET /v1/reporting-routes?situation=…&postcode=…` for the fast lane (without an upstream service). */
export const routeAnswers: AnswerKey = (query, set) => {
  const postcode = plainPostcodeQuery(query, ['situation'])
  const situation = query.get('situation') ?? ''
  if (postcode === undefined || situation.length > 80 || !SITUATION_PARAM.test(situation) || !set.latest.routeById.has(situation)) return undefined
  const found = localLookup(set, postcode)
  return found === undefined ? undefined : { owner: found.catalogue, key: routeAnswerKey(situation, undefined, undefined, found.lookup) }
}
