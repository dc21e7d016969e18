import type { Nation } from '../../../schemas/common.js'
import type { BankHolidayCalendarFile, BankHolidayDivision } from '../../../schemas/schedule.js'

/** The bank holidays of one division of the UK, for the years the data covers. */
export interface BankHolidayCalendar {
  readonly division: BankHolidayDivision
  /** First and last year covered; outside them no day is known to be or not be a holiday. */
  readonly from: number
  readonly to: number
  /** Date (YYYY-MM-DD) → name, e.g. '2027-12-27' → 'Christmas Day (substitute day)'. */
  readonly holidays: ReadonlyMap<string, string>
}

export type BankHolidayCalendars = Readonly<Record<BankHolidayDivision, BankHolidayCalendar>>

/** The bank-holiday division of a nation: England and Wales share one list. */
export function divisionFor (nation: Nation): BankHolidayDivision {
  if (nation === 'scotland' || nation === 'northern-ireland') return nation
  return 'england-and-wales'
}

/** The calendar of a nation, picked from the loaded set. */
export function calendarFor (calendars: BankHolidayCalendars, nation: Nation): BankHolidayCalendar {
  return calendars[divisionFor(nation)]
}

/**
 * Whether a date (YYYY-MM-DD) is a bank holiday; null outside the years covered, where
 * guessing could show a closed line as open.
 */
export function isBankHoliday (calendar: BankHolidayCalendar, date: string): boolean | null {
  const year = Number(date.slice(0, 4))
  if (year < calendar.from || year > calendar.to) return null
  return calendar.holidays.has(date)
}

/** Builds the calendars from a parsed, validated calendar file. */
export function calendarsFromFile (file: BankHolidayCalendarFile): BankHolidayCalendars {
  const { from, to } = file.source.covers
  const build = (division: BankHolidayDivision): BankHolidayCalendar => ({
    division,
    from,
    to,
    holidays: new Map(file.divisions[division].map((h) => [h.date, h.name]))
  })
  return {
    'england-and-wales': build('england-and-wales'),
    scotland: build('scotland'),
    'northern-ireland': build('northern-ireland')
  }
}
