/*
 * A stored release bundle (the data files' records) turned into what the server's domain
 * functions work on, as src/catalogue/build-*.ts does on the server: the same served shapes,
 * minus the fields that depend on the moment (open-now, staleness), which the shared domain
 * code computes. Tests compare every answer with the server's for a fixed moment.
 */
import { describeSchedule } from '../../../../src/domain/schedule/describe-schedule.js'
import { describeOutside, hoursOutside } from '../../../../src/domain/schedule/outside-hours.js'
import { searchKey } from '../../../../src/domain/search-key.js'
import type { components } from '../../generated/openapi.js'
import type { Bundle, Contact, Helpline, LocalAuthority, ReportingChannel, Situation, Source } from '../types.js'
import { contactUri } from './contact-uri.js'

type Schemas = components['schemas']
type ContactRecord = Schemas['HelplineRecord']['contacts'][number]
type CouncilContactRecord = Schemas['LocalAuthorityRecord']['contacts'][number]
type ScheduleRecord = NonNullable<ContactRecord['hours']>
type CouncilContact = Schemas['CouncilContact']
type LocalAuthorityRef = Schemas['LocalAuthorityRef']

export interface ContactEntry<B = Omit<Contact, 'open_now' | 'next_change'>> {
  base: B
  schedule: ScheduleRecord | null
  /** The nations it alone serves when its record names them (an answer for another leaves it out); null: its service's. */
  only: ReadonlyArray<Schemas['Nation']> | null
}
export interface ServiceEntry<B, C = Omit<Contact, 'open_now' | 'next_change'>> { base: B, contacts: Array<ContactEntry<C>>, nations: readonly Schemas['Nation'][], search: string }
export type HelplineEntry = ServiceEntry<Omit<Helpline, 'contacts' | 'stale'>>
export type ReportingChannelEntry = ServiceEntry<Omit<ReportingChannel, 'contacts' | 'stale'>>
export interface LocalAuthorityEntry extends ServiceEntry<Omit<LocalAuthority, 'contacts' | 'stale'>, Omit<CouncilContact, 'open_now' | 'next_change'>> {
  ref: LocalAuthorityRef
  /** Sources of the record itself, as against its contacts' (a route shows one audience's). */
  recordSources: ReadonlySet<string>
}
export interface RouteEntry { situation: Situation, record: Schemas['ReportingRouteRecord'] }

export interface OfflineCatalogue {
  release: string
  sources: ReadonlyMap<string, Source>
  helplines: readonly HelplineEntry[]
  helplineById: ReadonlyMap<string, HelplineEntry>
  reportingChannels: readonly ReportingChannelEntry[]
  reportingChannelById: ReadonlyMap<string, ReportingChannelEntry>
  localAuthorities: readonly LocalAuthorityEntry[]
  localAuthorityByCode: ReadonlyMap<string, LocalAuthorityEntry>
  routes: readonly RouteEntry[]
  routeById: ReadonlyMap<string, RouteEntry>
}

/** Links as the server writes them for the latest release: its base URL (or none) and a path. */
function linkBuilder (bundle: Bundle) {
  const self = bundle.release.links.self
  const base = self.slice(0, self.indexOf('/v1/releases/'))
  return (path: string, params: Array<[string, string]> = []) =>
    `${base}${path}${params.length === 0 ? '' : '?' + new URLSearchParams(params).toString()}`
}

function presentContact (record: ContactRecord, serviceNations: ReadonlyArray<Schemas['Nation']>, describe: (s: ScheduleRecord) => string = describeSchedule, hours: ScheduleRecord | null = record.hours): ContactEntry {
  const verification = record.verification ?? 'confirmed'
  return {
    schedule: hours,
    only: record.nations ?? null,
    base: {
      kind: record.kind,
      label: record.label,
      value: record.value,
      // An unverified contact is never offered as something to dial.
      uri: verification === 'confirmed' ? contactUri(record.kind, record.value) : null,
      cost: record.cost ?? null,
      languages: record.languages ?? [],
      hours: hours === null ? null : { ...hours, description: describe(hours) },
      hours_note: record.hours_note ?? null,
      verification,
      notes: record.notes ?? null,
      nations: [...record.nations ?? serviceNations],
      sources: record.sources ?? []
    }
  }
}

