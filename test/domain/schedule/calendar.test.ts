import t from 'tap'
import { stringify } from 'yaml'
import { calendarFor, calendarsFromFile, divisionFor, isBankHoliday } from '../../../src/domain/schedule/calendar.js'
import { loadBankHolidayCalendars, parseBankHolidayCalendars } from '../../../src/domain/schedule/calendar-file.js'
import { calendars } from '../../fixtures/schedule/schedules.js'

t.test('maps each nation to its bank-holiday division', async (t) => {
  t.equal(divisionFor('england'), 'england-and-wales')
  t.equal(divisionFor('wales'), 'england-and-wales')
  t.equal(divisionFor('scotland'), 'scotland')
  t.equal(divisionFor('northern-ireland'), 'northern-ireland')
  t.equal(calendarFor(calendars, 'wales'), calendars['england-and-wales'])
})

t.test('says whether a date is a bank holiday, and null outside the years covered', async (t) => {
  const scotland = calendars.scotland
  t.equal(isBankHoliday(scotland, '2026-11-30'), true)
  t.equal(isBankHoliday(scotland, '2026-12-01'), false)
  t.equal(isBankHoliday(scotland, '2023-12-25'), null)
  t.equal(isBankHoliday(scotland, '2031-01-01'), null)
})

t.test('builds calendars from a parsed file', async (t) => {
  const built = calendarsFromFile({
    source: { package: 'p', version: '1', generated_on: '2026-01-01', covers: { from: 2026, to: 2026 }, checked_against: 'x', notes: [] },
    divisions: { 'england-and-wales': [{ date: '2026-12-25', name: 'Christmas Day' }], scotland: [], 'northern-ireland': [] },
    excluded: []
  })
  t.same(built['england-and-wales'], { division: 'england-and-wales', from: 2026, to: 2026, holidays: new Map([['2026-12-25', 'Christmas Day']]) })
  t.equal(built.scotland.holidays.size, 0)
})

// calendar-file.ts: reading the calendar file

const valid = {
  source: { package: 'date-holidays', version: '3.37.0', generated_on: '2026-11-28', covers: { from: 2026, to: 2026 }, checked_against: 'GOV.UK', notes: [] },
  divisions: { 'england-and-wales': [{ date: '2026-12-25', name: 'Christmas Day' }], scotland: [], 'northern-ireland': [] },
  excluded: []
}

t.test('parses a calendar file, keeping dates as written', async (t) => {
  const calendars = parseBankHolidayCalendars(stringify(valid))
  t.equal(calendars['england-and-wales'].holidays.get('2026-12-25'), 'Christmas Day')
})

t.test('rejects a file that breaks the schema, naming where', async (t) => {
  const bad = { ...valid, divisions: { ...valid.divisions, scotland: [{ date: '30/11/2026', name: 'St Andrew’s Day' }] } }
  t.throws(() => parseBankHolidayCalendars(stringify(bad), 'test.yaml'), /^test\.yaml: \/divisions\/scotland\/0\/date: /)
  t.throws(() => parseBankHolidayCalendars('[]', 'test.yaml'), /^test\.yaml: \/: /)
})

t.test('rejects a division that lists a date twice', async (t) => {
  const twice = { ...valid, divisions: { ...valid.divisions, scotland: [{ date: '2026-01-02', name: 'a' }, { date: '2026-01-02', name: 'b' }] } }
  t.throws(() => parseBankHolidayCalendars(stringify(twice)), /scotland lists a date twice/)
})

t.test('loads calendars/uk-bank-holidays.yaml from a data folder', async (t) => {
  const dir = t.testdir({ calendars: { 'uk-bank-holidays.yaml': stringify(valid) } })
  t.equal(loadBankHolidayCalendars(dir).scotland.division, 'scotland')
  t.throws(() => loadBankHolidayCalendars(t.testdir({})), { code: 'ENOENT' })
})
