// Turns the council-contacts research into data records: which numbers each council serves
// (public and professionals; daytime, out of hours, all hours), the pages that show them
// with the quotes, and the out-of-hours teams several councils share. Pure: the same input
// gives the same output, in the same order.
import type { CouncilContactRecord, CouncilTeamRecord, HoursOutsideFrontDoor } from '../../schemas/council-contact.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import type { SourceRecord } from '../../schemas/source.js'
import { contactUri } from '../../src/catalogue/contact-uri.js'
import { quoteHolds } from '../../src/catalogue/quoted-value.js'
import { mentionsBankHolidays, outOfHoursCover, parseFrontDoorHours, saysAlwaysOpen } from './hours-text.js'
import type { Override } from './overrides.js'
import type { Evidence, ProposedLine, ResearchedCouncil } from './research.js'
import { pageSources, type PageSources } from './page-sources.js'
import { slug } from './slug.js'

type Role = CouncilContactRecord['role']
type Audience = CouncilContactRecord['audience']

/** What the converter knows of each authority from the reference data. */
export interface AuthorityBase {
  code: string
  name: string
  short_name: string
  homepage_url: string | null
}

export interface ConvertOptions {
  accessed: string
  reviewBy: string
  /** Ids already used in sources.yaml: council sources must not take them. */
  takenSourceIds: ReadonlySet<string>
}

/** What one council gets. */
export interface CouncilContacts {
  contacts: CouncilContactRecord[]
  shared_teams: string[]
  report_url: string | null
  /** An https homepage from the research, for a council whose recorded one is not https. */
  homepage_url: string | null
  contacts_note: string
  /** When its pages were seen. */
  verified_on: string
}

/** What a maintainer should look at: nothing here is served. */
export interface ConversionReport {
  left_out: Array<{ code: string, value: string, reason: string }>
  conflicts: Array<{ code: string, value: string }>
  hours_not_read: Array<{ code: string, value: string, hours_text: string }>
  review_notes: Array<{ code: string, note: string }>
}

export interface Conversion {
  councils: Map<string, CouncilContacts>
  teams: CouncilTeamRecord[]
  sources: SourceRecord[]
  report: ConversionReport
}

/** A line someone could serve, before shared teams are found. */
interface Candidate {
  code: string
  role: Role
  audience: Audience
  kind: 'phone' | 'email'
  value: string
  team: string | null
  hoursText: string | null
  evidence: Evidence[]
  conflict: boolean
  /** Every value of this audience and role the research marks as disputed, itself included, in its order. */
  conflictWith: string[]
  note: string | null
}

const ROLE_KEYS: Array<[keyof ResearchedCouncil['proposal']['public'], Role]> = [['front_door', 'front-door'], ['all_hours', 'all-hours'], ['out_of_hours', 'out-of-hours']]
const AUDIENCES: Audience[] = ['public', 'professionals']
const digits = (value: string) => value.replace(/\D/g, '')
const ALWAYS: ScheduleRecord = { timezone: 'Europe/London', always_open: true, weekly: [], bank_holidays: 'as-usual' }

const LABELS: Record<Audience, Record<Role, string>> = {
  public: { 'front-door': 'Report a concern about a child', 'all-hours': 'Report a concern about a child, at any time', 'out-of-hours': 'Urgent concerns about a child out of hours' },
  professionals: { 'front-door': 'For professionals: refer a concern about a child', 'all-hours': 'For professionals: refer a concern about a child, at any time', 'out-of-hours': 'For professionals: urgent concerns out of hours' }
}

