import type { ContactRecord } from '../../schemas/contact.js'
import type { CouncilContactRecord } from '../../schemas/council-contact.js'
import { quoteHolds } from './quoted-value.js'
import type { ScheduleRecord } from '../../schemas/schedule.js'
import { DataError, pointer } from './data-error.js'
import { DATASETS, type DatasetName, type DatasetRecords } from './datasets.js'
import { contactUri } from './contact-uri.js'
import { recordLabel } from './validate-records.js'

interface CheckContext {
  file: string
  record: string
  at: (...segments: Array<string | number>) => string
  fail: (pointerPath: string, rule: string, detail: string) => never
}

/**
 * Checks what a schema cannot: ids unique in each file, every reference resolving, phone
 * numbers real, URLs https, dates not in the future. Throws a DataError at the first fault.
 * `today` is the date the check runs (YYYY-MM-DD); `format` the release's data format
 * (releases of format 1 predate quoted sources, so their council numbers cannot be checked
 * against quotes; every later release's are).
 */
export function crossCheck (records: DatasetRecords, labelOf: (file: string) => string, today: string, format = 2): void {
  const sourceIds = new Set(records.sources.map((s) => s.id))
  records.councilSources.forEach((source, i) => {
    if (sourceIds.has(source.id)) throw new DataError(labelOf(DATASETS.councilSources.file), source.id, pointer(i, 'id'), 'unique-id', `id "${source.id}" is also used in sources.yaml`)
    sourceIds.add(source.id)
  })
  const organisationIds = new Set(records.organisations.map((o) => o.id))
  const quotes = new Map([...records.sources, ...records.councilSources].map((s) => [s.id, s.quotes ?? []]))
  const teamIds = new Set(records.councilTeams.map((t) => t.id))

  for (const name of Object.keys(DATASETS) as DatasetName[]) {
    const file = labelOf(DATASETS[name].file)
    const seen = new Set<string>()
    records[name].forEach((record: Record<string, unknown>, index: number) => {
      const id = recordLabel(record, index)
      const ctx: CheckContext = {
        file,
        record: id,
        at: (...segments) => pointer(index, ...segments),
        fail: (path, rule, detail) => { throw new DataError(file, id, path, rule, detail) }
      }
      if (seen.has(id)) ctx.fail(ctx.at(), 'unique-id', `id "${id}" is used by another record in this file`)
      seen.add(id)
      checkReferences(ctx, record, sourceIds, organisationIds)
      checkDates(ctx, record, today)
      const contacts = record.contacts as ContactRecord[] | undefined
      contacts?.forEach((contact, i) => checkContact(ctx, contact, i, sourceIds))
      if (format >= 2 && (name === 'localAuthorities' || name === 'councilTeams')) {
        (contacts as CouncilContactRecord[]).forEach((contact, i) => checkCouncilContact(ctx, contact, i, quotes))
      }
      const shared = record.shared_teams as string[] | undefined
      shared?.forEach((id, i) => {
        if (!teamIds.has(id)) ctx.fail(ctx.at('shared_teams', i), 'team-exists', `team "${id}" is not in council-teams.yaml`)
      })
    })
  }
}

/**
 * A council's number must be on the page it is cited from: one of its sources quotes it
 * (an unverified one, served without a `tel:`, is exempt until it is confirmed).
 * Out-of-hours cover computed from the front door is only for an out-of-hours line with no
 * hours of its own.
 */
function checkCouncilContact (ctx: CheckContext, contact: CouncilContactRecord, index: number, quotes: ReadonlyMap<string, readonly string[]>): void {
  // An unverified value is shown only as words, never as something to dial, until a page confirms it.
  const quoted = contact.verification === 'unverified' || contact.sources.some((id) => (quotes.get(id) ?? []).some((q) => quoteHolds(contact.kind, contact.value, q)))
  if (!quoted) ctx.fail(ctx.at('contacts', index, 'value'), 'value-in-quote', `"${contact.value}" is in no quote of its sources (${contact.sources.join(', ')}): cite the page passage that shows it`)
  if (contact.hours_outside_front_door !== undefined && (contact.hours !== null || contact.role !== 'out-of-hours')) {
    ctx.fail(ctx.at('contacts', index, 'hours_outside_front_door'), 'outside-front-door', 'only an out-of-hours contact with hours: null can take its hours from the front door')
  }
}

function checkReferences (ctx: CheckContext, record: Record<string, unknown>, sourceIds: Set<string>, organisationIds: Set<string>): void {
  const sources = record.sources as string[] | undefined
  sources?.forEach((id, i) => {
    if (!sourceIds.has(id)) ctx.fail(ctx.at('sources', i), 'source-exists', `source "${id}" is not in sources.yaml`)
  })
  const organisation = record.organisation
  if (typeof organisation === 'string' && !organisationIds.has(organisation)) {
    ctx.fail(ctx.at('organisation'), 'organisation-exists', `organisation "${organisation}" is not in organisations.yaml`)
  }
}

function checkDates (ctx: CheckContext, record: Record<string, unknown>, today: string): void {
  for (const field of ['verified_on', 'accessed'] as const) {
    const value = record[field]
    if (typeof value === 'string' && value > today) ctx.fail(ctx.at(field), 'date-not-in-future', `${field} ${value} is after today (${today})`)
  }
  const { verified_on: verified, review_by: review } = record
  if (typeof verified === 'string' && typeof review === 'string' && review < verified) {
    ctx.fail(ctx.at('review_by'), 'review-after-verified', `review_by ${review} is before verified_on ${verified}`)
  }
}

function checkContact (ctx: CheckContext, contact: ContactRecord, index: number, sourceIds: Set<string>): void {
  const uri = contactUri(contact.kind, contact.value)
  if (!uri.ok) ctx.fail(ctx.at('contacts', index, 'value'), uri.rule, uri.detail)
  contact.sources?.forEach((id, i) => {
    if (!sourceIds.has(id)) ctx.fail(ctx.at('contacts', index, 'sources', i), 'source-exists', `source "${id}" is not in sources.yaml`)
  })
  if (contact.hours !== null) checkSchedule(ctx, contact.hours, ctx.at('contacts', index, 'hours'))
}

function checkSchedule (ctx: CheckContext, hours: ScheduleRecord, at: string): void {
  if (hours.always_open && hours.weekly.length > 0) ctx.fail(`${at}/weekly`, 'always-open-has-no-spans', 'an always-open schedule lists no weekly spans')
  if (!hours.always_open && hours.weekly.length === 0) ctx.fail(`${at}/weekly`, 'schedule-has-spans', 'a schedule that is not always open needs weekly spans (use hours: null when unknown)')
  const special = hours.bank_holidays === 'special'
  if (special !== (hours.bank_holiday_spans !== undefined)) {
    ctx.fail(`${at}/bank_holiday_spans`, 'bank-holiday-spans', 'bank_holiday_spans is required with bank_holidays: special, and only then')
  }
  hours.exceptions?.forEach((exception, i) => {
    if (exception.closed === (exception.spans !== undefined && exception.spans.length > 0)) {
      ctx.fail(`${at}/exceptions/${i}`, 'exception-spans', 'an exception is either closed or lists spans')
    }
  })
}
