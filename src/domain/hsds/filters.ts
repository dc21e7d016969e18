import type { Nation } from '../../../schemas/common.js'
import type { HsdsDay } from '../../../schemas/hsds/api.js'
import { searchKey } from '../../catalogue/build-common.js'
import type { AuthorityLookup } from '../local-authorities.js'
import type { HsdsFeed } from './feed.js'
import type { OpeningSpan } from './schedules.js'
import type { HsdsServiceEntry } from './services.js'
import { termId } from './taxonomies.js'

/** The profile's service filters, as validated by the route. */
export interface HsdsServiceFilters {
  search?: string
  taxonomy_term_id?: string
  taxonomy_id?: string
  organization_id?: string
  minimum_age?: number
  maximum_age?: number
  day?: HsdsDay
  start_time?: string
  end_time?: string
}

/** Where a postcode lies, in the terms a service area uses. Holds no postcode. */
export interface HsdsPlace {
  nation: Nation | null
  /** The authorities the lookup names as responsible (not its alternatives). */
  authorityCodes: ReadonlySet<string>
}

/** The place a postcode lookup found. A sector or district split between councils names the one(s) the lookup gives as responsible. */
export function placeOf (lookup: AuthorityLookup): HsdsPlace {
  return { nation: lookup.match.nation, authorityCodes: new Set(lookup.authorities.map((a) => a.base.code)) }
}

const PROFESSIONALS_TERM = termId('audience', 'professionals')

const TIME = /^(\d{2}):(\d{2})(?::\d{2})?(Z|([+-])(\d{2}):(\d{2}))?$/

/**
 * A time parameter as minutes of UK local time. Without an offset it is UK time already;
 * with one (as the feed's own times carry) it is moved to the offset the feed is in.
 */
export function localMinutes (time: string, offsetMinutes: number): number {
  const m = TIME.exec(time)
  /* c8 ignore next -- the route's schema pattern admits nothing else */
  if (m === null) throw new Error('not a time')
  const given = Number(m[1]) * 60 + Number(m[2])
  if (m[3] === undefined) return given
  const offset = m[3] === 'Z' ? 0 : (m[4] === '-' ? -1 : 1) * (Number(m[5]) * 60 + Number(m[6]))
  return (((given - offset + offsetMinutes) % 1440) + 1440) % 1440
}

function coversPlace (entry: HsdsServiceEntry, place: HsdsPlace): boolean {
  if (entry.area.kind === 'authority') return place.authorityCodes.has(entry.area.code)
  return place.nation !== null && entry.area.nations.includes(place.nation)
}

/**
 * The services that pass every filter given (AND), in the feed's order. Day and times are
 * asked of one opening span at a time: `day=SA&start_time=09:00` wants a Saturday span that
 * opens at 09:00 or later. Ages compare with what a service states; one that states none
 * passes no age filter.
 */
export function filterServices (feed: HsdsFeed, filters: HsdsServiceFilters, place?: HsdsPlace): HsdsServiceEntry[] {
  const needle = filters.search === undefined ? undefined : searchKey(filters.search.trim())
  const offset = feed.period.offsetMinutes
  const start = filters.start_time === undefined ? undefined : localMinutes(filters.start_time, offset)
  const end = filters.end_time === undefined ? undefined : localMinutes(filters.end_time, offset)
  const wantedTerm = filters.taxonomy_term_id?.toLowerCase()
  const taxonomyId = filters.taxonomy_id?.toLowerCase()
  const organizationId = filters.organization_id?.toLowerCase()
  const timed = filters.day !== undefined || start !== undefined || end !== undefined
  const spanFits = (s: OpeningSpan) => (filters.day === undefined || s.days.has(filters.day)) &&
    (start === undefined || s.opens >= start) && (end === undefined || s.closes <= end)
  // A council's lines for professionals only appear when professionals are asked for, as on the routes.
  const forProfessionals = wantedTerm === PROFESSIONALS_TERM
  return feed.services.filter((entry) => {
    const s = entry.service
    return (!entry.professionalsOnly || forProfessionals) &&
      (needle === undefined || entry.search.includes(needle)) &&
      (wantedTerm === undefined || entry.termIds.has(wantedTerm)) &&
      (taxonomyId === undefined || entry.taxonomyIds.has(taxonomyId)) &&
      (organizationId === undefined || s.organization_id === organizationId) &&
      (filters.minimum_age === undefined || (s.minimum_age !== undefined && s.minimum_age >= filters.minimum_age)) &&
      (filters.maximum_age === undefined || (s.maximum_age !== undefined && s.maximum_age <= filters.maximum_age)) &&
      (!timed || entry.spans.some(spanFits)) &&
      (place === undefined || coversPlace(entry, place))
  })
}

/** Organisations whose name or description holds the search text. */
export function filterOrganizations (feed: HsdsFeed, search: string | undefined) {
  const needle = search === undefined ? undefined : searchKey(search.trim())
  return feed.organizations.filter((o) => needle === undefined || o.search.includes(needle))
}