/** The lines of a council the research proposes, with the overrides applied and every value checked. */
function candidates (council: ResearchedCouncil, overrides: readonly Override[], report: ConversionReport): Candidate[] {
  const mine = overrides.filter((o) => o.code === council.code)
  const proposed: Array<{ line: ProposedLine, role: Role, audience: Audience, kind: 'phone' | 'email' }> = []
  for (const audience of AUDIENCES) {
    for (const [key, role] of ROLE_KEYS) for (const line of council.proposal[audience][key]) proposed.push({ line, role, audience, kind: 'phone' })
  }
  // An address for both the public and professionals is the public's; its role is the one
  // the page gives it (an out-of-hours team's inbox is not the front door's).
  for (const email of council.proposal.email) {
    const roles = email.evidence.map((i) => council.evidence[i]?.role)
    const role: Role = roles.includes('out-of-hours') ? 'out-of-hours' : roles.includes('front-door-24h') ? 'all-hours' : 'front-door'
    proposed.push({ line: { value: email.value, team: null, hours_text: null, evidence: email.evidence, conflict: false }, role, audience: email.audience === 'professionals' ? 'professionals' : 'public', kind: 'email' })
  }
  for (const o of mine) {
    if (o.action === 'serve') proposed.push({ line: { value: o.value, team: o.team ?? null, hours_text: o.hours_text ?? null, evidence: o.evidence, conflict: false }, role: o.role, audience: o.audience, kind: o.kind ?? 'phone' })
  }
  const out: Candidate[] = []
  for (const { line, role, audience, kind } of proposed) {
    const leaveOut = (reason: string) => { report.left_out.push({ code: council.code, value: line.value, reason }) }
    const excluded = mine.find((o) => o.action === 'exclude' && o.value === line.value)
    if (excluded !== undefined) { leaveOut(`override: ${excluded.reason}`); continue }
    if (!contactUri(kind, line.value).ok) { leaveOut(`not a valid ${kind === 'phone' ? 'UK phone number' : 'email address'}`); continue }
    // Only the council's own pages, sites it runs, its children's trust or its safeguarding
    // partnership can source a number, and only where the quote shows it.
    const evidence = line.evidence.map((i) => council.evidence[i] as Evidence)
      .filter((e) => e !== undefined && e.source_kind !== 'third-party' && quoteHolds(kind, line.value, e.quote))
    if (evidence.length === 0) { leaveOut('no quote on a council-run page shows it (third-party only, or the quote does not hold the value)'); continue }
    if (audience === 'public' && evidence.every((e) => e.audience === 'professionals')) { leaveOut('its pages give it to professionals only'); continue }
    // The research sometimes adds a remark to the team's name ("…; select option 2"): the
    // name is the team, the remark is for the caller.
    const [team, ...remark] = splitOutsideBrackets(line.team ?? '', '; ')
    const notes = [line.note, remark.length > 0 ? sentence(remark.join('; ')) : undefined].filter((n) => n !== undefined)
    out.push({
      code: council.code,
      role,
      audience,
      kind,
      value: line.value,
      team: team === '' ? null : team as string,
      evidence,
      conflict: line.conflict,
      conflictWith: [],
      note: notes.length > 0 ? notes.join(' ') : null,
      hoursText: line.hours_text ?? evidence.find((e) => e.hours_quote !== null)?.hours_quote ?? null
    })
    if (line.conflict) report.conflicts.push({ code: council.code, value: line.value })
  }
  // Two numbers for the same line that the pages cannot decide between are both served,
  // in the research's order, each saying so.
  for (const c of out) {
    if (c.conflict) c.conflictWith = out.filter((o) => o.conflict && o.audience === c.audience && o.role === c.role).map((o) => o.value)
  }
  return out
}

/** Splits at a separator that is not inside brackets ("A (b; c); d" → "A (b; c)", "d"). */
function splitOutsideBrackets (text: string, separator: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0 && text.startsWith(separator, i)) { parts.push(text.slice(start, i)); start = i + separator.length }
  }
  return [...parts, text.slice(start)]
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?)]$/.test(text) ? '' : '.'}`

/** How a served contact says its number is disputed (npm run data:check looks for these words). */
export const CONFLICT_NOTES = [' numbers were found for this line', 'The council\'s pages give different numbers for this line'] as const

function conflictNote (c: Candidate): string | null {
  if (!c.conflict) return null
  // Its rival may be the other audience's line, which is not named here.
  if (c.conflictWith.length < 2) return `${CONFLICT_NOTES[1]}; if it does not answer, check the council's website.`
  return `${c.conflictWith.length === 2 ? 'Two' : c.conflictWith.length}${CONFLICT_NOTES[0]} and the pages do not settle which is current: ${c.conflictWith.join(' and ')} (in the order the research gives them). If one does not answer, try the other.`
}

/** The front door's hours, when every front-door phone of the council agrees on words that can be read. */
function frontDoorSchedule (lines: readonly Candidate[]): ScheduleRecord | null {
  for (const audience of AUDIENCES) {
    const phones = lines.filter((c) => c.role === 'front-door' && c.kind === 'phone' && c.audience === audience)
    if (phones.length === 0) continue
    const schedules = phones.map((c) => c.hoursText === null ? null : parseFrontDoorHours(c.hoursText))
    const first = schedules[0] ?? null
    return first !== null && schedules.every((s) => JSON.stringify(s) === JSON.stringify(first)) ? first : null
  }
  return null
}

interface Hours { hours: ScheduleRecord | null, outside?: HoursOutsideFrontDoor }

