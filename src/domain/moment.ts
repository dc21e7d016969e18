import type { Nation } from '../../schemas/common.js'
import type { Contact } from '../../schemas/contact.js'
import type { OpenStatus } from '../../schemas/schedule.js'
import type { ContactEntry } from '../catalogue/build-common.js'
import type { ServiceEntry } from '../catalogue/entries.js'
import { dayNumber } from './schedule/civil-date.js'
// The modules themselves, not ./schedule/index.js (which also reads files): the typed client
// bundles these functions for its offline mode, so they must stay free of Node-only imports.
import { calendarFor, type BankHolidayCalendars } from './schedule/calendar.js'
import { wallClockToInstant } from './schedule/london-time.js'
import { HORIZON_DAYS, openStatus } from './schedule/open-status.js'

const DAY_MS = 86_400_000

/** The moment a question is asked about, and whose bank holidays apply. */
export interface Moment {
  instant: number
  /** The nation asked about (`?nation=`); decides the bank-holiday calendar. */
  nation: Nation | undefined
  calendars: BankHolidayCalendars
}

/**
 * Contacts with their open-now status at a moment, and until when that stays right.
 * Bank holidays follow the nation asked about; failing that, the service's only nation;
 * failing that (UK-wide services), England and Wales, whose list the others mostly share.
 */
export function contactsAt<C> (entries: ReadonlyArray<ContactEntry<C>>, nations: readonly Nation[], moment: Moment): { contacts: Array<C & OpenStatus>, validUntil: number } {
  const nation = moment.nation ?? (nations.length === 1 ? nations[0] : undefined) ?? 'england'
  const calendar = calendarFor(moment.calendars, nation)
  let validUntil = moment.instant + HORIZON_DAYS * DAY_MS
  const at = new Date(moment.instant)
  // Asked about one nation, a contact meant for others (GOV.UK's finder in Scotland) is left out.
  const serving = moment.nation === undefined ? entries : entries.filter((e) => e.only === null || e.only.includes(moment.nation as Nation))
  const contacts = serving.map(({ base, schedule }) => {
    const status = openStatus(schedule, at, calendar)
    if (status.valid_until !== null) validUntil = Math.min(validUntil, status.valid_until.getTime())
    return { ...base, open_now: status.open_now, next_change: status.next_change }
  })
  return { contacts, validUntil }
}

/** Whether a record is past its review date at a moment, and when that next changes. */
export function staleness (reviewBy: string, instant: number): { stale: boolean, validUntil: number } {
  // A record is stale from the first London midnight after its review date.
  const staleFrom = wallClockToInstant(dayNumber(reviewBy) + 1, 0)
  return instant >= staleFrom
    ? { stale: true, validUntil: Number.POSITIVE_INFINITY }
    : { stale: false, validUntil: staleFrom }
}

/**
 * A record with contacts as served at a moment: its contacts' open-now status and whether
 * it is stale, with the instant that answer stops being right.
 */
export function serviceAt<B extends { review_by: string }, C> (entry: ServiceEntry<B, C>, moment: Moment): { item: B & { contacts: Array<C & OpenStatus>, stale: boolean }, validUntil: number } {
  const { contacts, validUntil } = contactsAt(entry.contacts, entry.nations, moment)
  const stale = staleness(entry.base.review_by, moment.instant)
  return {
    item: { ...entry.base, contacts, stale: stale.stale },
    validUntil: Math.min(validUntil, stale.validUntil)
  }
}

/** Whether any contact (of a kind, when given) is open at the moment. */
export function anyOpen (contacts: ReadonlyArray<Pick<Contact, 'kind' | 'open_now'>>, kind?: string): boolean {
  return contacts.some((c) => (kind === undefined || c.kind === kind) && c.open_now === true)
}