/** The record's own sources, then its contacts' sources, each once. */
function collectSources (ids: readonly string[], contacts: ReadonlyArray<{ sources?: string[] }>, sources: ReadonlyMap<string, Source>): Source[] {
  const all = new Set(ids)
  for (const c of contacts) for (const id of c.sources ?? []) all.add(id)
  return [...all].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined)
}

const AUDIENCES = ['public', 'professionals'] as const
const ROLES = ['front-door', 'all-hours', 'out-of-hours'] as const
const ORDER = (c: CouncilContactRecord) => AUDIENCES.indexOf(c.audience) * 10 + ROLES.indexOf(c.role)

/** The front door's hours for an audience when its phones agree on one schedule (as the server). */
function frontDoorHours (contacts: readonly CouncilContactRecord[], audience: CouncilContactRecord['audience']): ScheduleRecord | null {
  for (const wanted of [audience, ...AUDIENCES.filter((a) => a !== audience)]) {
    const phones = contacts.filter((c) => c.role === 'front-door' && c.kind === 'phone' && c.audience === wanted)
    if (phones.length === 0) continue
    const [first, ...rest] = phones.map((c) => c.hours)
    if (first === null || first === undefined) return null
    return rest.every((h) => JSON.stringify(h) === JSON.stringify(first)) ? first : null
  }
  return null
}

function presentCouncilContact (record: CouncilContactRecord, own: readonly CouncilContactRecord[], sharedWith: LocalAuthorityRef[], teamName: string | null, nation: Schemas['Nation']): ContactEntry<Omit<CouncilContact, 'open_now' | 'next_change'>> {
  let hours = record.hours
  let describe = describeSchedule
  const outside = record.hours_outside_front_door
  if (outside !== undefined) {
    const frontDoor = frontDoorHours(own, record.audience)
    hours = frontDoor === null ? null : hoursOutside(frontDoor, outside.bank_holidays)
    if (frontDoor !== null) describe = () => describeOutside(describeSchedule(frontDoor).split('; ')[0] as string, outside.bank_holidays)
  }
  const { base, schedule, only } = presentContact(record, [nation], describe, hours)
  return { schedule, only, base: { role: record.role, audience: record.audience, team: record.team ?? teamName, ...base, shared_with: sharedWith } }
}

const byName = <T extends { base: { name: string } }>(a: T, b: T) => a.base.name.localeCompare(b.base.name, 'en-GB')
const byKey = <T>(items: readonly T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]))

