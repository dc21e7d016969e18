import type { OpenStatus, ScheduleRecord } from '../../../schemas/schedule.js'
import type { BankHolidayCalendar } from './calendar.js'
import { compileSchedule } from './compile.js'
import { dayIntervals, type Interval } from './day-plan.js'
import { formatLondon, londonDay, wallClockToInstant } from './london-time.js'

/** How many London days ahead `openStatus` looks for the next change. */
export const HORIZON_DAYS = 14

/** Open-now status plus the instant it may next change, for caching. */
export interface OpenStatusResult extends OpenStatus {
  /** When `open_now` next takes another value (true, false or null); null if not within the horizon. */
  valid_until: Date | null
}

const UNKNOWN_HOURS: OpenStatusResult = { open_now: null, next_change: null, valid_until: null }

function stateAt (intervals: readonly Interval[], instant: number): boolean | null {
  let unknown = false
  for (const i of intervals) {
    if (instant >= i.start && instant < i.end) {
      if (i.state === 'open') return true
      unknown = true
    }
  }
  return unknown ? null : false
}

/**
 * Whether a line is open at an instant, and when that next changes.
 *
 * `next_change` never announces what is not known, because a person in crisis acts on it:
 * - open: the instant it stops being known to be open (it closes, or its hours become unknown);
 * - closed: the instant it opens, only if it is known to open before its hours become unknown;
 * - unknown (no hours, or bank holiday hours not stated): null.
 * It is null too when nothing changes within HORIZON_DAYS (e.g. always open).
 * `valid_until` is the instant `open_now` next takes any other value, so an answer cached
 * until then stays true.
 *
 * @param schedule the contact's hours; null when not confirmed (never shown as open)
 * @param at the moment asked about (absolute; its offset does not matter)
 * @param calendar the bank holidays of the nation asked about (see `calendarFor`)
 * @param horizonDays how many London days ahead to look for the next change
 */
export function openStatus (
  schedule: ScheduleRecord | null,
  at: Date,
  calendar: BankHolidayCalendar,
  horizonDays = HORIZON_DAYS
): OpenStatusResult {
  const now = at.getTime()
  if (Number.isNaN(now)) throw new RangeError('openStatus: invalid Date')
  if (schedule === null) return UNKNOWN_HOURS
  const compiled = compileSchedule(schedule)
  const today = londonDay(now)
  // Spans are attributed to the day they open and run at most into the next day.
  const intervals: Interval[] = []
  for (let day = today - 1; day < today + horizonDays; day++) intervals.push(...dayIntervals(compiled, day, calendar))
  const horizon = wallClockToInstant(today + horizonDays, 0)

  const current = stateAt(intervals, now)
  const boundaries = [...new Set(intervals.flatMap((i) => [i.start, i.end]))]
    .filter((b) => b > now && b < horizon)
    .sort((a, b) => a - b)
  const change = boundaries.find((b) => stateAt(intervals, b) !== current)
  if (change === undefined) return { open_now: current, next_change: null, valid_until: null }
  const announce = current === true || (current === false && stateAt(intervals, change) === true)
  return {
    open_now: current,
    next_change: announce ? formatLondon(change) : null,
    valid_until: new Date(change)
  }
}
