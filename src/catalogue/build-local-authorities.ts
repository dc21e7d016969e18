import { COUNCIL_CONTACT_AUDIENCES, COUNCIL_CONTACT_ROLES, type CouncilContact, type CouncilContactRecord, type CouncilTeamRecord } from '../../schemas/council-contact.js'
import type { Nation } from '../../schemas/common.js'
import type { LocalAuthority, LocalAuthorityRecord, LocalAuthorityRef } from '../../schemas/local-authority.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import { describeOutside, hoursOutside } from '../domain/schedule/outside-hours.js'
import { collectSources, presentContact, searchKey, type ContactEntry } from './build-common.js'
import type { BuildContext } from './build-helplines.js'
import type { ServiceEntry } from './entries.js'
import type { LinkBuilder } from './links.js'

export type CouncilContactBase = Omit<CouncilContact, 'open_now' | 'next_change'>
export interface LocalAuthorityEntry extends ServiceEntry<Omit<LocalAuthority, 'contacts' | 'stale'>, CouncilContactBase> {
  ref: LocalAuthorityRef
  /** Sources of the record itself (reference data), as against those of its contacts. */
  recordSources: ReadonlySet<string>
}

/** The shared teams of a release, and who references each (for `shared_with`). */
export interface CouncilTeams {
  byId: ReadonlyMap<string, CouncilTeamRecord>
  members: ReadonlyMap<string, readonly LocalAuthorityRef[]>
}

/** Builds the name of every authority once, so shared teams can say who else they serve. */
export function councilTeams (records: readonly LocalAuthorityRecord[], teams: readonly CouncilTeamRecord[], links: LinkBuilder): CouncilTeams {
  const members = new Map<string, LocalAuthorityRef[]>()
  for (const record of records) {
    for (const id of record.shared_teams) {
      const list = members.get(id) ?? []
      list.push(authorityRef(record, links))
      members.set(id, list)
    }
  }
  return { byId: new Map(teams.map((t) => [t.id, t])), members }
}

function authorityRef (record: LocalAuthorityRecord, links: LinkBuilder): LocalAuthorityRef {
  return { code: record.code, name: record.name, nation: record.nation, links: { self: links.to(`/v1/local-authorities/${record.code}`) } }
}

const ORDER = (c: CouncilContactRecord) => COUNCIL_CONTACT_AUDIENCES.indexOf(c.audience) * 10 + COUNCIL_CONTACT_ROLES.indexOf(c.role)

/**
 * The hours of the council's front door for an audience, when its front-door phones agree
 * on one schedule (public first: an out-of-hours team covers when the council is closed).
 */
function frontDoorHours (contacts: readonly CouncilContactRecord[], audience: CouncilContactRecord['audience']): ScheduleRecord | null {
  for (const wanted of [audience, ...COUNCIL_CONTACT_AUDIENCES.filter((a) => a !== audience)]) {
    const phones = contacts.filter((c) => c.role === 'front-door' && c.kind === 'phone' && c.audience === wanted)
    if (phones.length === 0) continue
    const [first, ...rest] = phones.map((c) => c.hours)
    if (first === null || first === undefined) return null
    return rest.every((h) => JSON.stringify(h) === JSON.stringify(first)) ? first : null
  }
  return null
}

function presentCouncilContact (
  record: CouncilContactRecord,
  own: readonly CouncilContactRecord[],
  sharedWith: LocalAuthorityRef[],
  teamName: string | null,
  nation: Nation,
  ctx: BuildContext
): ContactEntry<CouncilContactBase> {
  let hours = record.hours
  let describe = ctx.describeSchedule
  const outside = record.hours_outside_front_door
  if (outside !== undefined) {
    const frontDoor = frontDoorHours(own, record.audience)
    hours = frontDoor === null ? null : hoursOutside(frontDoor, outside.bank_holidays)
    // Said the way councils say it, from the front door's own sentence (before its bank-holiday clause).
    if (frontDoor !== null) describe = () => describeOutside((ctx.describeSchedule(frontDoor).split('; ')[0]) as string, outside.bank_holidays)
  }
  const { base, schedule, only } = presentContact(record, [nation], describe, hours)
  return {
    schedule,
    only,
    base: { role: record.role, audience: record.audience, team: record.team ?? teamName, ...base, shared_with: sharedWith }
  }
}

/** A children's-services authority as served, minus its clock-dependent fields. */
export function buildLocalAuthority (record: LocalAuthorityRecord, ctx: BuildContext, teams: CouncilTeams): LocalAuthorityEntry {
  const self = ctx.links.to(`/v1/local-authorities/${record.code}`)
  const shared = record.shared_teams.map((id) => teams.byId.get(id) as CouncilTeamRecord) // cross-check.ts: every id resolves
  const sharedContacts = shared.flatMap((team) => team.contacts.map((contact) => ({ contact, team })))
  const all = [...record.contacts, ...sharedContacts.map((s) => s.contact)]
  const entries = [
    ...record.contacts.map((c) => ({ order: ORDER(c), entry: presentCouncilContact(c, all, [], null, record.nation, ctx) })),
    ...sharedContacts.map(({ contact, team }) => {
      const others = (teams.members.get(team.id) ?? []).filter((la) => la.code !== record.code)
      return { order: ORDER(contact), entry: presentCouncilContact(contact, all, others, team.name, record.nation, ctx) }
    })
  ].sort((a, b) => a.order - b.order) // stable: the file's order within a role
  return {
    base: {
      code: record.code,
      name: record.name,
      short_name: record.short_name,
      nation: record.nation,
      body_type: record.body_type,
      alias_codes: record.alias_codes,
      homepage_url: record.homepage_url,
      homepage_note: record.homepage_note ?? null,
      report_url: record.report_url,
      govuk_slug: record.govuk_slug,
      find_your_council_url: record.find_your_council_url,
      lad_codes: record.lad_codes,
      lad_codes_note: record.lad_codes_note ?? null,
      contacts_note: record.contacts_note,
      sources: collectSources([...record.sources, ...shared.flatMap((t) => t.sources)], all, ctx.sources),
      verified_on: record.verified_on,
      review_by: record.review_by,
      links: { self }
    },
    ref: authorityRef(record, ctx.links),
    recordSources: new Set(record.sources),
    contacts: entries.map((e) => e.entry),
    nations: [record.nation],
    search: searchKey(record.name, record.short_name)
  }
}
