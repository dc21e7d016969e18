import type { components, operations } from '../generated/openapi.js'

/** The served shapes, named as the API's OpenAPI components. */
type Schemas = components['schemas']
export type Helpline = Schemas['Helpline']
export type ReportingChannel = Schemas['ReportingChannel']
export type LocalAuthority = Schemas['LocalAuthority']
export type ReportingRoute = Schemas['ReportingRoute']
export type RouteStep = Schemas['RouteStep']
export type Situation = Schemas['Situation']
export type Contact = Schemas['Contact']
export type Source = Schemas['Source']
export type Problem = Schemas['Problem']
export type Bundle = Schemas['Bundle']
export type BankHolidays = Schemas['BankHolidays']
export type Nation = Schemas['Nation']
export type Audience = Schemas['Audience']
export type Topic = Schemas['Topic']
export type ContactKind = Schemas['ContactKind']
export type Urgency = Schemas['Urgency']

type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>
export type HelplineQuery = QueryOf<'listHelplines'>
export type ReportingChannelQuery = QueryOf<'listReportingChannels'>
export type ReportingRouteQuery = QueryOf<'getReportingRoute'>

/**
 * What a helper answers. `from` says where the answer came from: the API, or the stored
 * release bundle when the network failed (then `notices` says what could not be answered
 * offline). A problem (4xx) is never answered offline: it is the question that is wrong.
 */
export type Answer<T> =
  | { ok: true, data: T, release: string, from: 'network' | 'offline', notices: string[] }
  | { ok: false, status: number, problem: Problem, from: 'network' | 'offline' }

/**
 * Everything offline mode needs, as one JSON document an app stores: a release bundle
 * (`/v1/releases/{id}/bundle`) and the bank holidays open-now is computed with.
 */
export interface OfflinePack {
  bundle: Bundle
  /** Without it, hours that depend on bank holidays are given as not known (open_now null). */
  bank_holidays: BankHolidays | null
  /** When the app downloaded it (ISO 8601). */
  downloaded_at: string
}
