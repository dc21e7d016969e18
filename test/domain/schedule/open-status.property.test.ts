import t from 'tap'
import { deepStrictEqual } from 'node:assert/strict'
import fc from 'fast-check'
import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultDataDir } from '../../../src/paths.js'
import { openStatus } from '../../../src/domain/schedule/open-status.js'
import { wallClockToInstant } from '../../../src/domain/schedule/london-time.js'
import type { BankHolidayCalendarFile, BankHolidayDivision } from '../../../schemas/schedule.js'
import { calendars } from '../../fixtures/schedule/schedules.js'
import { referenceStatus, refWallMinutes, type RefCalendar } from '../../fixtures/schedule/reference.js'
import { DAY, MIN, divisionArb, instantArb, scheduleArb, toRecord } from '../../fixtures/schedule/arbitraries.js'

const SEED = 20261128
const NUM_RUNS = 1000
t.comment(`fast-check seed ${SEED}, ${NUM_RUNS} runs per property`)

// The reference reads the calendar file itself, not through the loader under test.
const file = parse(readFileSync(join(defaultDataDir, 'calendars/uk-bank-holidays.yaml'), 'utf8')) as BankHolidayCalendarFile
const refCalendars = Object.fromEntries(Object.entries(file.divisions).map(([division, list]) => [
  division,
  { holidays: new Set(list.map((h) => h.date)), from: file.source.covers.from, to: file.source.covers.to }
])) as Record<BankHolidayDivision, RefCalendar>
const allHolidayDates = Object.values(file.divisions).flatMap((list) => list.map((h) => h.date))

// fast-check reports the seed, the path and the shrunk counterexample if a run fails.
t.test('agrees with a minute-by-minute reference on open_now, next_change and valid_until', async (t) => {
  fc.assert(fc.property(scheduleArb, instantArb(allHolidayDates), divisionArb, (shape, at, division) => {
    const record = toRecord(shape, Math.floor(refWallMinutes(at) / 1440))
    const actual = openStatus(record, new Date(at), calendars[division])
    const expected = referenceStatus(record, at, refCalendars[division])
    deepStrictEqual({ ...actual, valid_until: actual.valid_until?.getTime() ?? null }, expected)
  }), { seed: SEED, numRuns: NUM_RUNS })
  t.pass(`${NUM_RUNS} random schedules and instants agree`)
})

t.test('places every wall-clock time at the first minute the London clock shows it or later', async (t) => {
  const day = fc.integer({ min: Date.UTC(2024, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY })
  // Bias towards the clock-change Sundays, where the rule matters.
  const sunday = fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.constantFrom(2, 9)).map(([y, m]) => {
    const last = new Date(Date.UTC(y, m + 1, 0))
    return Date.UTC(y, m, last.getUTCDate() - last.getUTCDay()) / DAY
  })
  fc.assert(fc.property(fc.oneof(day, sunday), fc.integer({ min: 0, max: 1440 }), (d, minute) => {
    const wall = d * 1440 + minute
    let t0 = (wall - 120) * MIN
    while (refWallMinutes(t0) < wall) t0 += MIN
    return wallClockToInstant(d, minute) === t0
  }), { seed: SEED, numRuns: NUM_RUNS })
  t.pass(`${NUM_RUNS} random wall-clock times agree`)
})
