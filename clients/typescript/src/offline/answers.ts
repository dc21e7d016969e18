/*
 * The questions the client asks by name, answered from a stored release bundle with the
 * server's own domain functions (src/domain/: open-now, staleness, filters, route order),
 * shared on purpose so that offline and online answers cannot drift apart. No casts: the
 * compiler checks that the entries built from the generated (OpenAPI) types are what the
 * server's functions take, and that what they return is the served shape.
 */
import { findHelplines } from '../../../../src/domain/helplines.js'
import { serviceAt, type Moment } from '../../../../src/domain/moment.js'
import { findReportingChannels } from '../../../../src/domain/reporting-channels.js'
import type { AuthorityLookup } from '../../../../src/domain/local-authorities.js'
import { composeRoute } from '../../../../src/domain/reporting-routes.js'
import { calendarsFromFile, type BankHolidayCalendars } from '../../../../src/domain/schedule/calendar.js'
import type { BankHolidays, Helpline, LocalAuthority, Nation, ReportingChannel, ReportingRoute, Situation } from '../types.js'
import type { OfflineCatalogue } from './catalogue.js'

/** Every date's bank-holiday status unknown: what an app without the calendar can honestly say. */
const NO_CALENDAR: BankHolidayCalendars = calendarsFromFile({
  source: { package: 'none', version: '0', generated_on: '1970-01-01', covers: { from: 1, to: 0 }, checked_against: 'none', notes: [] },
  divisions: { 'england-and-wales': [], scotland: [], 'northern-ireland': [] },
  excluded: []
})

export function calendarsOf (bankHolidays: BankHolidays | null): BankHolidayCalendars {
  return bankHolidays === null ? NO_CALENDAR : calendarsFromFile(bankHolidays)
}

export interface HelplineFilters { nation?: Nation, audience?: Helpline['audiences'][number], topic?: Helpline['topics'][number], contact_kind?: Helpline['contacts'][number]['kind'], q?: string, open_now?: boolean }
export interface ReportingChannelFilters { nation?: Nation, topic?: ReportingChannel['topics'][number], anonymous?: boolean, urgency?: ReportingChannel['urgency'], contact_kind?: ReportingChannel['contacts'][number]['kind'], q?: string, open_now?: boolean }

export function offlineHelplines (catalogue: OfflineCatalogue, filters: HelplineFilters, moment: Moment): Helpline[] {
  return findHelplines(catalogue, filters, moment).items
}

export function offlineReportingChannels (catalogue: OfflineCatalogue, filters: ReportingChannelFilters, moment: Moment): ReportingChannel[] {
  return findReportingChannels(catalogue, filters, moment).items
}

export function offlineLocalAuthority (catalogue: OfflineCatalogue, code: string, moment: Moment): LocalAuthority | undefined {
  const entry = catalogue.localAuthorityByCode.get(code)
  return entry === undefined ? undefined : serviceAt(entry, moment).item
}

export function offlineSituations (catalogue: OfflineCatalogue): Situation[] {
  return catalogue.routes.map((r) => r.situation)
}

/**
 * The route for a situation without the postcode index (it is not in a bundle): for the
 * nation given (or the council's), every step with where it applies otherwise, and the
 * council step naming the council when the app gives its code. The council is handed to the
 * server's own composeRoute as if a lookup had placed the child there, so the step is built
 * exactly as online; the answer then says no postcode was matched (`location` null).
 */
export function offlineReportingRoute (catalogue: OfflineCatalogue, situation: string, nation: Nation | undefined, councilCode: string | undefined, audience: 'public' | 'professionals', moment: Moment): ReportingRoute | undefined {
  const entry = catalogue.routeById.get(situation)
  if (entry === undefined) return undefined
  const council = councilCode === undefined ? undefined : catalogue.localAuthorityByCode.get(councilCode)
  const placed: AuthorityLookup | null = council === undefined
    ? null
    : { match: { nation: council.base.nation } as AuthorityLookup['match'], authorities: [council], alternatives: [] }
  const route = composeRoute(catalogue, entry, nation, placed, moment, audience).item
  return { ...route, location: null }
}
