import type { HsdsDay } from '../../../schemas/hsds/api.js'
import type { HsdsSchedule } from '../../../schemas/hsds/service.js'
import type { Day, ScheduleException, ScheduleRecord } from '../../../schemas/schedule.js'
import type { ContactBase } from '../../catalogue/build-common.js'
import type { ClockPeriod } from './clock-period.js'
import { hsdsId } from './ids.js'

const BYDAY: Record<Day, HsdsDay> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' }
const EVERY_DAY: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const DAY_MINUTES = 1440

/** One weekly opening span, for the day and time filters: minutes of UK local time. */
export interface OpeningSpan {
  days: ReadonlySet<HsdsDay>
  opens: number
  /** After `opens`; past 1440 when the span runs past midnight. */
  closes: number
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

const PERIOD_NAMES: Readonly<Record<number, string>> = { 0: 'GMT', 60: 'British Summer Time' }

/**
 * How the times are written. HSDS times carry one fixed UTC offset; UK hours are wall-clock
 * times that move with the clocks. So each time carries the offset in force now, valid_from
 * and valid_to bound the days it is right, and this note says what happens after.
 */
export function offsetNote (period: ClockPeriod): string {
  const now = PERIOD_NAMES[period.offsetMinutes] ?? `UTC${period.offset}`
  const next = PERIOD_NAMES[period.offsetMinutes === 0 ? 60 : 0] ?? 'the other offset'
  return `UK time. The offset ${period.offset} (${now}) is right from ${period.firstDay} to ${period.lastDay}; ` +
    `from ${period.next.day} the UK is on ${next} and the same hours are written ${period.next.offset}, as this feed will then show.`
}

function exceptionWords (exceptions: readonly ScheduleException[] | undefined): string {
  if (exceptions === undefined || exceptions.length === 0) return ''
  const each = exceptions.map((e) => {
    const hours = e.closed ? 'closed' : (e.spans ?? []).map((s) => `${s.opens} to ${s.closes}`).join(' and ')
    return `${e.date} ${hours}${e.note === undefined ? '' : ` (${e.note})`}`
  })
  return ` Dated exceptions: ${each.join('; ')}.`
}

function spanNote (opens: string, closes: string): string {
  if (opens === '00:00' && closes === '24:00') return ' Open all day, midnight to midnight.'
  if (closes === '24:00') return ' Closes at midnight.'
  return minutesOf(closes) <= minutesOf(opens) ? ` Closes the next day at ${closes}.` : ''
}

/**
 * A contact's weekly hours as HSDS schedules, one per weekly rule (24 hours every day when
 * always open), with the spans the filters read. Hours that are not confirmed give none.
 */
export function schedulesOf (serviceId: string, serviceKey: string, contactKey: string, contact: ContactBase, period: ClockPeriod): { schedules: HsdsSchedule[], spans: OpeningSpan[] } {
  const hours = contact.hours
  if (hours === null) return { schedules: [], spans: [] }
  const rules = hours.always_open ? [{ days: EVERY_DAY, opens: '00:00', closes: '24:00' }] : hours.weekly
  const description = `${contact.label}: ${hours.description}.${exceptionWords((hours as ScheduleRecord).exceptions)}`
  const schedules: HsdsSchedule[] = []
  const spans: OpeningSpan[] = []
  for (const rule of rules) {
    const days = rule.days.map((d) => BYDAY[d])
    const opens = minutesOf(rule.opens)
    const closesAt = rule.closes === '24:00' ? DAY_MINUTES : minutesOf(rule.closes)
    spans.push({ days: new Set(days), opens, closes: closesAt > opens ? closesAt : closesAt + DAY_MINUTES })
    schedules.push({
      id: hsdsId('schedule', serviceKey, contactKey, rule.days.join(','), rule.opens, rule.closes),
      service_id: serviceId,
      freq: 'WEEKLY',
      byday: days.join(','),
      opens_at: `${rule.opens}${period.offset}`,
      // Midnight at the end of the day is 00:00: a closing time at or before the opening time is the next day's.
      closes_at: `${rule.closes === '24:00' ? '00:00' : rule.closes}${period.offset}`,
      valid_from: period.firstDay,
      valid_to: period.lastDay,
      description,
      notes: offsetNote(period) + spanNote(rule.opens, rule.closes)
    })
  }
  return { schedules, spans }
}
