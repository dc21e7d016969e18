export { describeSchedule } from './describe-schedule.js'
export { HORIZON_DAYS, openStatus, type OpenStatusResult } from './open-status.js'
export {
  calendarFor, calendarsFromFile, divisionFor, isBankHoliday,
  type BankHolidayCalendar, type BankHolidayCalendars
} from './calendar.js'
export { BANK_HOLIDAYS_FILE, loadBankHolidayCalendars, loadBankHolidayFile, parseBankHolidayCalendars, parseBankHolidayFile } from './calendar-file.js'
export { formatLondon, londonDay, londonOffsetMinutes, wallClockToInstant } from './london-time.js'
export { dayNumber, isoDate } from './civil-date.js'
