import t from 'tap'
import { ENGLAND_AND_WALES, EVERY_DAY, NORTHERN_IRELAND, SCOTLAND, WEEKDAYS, statusAt, weekly } from '../../fixtures/schedule/schedules.js'

// Closed on bank holidays: which days are closed shows which days are bank holidays.
const daily = weekly([[EVERY_DAY, '09:00', '17:00']])
const weekdays = weekly([[WEEKDAYS, '09:00', '17:00']])
const noon = (date: string) => `${date}T12:00:00Z`
const openOn = (date: string, calendar = ENGLAND_AND_WALES) => statusAt(daily, noon(date), calendar).open_now

t.test('closes on the Christmas and Boxing Day substitutes when both fall at a weekend (2027)', async (t) => {
  t.equal(openOn('2027-12-25'), true, 'Saturday 25 December is not itself a bank holiday')
  t.equal(openOn('2027-12-27'), false)
  t.equal(openOn('2027-12-28'), false)
  t.match(statusAt(daily, '2027-12-26T18:00:00Z'), { open_now: false, next_change: '2027-12-29T09:00:00+00:00' })
})

t.test('closes on the Boxing Day substitute when Boxing Day is a Saturday (2026)', async (t) => {
  t.equal(openOn('2026-12-25'), false)
  t.equal(openOn('2026-12-26'), true)
  t.match(statusAt(daily, '2026-12-27T18:00:00Z'), { open_now: false, next_change: '2026-12-29T09:00:00+00:00' })
})

t.test('moves New Year\'s Day, and in Scotland 2 January, to the following weekdays (2028)', async (t) => {
  t.match(statusAt(daily, '2028-01-02T18:00:00Z'), { next_change: '2028-01-04T09:00:00+00:00' })
  t.match(statusAt(daily, '2028-01-02T18:00:00Z', SCOTLAND), { next_change: '2028-01-05T09:00:00+00:00' })
})

t.test('closes on 2 January in Scotland only', async (t) => {
  t.equal(openOn('2026-01-02', SCOTLAND), false)
  t.equal(openOn('2026-01-02'), true)
  t.equal(openOn('2027-01-04', SCOTLAND), false, '2 January 2027 is a Saturday: Monday 4th instead')
  t.equal(openOn('2027-01-04'), true)
})

t.test('closes on St Andrew\'s Day in Scotland, or the Monday after when it falls at a weekend', async (t) => {
  t.equal(openOn('2026-11-30', SCOTLAND), false)
  t.equal(openOn('2026-11-30'), true)
  t.equal(openOn('2024-11-30', SCOTLAND), true, '30 November 2024 is a Saturday')
  t.equal(openOn('2024-12-02', SCOTLAND), false)
  t.equal(openOn('2025-12-01', SCOTLAND), false, '30 November 2025 is a Sunday')
})

t.test('uses the first Monday in August for Scotland\'s summer bank holiday, the last elsewhere', async (t) => {
  t.equal(openOn('2026-08-03', SCOTLAND), false)
  t.equal(openOn('2026-08-03'), true)
  t.equal(openOn('2026-08-31'), false)
  t.equal(openOn('2026-08-31', SCOTLAND), true)
  t.equal(openOn('2026-08-31', NORTHERN_IRELAND), false)
})

t.test('keeps Easter Monday out of Scotland', async (t) => {
  t.equal(openOn('2026-04-06'), false)
  t.equal(openOn('2026-04-06', NORTHERN_IRELAND), false)
  t.equal(openOn('2026-04-06', SCOTLAND), true)
  t.equal(openOn('2026-04-03', SCOTLAND), false, 'Good Friday is a bank holiday in Scotland')
})

t.test('closes on St Patrick\'s Day in Northern Ireland, with a substitute at weekends', async (t) => {
  t.equal(openOn('2026-03-17', NORTHERN_IRELAND), false)
  t.equal(openOn('2026-03-17'), true)
  t.equal(openOn('2024-03-18', NORTHERN_IRELAND), false, '17 March 2024 is a Sunday')
  t.equal(statusAt(weekdays, noon('2029-03-19'), NORTHERN_IRELAND).open_now, false, '17 March 2029 is a Saturday')
})

t.test('closes on the Battle of the Boyne (12 July) in Northern Ireland, with a substitute at weekends', async (t) => {
  t.equal(openOn('2027-07-12', NORTHERN_IRELAND), false)
  t.equal(openOn('2027-07-12', SCOTLAND), true)
  t.equal(openOn('2026-07-13', NORTHERN_IRELAND), false, '12 July 2026 is a Sunday')
  t.equal(openOn('2025-07-14', NORTHERN_IRELAND), false, '12 July 2025 is a Saturday')
  t.match(statusAt(weekdays, '2026-07-10T18:00:00Z', NORTHERN_IRELAND), { next_change: '2026-07-14T09:00:00+01:00' })
})
