import t from 'tap'
import fc from 'fast-check'
import { DAYS, type ScheduleRecord } from '../../../schemas/schedule.js'
import { openStatus } from '../../../src/domain/schedule/open-status.js'
import { describeOutside, hoursOutside } from '../../../src/domain/schedule/outside-hours.js'
import { isBankHoliday, isoDate, londonDay } from '../../../src/domain/schedule/index.js'
import { ENGLAND_AND_WALES, weekly } from '../../fixtures/schedule/schedules.js'
import { instantArb } from '../../fixtures/schedule/arbitraries.js'

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
// Plain office hours: one daytime span on some weekdays, opening after midnight and closing by midnight.
const officeHours = fc.array(fc.record({
  days: fc.subarray([...DAYS], { minLength: 1 }),
  opens: fc.integer({ min: 1, max: 60 }).map((q) => q * 15),
  length: fc.integer({ min: 1, max: 30 }).map((q) => q * 15)
}), { minLength: 1, maxLength: 3 }).map((rules): ScheduleRecord => ({
  timezone: 'Europe/London',
  always_open: false,
  weekly: rules.map((r) => ({ days: r.days, opens: hhmm(r.opens), closes: hhmm(Math.min(1440, r.opens + r.length)) })),
  bank_holidays: 'closed'
}))

t.test('is open exactly when the front door is closed, on every day but bank holidays', async (t) => {
  // Instants near England and Wales bank holidays are drawn as often as any.
  fc.assert(fc.property(officeHours, instantArb(['2025-12-25', '2025-12-26', '2026-04-06', '2026-05-04', '2026-08-31', '2026-12-25', '2026-12-28']), (frontDoor, at) => {
    const outside = hoursOutside(frontDoor, 'all-day')
    if (outside === null) return
    const when = new Date(at)
    const door = openStatus(frontDoor, when, ENGLAND_AND_WALES)
    const team = openStatus(outside, when, ENGLAND_AND_WALES)
    if (isBankHoliday(ENGLAND_AND_WALES, isoDate(londonDay(at))) === true) {
      if (team.open_now !== true || door.open_now !== false) throw new Error(`bank holiday ${when.toISOString()}`)
      return
    }
    if (team.open_now !== !(door.open_now as boolean)) throw new Error(`${when.toISOString()}: door ${String(door.open_now)}, team ${String(team.open_now)}`)
  }), { seed: 20261201, numRuns: 500 })
  t.pass('500 front doors and instants')
})

t.test('runs a weekday night through to the next morning and the whole weekend', async (t) => {
  const frontDoor = weekly([[['mon', 'tue', 'wed', 'thu'], '08:30', '17:00'], [['fri'], '08:30', '16:30']])
  const outside = hoursOutside(frontDoor, 'unknown') as ScheduleRecord
  t.same(outside.weekly, [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '00:00', closes: '08:30' },
    { days: ['mon', 'tue', 'wed', 'thu'], opens: '17:00', closes: '24:00' },
    { days: ['fri'], opens: '16:30', closes: '24:00' },
    { days: ['sat', 'sun'], opens: '00:00', closes: '24:00' }
  ])
  t.equal(outside.bank_holidays, 'unknown')
  // Friday 4 December 2026, 8pm: open, and it stays open until Monday 8.30am.
  t.same(openStatus(outside, new Date('2026-12-04T20:00:00Z'), ENGLAND_AND_WALES).next_change, '2026-12-07T08:30:00+00:00')
  // Not stated for bank holidays: unknown then, never guessed.
  t.equal(openStatus(outside, new Date('2026-12-25T12:00:00Z'), ENGLAND_AND_WALES).open_now, null)
})

t.test('turns round only plain weekly hours', async (t) => {
  t.equal(hoursOutside({ timezone: 'Europe/London', always_open: true, weekly: [], bank_holidays: 'as-usual' }, 'all-day'), null)
  t.equal(hoursOutside(weekly([[['mon'], '17:00', '09:00']]), 'all-day'), null, 'a span past midnight')
  t.equal(hoursOutside(weekly([[['mon'], '09:00', '17:00']], { exceptions: [{ date: '2026-12-24', closed: true }] }), 'all-day'), null, 'dated exceptions')
})

t.test('says the hours the way councils do', async (t) => {
  t.equal(describeOutside('Monday to Friday 9am to 5pm', 'all-day'), 'Outside Monday to Friday 9am to 5pm; 24 hours on bank holidays')
  t.equal(describeOutside('Monday to Friday 9am to 5pm', 'unknown'), 'Outside Monday to Friday 9am to 5pm; bank holiday hours not confirmed')
})