/** Builds the offline catalogue of a bundle, once. */
export function offlineCatalogue (bundle: Bundle): OfflineCatalogue {
  const link = linkBuilder(bundle)
  const { datasets } = bundle
  const sources = new Map<string, Source>([...datasets.sources, ...datasets.council_sources].map((s) => [s.id, {
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    published: s.published,
    published_note: s.published_note ?? null,
    accessed: s.accessed,
    kind: s.kind,
    licence: s.licence ?? null,
    notes: s.notes ?? null,
    quotes: s.quotes ?? [],
    links: { self: link(`/v1/sources/${s.id}`) }
  }]))
  const organisations = new Map(datasets.organisations.map((o) => [o.id, { id: o.id, name: o.name, website: o.website }]))
  const organisation = (id: string) => organisations.get(id) ?? { id, name: id, website: null }

  const helplines: HelplineEntry[] = datasets.helplines.map((r) => ({
    base: {
      id: r.id,
      name: r.name,
      organisation: organisation(r.organisation),
      summary: r.summary,
      audiences: r.audiences,
      topics: r.topics,
      nations: r.nations,
      age_range: r.age_range === undefined ? null : { min: r.age_range.min ?? null, max: r.age_range.max ?? null },
      anonymity: r.anonymity,
      cost: r.cost,
      notes: r.notes ?? [],
      sources: collectSources(r.sources, r.contacts, sources),
      verified_on: r.verified_on,
      review_by: r.review_by,
      links: { self: link(`/v1/helplines/${r.id}`) }
    },
    contacts: r.contacts.map((c) => presentContact(c, r.nations)),
    nations: r.nations,
    search: searchKey(r.name, r.summary)
  })).sort(byName)

  const reportingChannels: ReportingChannelEntry[] = datasets.reporting_channels.map((r) => ({
    base: {
      id: r.id,
      name: r.name,
      organisation: organisation(r.organisation),
      summary: r.summary,
      website: r.website,
      report_here: r.report_here,
      not_for: r.not_for,
      who_can_report: r.who_can_report,
      who_can_report_note: r.who_can_report_note ?? null,
      anonymity: r.anonymity,
      urgency: r.urgency,
      what_happens_next: r.what_happens_next,
      do_not: r.do_not,
      topics: r.topics,
      nations: r.nations,
      scope: r.scope,
      notes: r.notes ?? [],
      nation_notes: r.nation_notes ?? [],
      sources: collectSources(r.sources, r.contacts, sources),
      verified_on: r.verified_on,
      review_by: r.review_by,
      links: { self: link(`/v1/reporting-channels/${r.id}`) }
    },
    contacts: r.contacts.map((c) => presentContact(c, r.nations)),
    nations: r.nations,
    search: searchKey(r.name, r.summary, ...r.report_here)
  })).sort(byName)

  const refOf = (r: Schemas['LocalAuthorityRecord']): LocalAuthorityRef => ({ code: r.code, name: r.name, nation: r.nation, links: { self: link(`/v1/local-authorities/${r.code}`) } })
  const teams = new Map(datasets.council_teams.map((t) => [t.id, t]))
  const members = new Map<string, LocalAuthorityRef[]>()
  for (const r of datasets.local_authorities) for (const id of r.shared_teams) members.set(id, [...members.get(id) ?? [], refOf(r)])
  const localAuthorities: LocalAuthorityEntry[] = datasets.local_authorities.map((r) => {
    const self = link(`/v1/local-authorities/${r.code}`)
    const shared = r.shared_teams.map((id) => teams.get(id)).filter((t) => t !== undefined)
    const sharedContacts = shared.flatMap((team) => team.contacts.map((contact) => ({ contact, team })))
    const all = [...r.contacts, ...sharedContacts.map((c) => c.contact)]
    const contacts = [
      ...r.contacts.map((c) => ({ order: ORDER(c), entry: presentCouncilContact(c, all, [], null, r.nation) })),
      ...sharedContacts.map(({ contact, team }) => ({ order: ORDER(contact), entry: presentCouncilContact(contact, all, (members.get(team.id) ?? []).filter((la) => la.code !== r.code), team.name, r.nation) }))
    ].sort((a, b) => a.order - b.order).map((c) => c.entry)
    return {
      base: {
        code: r.code,
        name: r.name,
        short_name: r.short_name,
        nation: r.nation,
        body_type: r.body_type,
        alias_codes: r.alias_codes,
        homepage_url: r.homepage_url,
        homepage_note: r.homepage_note ?? null,
        report_url: r.report_url,
        govuk_slug: r.govuk_slug,
        find_your_council_url: r.find_your_council_url,
        lad_codes: r.lad_codes,
        lad_codes_note: r.lad_codes_note ?? null,
        contacts_note: r.contacts_note,
        sources: collectSources([...r.sources, ...shared.flatMap((t) => t.sources)], all, sources),
        verified_on: r.verified_on,
        review_by: r.review_by,
        links: { self }
      },
      ref: refOf(r),
      recordSources: new Set(r.sources),
      contacts,
      nations: [r.nation],
      search: searchKey(r.name, r.short_name)
    }
  }).sort(byName)
  const localAuthorityByCode = new Map<string, LocalAuthorityEntry>()
  for (const la of localAuthorities) for (const code of [la.base.code, ...la.base.alias_codes]) localAuthorityByCode.set(code, la)

  // Routes keep the order they are written in, as on the server.
  const routes: RouteEntry[] = datasets.reporting_routes.map((record) => ({
    situation: {
      id: record.id,
      title: record.title,
      summary: record.summary,
      asked_by: record.asked_by,
      notes: record.notes ?? [],
      links: { self: link(`/v1/situations/${record.id}`), route: link('/v1/reporting-routes', [['situation', record.id]]) }
    },
    record
  }))

  return {
    release: bundle.release.id,
    sources,
    helplines,
    helplineById: byKey(helplines, (h) => h.base.id),
    reportingChannels,
    reportingChannelById: byKey(reportingChannels, (c) => c.base.id),
    localAuthorities,
    localAuthorityByCode,
    routes,
    routeById: byKey(routes, (r) => r.situation.id)
  }
}