/** A line's hours in the schedule model, or null with the words kept as the note. */
function hoursOf (c: Candidate, frontDoor: ScheduleRecord | null, outOfHoursCoversBankHolidays: boolean): Hours {
  if (c.hoursText === null || c.kind === 'email') return { hours: null }
  if (c.role === 'all-hours') return { hours: saysAlwaysOpen(c.hoursText) ? ALWAYS : null }
  if (c.role === 'out-of-hours') {
    const outside = outOfHoursCover(c.hoursText, frontDoor)
    return outside === null ? { hours: null } : { hours: null, outside }
  }
  const parsed = parseFrontDoorHours(c.hoursText)
  // An out-of-hours team that covers bank holidays means the front door is closed on them.
  if (parsed !== null && parsed.bank_holidays === 'unknown' && outOfHoursCoversBankHolidays) return { hours: { ...parsed, bank_holidays: 'closed' } }
  return { hours: parsed }
}

function record (c: Candidate, hours: Hours, sources: PageSources, team: string | null): CouncilContactRecord {
  const notes = [c.note, conflictNote(c)].filter((n): n is string => n !== null).join(' ')
  return {
    role: c.role,
    audience: c.audience,
    ...(team === null ? {} : { team }),
    kind: c.kind,
    label: c.kind === 'email' ? `${c.audience === 'professionals' ? 'For professionals: ' : ''}Email about a concern` : LABELS[c.audience][c.role],
    value: c.value,
    hours: hours.hours,
    ...(hours.outside === undefined ? {} : { hours_outside_front_door: hours.outside }),
    ...(c.hoursText === null ? {} : { hours_note: c.hoursText }),
    verification: 'confirmed',
    ...(notes === '' ? {} : { notes }),
    sources: [...new Set(c.evidence.map((e) => sources.idOf(e.source_url)))]
  }
}

/** The name most of a team's councils give it (the longest of those, on a tie). */
function teamName (lines: readonly Candidate[]): string {
  const counts = new Map<string, { name: string, n: number }>()
  for (const c of lines) {
    if (c.team === null) continue
    const key = c.team.toLowerCase()
    const entry = counts.get(key) ?? { name: c.team, n: 0 }
    entry.n++
    counts.set(key, entry)
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || b.name.length - a.name.length || a.name.localeCompare(b.name))[0]
  return best?.name ?? (lines[0]?.role === 'out-of-hours' ? 'Shared out-of-hours team' : 'Shared team')
}

const NO_CONTACTS = 'No direct children\'s social care number has been sourced for this council yet. Use the council\'s website or GOV.UK\'s council finder, or the national routes (999 if a child is in immediate danger).'
const PROFESSIONALS_ONLY = 'No number for the public has been sourced for this council yet: the numbers listed are the lines it gives professionals. Members of the public: use the council\'s website or GOV.UK\'s council finder, or the national routes (999 if a child is in immediate danger).'

function contactsNote (lines: readonly Candidate[]): string {
  if (lines.length === 0) return NO_CONTACTS
  if (!lines.some((c) => c.audience === 'public' && c.kind === 'phone')) return PROFESSIONALS_ONLY
  const partnership = lines.some((c) => c.evidence.some((e) => e.source_kind !== 'own-domain'))
  return `Numbers seen on archived copies of the council's own pages${partnership ? ' and of sites run for it (its safeguarding partnership, children\'s trust or procedures manual)' : ''}, as listed with each number. Check the council's website before relying on them.`
}

/**
 * Converts the research (with the desk-checked councils) into per-council contacts, shared
 * teams and source pages. `authorities` are the reference records the contacts attach to.
 */
