import type { BankHolidayCalendar } from './calendar.js'
import { isBankHoliday } from './calendar.js'
import { isoDate, weekdayIndex } from './civil-date.js'
import { UNKNOWN, type CompiledSchedule, type DayHours, type MinuteSpan } from './compile.js'
import { wallClockToInstant } from './london-time.js'

/** A stretch of time [start, end) in epoch milliseconds when a line is open, or may be. */
export interface Interval {
  readonly start: number
  readonly end: number
  readonly state: 'open' | 'unknown'
}

const CLOSED: DayHours = { kind: 'spans', spans: [] }

// `weekly` always has seven entries, one per weekday.
const usualSpans = (schedule: CompiledSchedule, day: number) =>
  schedule.weekly[weekdayIndex(day)] as readonly MinuteSpan[]

/**
 * The hours that apply to the spans OPENING on a date. Precedence: a dated exception, then
 * the bank-holiday rule (on a bank holiday of the division), then the weekly hours. A span
 * that opened the day before and runs past midnight keeps the previous day's rule.
 */
export function hoursOn (schedule: CompiledSchedule, day: number, calendar: BankHolidayCalendar): DayHours {
  const date = isoDate(day)
  const exception = schedule.exceptions.get(date)
  if (exception !== undefined) return exception
  const usual: DayHours = { kind: 'spans', spans: usualSpans(schedule, day) }
  if (schedule.bankHolidays === 'as-usual') return usual
  const holiday = isBankHoliday(calendar, date)
  if (holiday === false) return usual
  // Outside the calendar's years whether the day is a holiday is itself unknown.
  if (holiday === null || schedule.bankHolidays === 'unknown') return UNKNOWN
  return schedule.bankHolidays === 'closed' ? CLOSED : schedule.bankHolidaySpans
}

const toInterval = (day: number, span: MinuteSpan): Interval => ({
  start: wallClockToInstant(day, span.opens),
  end: wallClockToInstant(day, span.closes),
  state: 'open'
})

/**
 * The intervals attributed to a date. Hours not known cover the whole date and, further,
 * as long as the usual spans of that weekday would have run past midnight: otherwise the
 * morning after an unknown overnight span would wrongly read as closed.
 */
export function dayIntervals (schedule: CompiledSchedule, day: number, calendar: BankHolidayCalendar): Interval[] {
  const hours = hoursOn(schedule, day, calendar)
  if (hours.kind === 'spans') {
    // A span wholly inside the spring-forward gap never shows on the clock: it is empty.
    return hours.spans.map((span) => toInterval(day, span)).filter((i) => i.end > i.start)
  }
  const usual = usualSpans(schedule, day)
  const until = Math.max(1440, ...usual.map((span) => span.closes))
  return [{ ...toInterval(day, { opens: 0, closes: until }), state: 'unknown' }]
}
