import type { Nation } from '../../schemas/common.js'
import type { LocalAuthority, LocalAuthorityRef } from '../../schemas/local-authority.js'
import type { PostcodeMatchView } from '../../schemas/lookup.js'
import type { Catalogue, LocalAuthorityEntry } from '../catalogue/build-catalogue.js'
import { searchKey } from './search-key.js'
import { findServices } from './find-services.js'
import type { PostcodeLookupResult } from './geography/index.js'
import type { Moment } from './moment.js'

export interface LocalAuthorityFilters {
  nation?: Nation
  q?: string
  /** true: only authorities with at least one sourced contact; false: only those with none. */
  has_contacts?: boolean
}

/** Authorities matching the filters, by name, with their contacts' status at a moment. */
export function findLocalAuthorities (catalogue: Catalogue, filters: LocalAuthorityFilters, moment: Moment): { items: LocalAuthority[], validUntil: number } {
  const needle = filters.q === undefined ? undefined : searchKey(filters.q.trim())
  return findServices(catalogue.localAuthorities, (entry) =>
    (filters.nation === undefined || entry.base.nation === filters.nation) &&
    (needle === undefined || entry.search.includes(needle)) &&
    (filters.has_contacts === undefined || (entry.contacts.length > 0) === filters.has_contacts), {}, moment)
}

/** A postcode lookup, resolved against the authorities of a release. */
export interface AuthorityLookup {
  match: PostcodeMatchView
  authorities: LocalAuthorityEntry[]
  alternatives: LocalAuthorityRef[]
}

const LEVEL_WORDS = { unit: 'the full postcode', sector: 'the postcode sector', district: 'the outward code (postcode district)' } as const

/** The match in a sentence or two, for people; never quoting the postcode. */
function matchDetail (asked: 'unit' | 'sector' | 'district', level: 'unit' | 'sector' | 'district', confidence: number, split: boolean, upstream: boolean): string {
  if (upstream) return 'Matched the full postcode through the postcode service this server uses.'
  if (level === 'unit') return 'Matched the full postcode.'
  if (asked === 'unit') {
    return `Matched by ${LEVEL_WORDS[level]}: the full postcode is not one of its listed exceptions, so if it is a current postcode (ONS directory, November 2025) it lies with this authority.` +
      (split ? ' If the postcode is new or mistyped, check the alternatives.' : '')
  }
  return `Matched ${LEVEL_WORDS[level]}. ` + (confidence === 1
    ? 'Every postcode there is with the same authority.'
    : `About ${Math.round(confidence * 100)}% of postcodes there are with the first authority: give the full postcode, or check the alternatives.`)
}

/**
 * Turns a geography result into the answer's terms: the authority entries, the alternatives
 * and a sentence. Nothing in it repeats the postcode asked about.
 */
export function authorityLookup (catalogue: Catalogue, result: PostcodeLookupResult): AuthorityLookup {
  const find = (code: string) => catalogue.localAuthorityByCode.get(code)
  if (result.status === 'not-matched') {
    // In Northern Ireland a person can still pick their HSC Trust from the five.
    const alternatives = result.fallback === 'choose-ni-trust'
      ? catalogue.localAuthorities.filter((la) => la.base.body_type === 'hsc-trust').map((la) => la.ref)
      : []
    return {
      match: {
        status: 'not-matched',
        query_kind: null,
        level: null,
        confidence: null,
        nation: result.nation,
        district: null,
        via: null,
        dataset: catalogue.geography?.id ?? null,
        reason: result.reason,
        fallback: result.fallback,
        detail: result.detail
      },
      authorities: [],
      alternatives
    }
  }
  const authorities = result.authority_codes.map(find).filter((la): la is LocalAuthorityEntry => la !== undefined)
  const lad = catalogue.geography?.ladByCode.get(result.lad_code)
  const detail = matchDetail(result.query_kind, result.level, result.confidence, result.alternatives.length > 0, result.via === 'upstream')
  return {
    match: {
      status: 'matched',
      query_kind: result.query_kind,
      level: result.level,
      confidence: Math.round(result.confidence * 10000) / 10000,
      nation: result.nation,
      district: lad === undefined ? null : { code: lad.code, name: lad.name },
      via: result.via,
      dataset: result.dataset,
      reason: null,
      fallback: null,
      detail
    },
    authorities,
    alternatives: result.alternatives.map(find).filter((la): la is LocalAuthorityEntry => la !== undefined).map((la) => la.ref)
  }
}