export function convertCouncilContacts (research: readonly ResearchedCouncil[], overrides: readonly Override[], authorities: readonly AuthorityBase[], options: ConvertOptions): Conversion {
  const report: ConversionReport = { left_out: [], conflicts: [], hours_not_read: [], review_notes: [] }
  const byCode = new Map(authorities.map((a) => [a.code, a]))
  const councils = [...research].sort((a, b) => a.code.localeCompare(b.code))
  for (const c of councils) if (!byCode.has(c.code)) throw new Error(`council-contacts: ${c.code} (${c.name}) is not a children's-services authority in the reference data`)
  for (const o of overrides) if (!councils.some((c) => c.code === o.code)) throw new Error(`overrides: ${o.code} is not in the research`)

  const lines = new Map(councils.map((c) => [c.code, candidates(c, overrides, report)]))
  const sources = pageSources(councils, lines, byCode, options)

  // A number that several councils' own pages give for the same role and audience is one
  // shared team, written once.
  const groups = new Map<string, Candidate[]>()
  for (const list of lines.values()) {
    // A shared email inbox is not a team: only phone lines are grouped.
    for (const c of list.filter((l) => l.kind === 'phone')) {
      const key = `${c.role}|${c.audience}|${digits(c.value)}`
      groups.set(key, [...(groups.get(key) ?? []), c])
    }
  }
  const frontDoors = new Map([...lines].map(([code, list]) => [code, frontDoorSchedule(list)]))
  const teams: CouncilTeamRecord[] = []
  const teamOf = new Map<Candidate, string>()
  const usedTeamIds = new Set<string>()
  for (const members of groups.values()) {
    if (new Set(members.map((m) => m.code)).size < 2) continue
    const first = members[0] as Candidate
    const name = teamName(members)
    // Named for what it is and whom it serves: out-of-hours-city-of-london-hackney.
    const who = [...new Set(members.map((m) => m.code))].sort().map((code) => byCode.get(code)?.short_name as string)
    const stem = slug(`${first.role} ${who.join(' ')}`, first.audience === 'professionals' ? 60 : 74) + (first.audience === 'professionals' ? '-professionals' : '')
    let id = stem
    for (let n = 2; usedTeamIds.has(id); n++) id = `${stem}-${n}`
    usedTeamIds.add(id)
    // Each council's words must describe the rest of its own week for the hours to be computed.
    const covers = members.filter((m) => m.hoursText !== null).map((m) => outOfHoursCover(m.hoursText as string, frontDoors.get(m.code) ?? null))
    const outside = first.role === 'out-of-hours' && covers.length > 0 && covers.every((c) => c !== null)
      ? { bank_holidays: covers.some((c) => c?.bank_holidays === 'all-day') ? 'all-day' as const : 'unknown' as const }
      : undefined
    const merged: Candidate = {
      ...first,
      team: name,
      hoursText: members.find((m) => m.hoursText !== null)?.hoursText ?? null,
      evidence: members.flatMap((m) => m.evidence),
      conflict: members.some((m) => m.conflict),
      conflictWith: [...new Set(members.flatMap((m) => m.conflictWith))],
      note: null
    }
    const hours = first.role === 'out-of-hours' ? { hours: null, ...(outside === undefined ? {} : { outside }) } : hoursOf(merged, null, false)
    const contact = record(merged, hours, sources, name)
    teams.push({
      id,
      name,
      contacts: [contact],
      notes: `One team for ${[...new Set(members.map((m) => byCode.get(m.code)?.name as string))].join(', ')}, as each council's own pages say.`,
      sources: contact.sources,
      verified_on: options.accessed,
      review_by: options.reviewBy
    })
    for (const m of members) teamOf.set(m, id)
  }

  const out = new Map<string, CouncilContacts>()
  for (const council of councils) {
    const list = lines.get(council.code) as Candidate[]
    const frontDoor = frontDoors.get(council.code) ?? null
    const coversBankHolidays = list.some((c) => c.role === 'out-of-hours' && c.hoursText !== null && mentionsBankHolidays(c.hoursText) && outOfHoursCover(c.hoursText, frontDoor) !== null)
    const contacts: CouncilContactRecord[] = []
    const shared: string[] = []
    for (const c of list) {
      const team = teamOf.get(c)
      if (team !== undefined) { if (!shared.includes(team)) shared.push(team); continue }
      const hours = hoursOf(c, frontDoor, coversBankHolidays)
      if (c.hoursText !== null && hours.hours === null && hours.outside === undefined) report.hours_not_read.push({ code: c.code, value: c.value, hours_text: c.hoursText })
      contacts.push(record(c, hours, sources, c.team))
    }
    const p = council.proposal
    const base = byCode.get(council.code) as AuthorityBase
    const override = (action: 'report_url' | 'homepage_url') => {
      const found = overrides.find((o) => o.code === council.code && o.action === action)
      return found !== undefined && 'url' in found ? found.url : undefined
    }
    const reportUrl = override('report_url') ?? (p.report_page_url?.startsWith('https://') === true ? p.report_page_url : null)
    const homepage = override('homepage_url') ?? (base.homepage_url === null && p.homepage_https?.startsWith('https://') === true ? p.homepage_https : null)
    if (p.review_note !== null) report.review_notes.push({ code: council.code, note: p.review_note })
    out.set(council.code, { contacts, shared_teams: shared, report_url: reportUrl, homepage_url: homepage, contacts_note: contactsNote(list), verified_on: council.accessed ?? options.accessed })
  }
  return { councils: out, teams: teams.sort((a, b) => a.id.localeCompare(b.id)), sources: sources.records(), report }
}
