import t from 'tap'
import { dayNumber, isoDate, weekdayIndex } from '../../../src/domain/schedule/civil-date.js'
import { formatLondon, londonDay, londonOffsetMinutes, wallClockToInstant } from '../../../src/domain/schedule/london-time.js'

const at = (iso: string) => Date.parse(iso)
const utc = (day: string, minute: number) => new Date(wallClockToInstant(dayNumber(day), minute)).toISOString()

t.test('changes the offset at 01:00 UTC on the last Sundays of March and October', async (t) => {
  t.equal(londonOffsetMinutes(at('2026-03-29T00:59:59Z')), 0)
  t.equal(londonOffsetMinutes(at('2026-03-29T01:00:00Z')), 60)
  t.equal(londonOffsetMinutes(at('2026-10-25T00:59:59Z')), 60)
  t.equal(londonOffsetMinutes(at('2026-10-25T01:00:00Z')), 0)
  t.equal(formatLondon(at('2026-03-29T00:59:59Z')), '2026-03-29T00:59:59+00:00')
  t.equal(formatLondon(at('2026-03-29T01:00:00Z')), '2026-03-29T02:00:00+01:00')
  t.equal(formatLondon(at('2026-10-25T00:59:59.999Z')), '2026-10-25T01:59:59+01:00')
  t.equal(formatLondon(at('2026-10-25T01:00:00Z')), '2026-10-25T01:00:00+00:00')
})

t.test('maps a time in the spring gap to the moment the clock passes it', async (t) => {
  t.equal(utc('2026-03-29', 60), '2026-03-29T01:00:00.000Z')
  t.equal(utc('2026-03-29', 90), '2026-03-29T01:00:00.000Z')
  t.equal(utc('2026-03-29', 119), '2026-03-29T01:00:00.000Z')
  t.equal(utc('2026-03-29', 120), '2026-03-29T01:00:00.000Z')
  t.equal(utc('2026-03-29', 59), '2026-03-29T00:59:00.000Z')
})

t.test('maps a repeated autumn time to its first (BST) occurrence', async (t) => {
  t.equal(utc('2026-10-25', 60), '2026-10-25T00:00:00.000Z')
  t.equal(utc('2026-10-25', 90), '2026-10-25T00:30:00.000Z')
  t.equal(utc('2026-10-25', 120), '2026-10-25T02:00:00.000Z')
})

t.test('carries minutes past 24:00 into the next day', async (t) => {
  t.equal(utc('2026-06-05', 1440 + 540), '2026-06-06T08:00:00.000Z')
  t.equal(utc('2026-01-05', 1440), '2026-01-06T00:00:00.000Z')
})

t.test('gives the London date of an instant', async (t) => {
  t.equal(londonDay(at('2026-06-30T23:30:00Z')), dayNumber('2026-07-01'))
  t.equal(londonDay(at('2026-12-31T23:30:00Z')), dayNumber('2026-12-31'))
})

// civil-date.ts: calendar arithmetic

t.test('counts days from 1970-01-01 and back', async (t) => {
  t.equal(dayNumber('1970-01-02'), 1)
  t.equal(isoDate(dayNumber('2028-02-29')), '2028-02-29')
})

t.test('gives the weekday of a day', async (t) => {
  t.equal(weekdayIndex(dayNumber('2027-12-25')), 5, 'Saturday')
  t.equal(weekdayIndex(dayNumber('2026-03-29')), 6, 'Sunday')
  t.equal(weekdayIndex(dayNumber('2026-11-30')), 0, 'Monday')
  t.equal(weekdayIndex(-1), 2, '1969-12-31 was a Wednesday')
})
