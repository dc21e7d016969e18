import t from 'tap'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { BankHolidayCalendarFile, BankHolidayDivision } from '../../../schemas/schedule.js'
import { defaultDataDir } from '../../../src/paths.js'

// Checks the generated calendar against the GOV.UK rules, written out here independently
// of date-holidays: https://www.gov.uk/bank-holidays
const file = parse(readFileSync(join(defaultDataDir, 'calendars/uk-bank-holidays.yaml'), 'utf8')) as BankHolidayCalendarFile
const DAY = 86_400_000
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY
const weekday = (day: number) => new Date(day * DAY).getUTCDay() // 0 Sunday … 6 Saturday
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)
const isWeekend = (day: number) => weekday(day) === 0 || weekday(day) === 6
const firstMonday = (y: number, m: number) => { const d = dayOf(y, m, 1); return d + (8 - weekday(d)) % 7 }
const lastMonday = (y: number, m: number) => { const d = dayOf(y, m + 1, 0); return d - (weekday(d) + 6) % 7 }

/** Easter Sunday (Gregorian), by the anonymous (Meeus/Jones/Butcher) algorithm. */
function easter (y: number): number {
  const a = y % 19; const b = Math.floor(y / 100); const c = y % 100
  const d = Math.floor(b / 4); const e = b % 4; const f = Math.floor((b + 8) / 25); const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30; const i = Math.floor(c / 4); const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7; const m = Math.floor((a + 11 * h + 22 * l) / 451)
  return dayOf(y, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1)
}

/** GOV.UK's rule: a fixed-date holiday at a weekend moves to the next weekday not already a bank holiday. */
function govukDates (division: BankHolidayDivision, y: number): string[] {
  const fixed = [dayOf(y, 1, 1), dayOf(y, 12, 25), dayOf(y, 12, 26)]
  if (division === 'scotland') fixed.push(dayOf(y, 1, 2), dayOf(y, 11, 30))
  if (division === 'northern-ireland') fixed.push(dayOf(y, 3, 17), dayOf(y, 7, 12))
  const taken = new Set([easter(y) - 2, firstMonday(y, 5), lastMonday(y, 5)])
  if (division !== 'scotland') taken.add(easter(y) + 1)
  taken.add(division === 'scotland' ? firstMonday(y, 8) : lastMonday(y, 8))
  for (const d of fixed) if (!isWeekend(d)) taken.add(d)
  for (const d of fixed.filter(isWeekend).sort((a, b) => a - b)) {
    let sub = d + 1
    while (isWeekend(sub) || taken.has(sub)) sub++
    taken.add(sub)
  }
  return [...taken].sort((a, b) => a - b).map(iso)
}

t.test('records its source: the date-holidays package, its version and the date generated', async (t) => {
  const { version } = createRequire(import.meta.url)('date-holidays/package.json') as { version: string }
  t.match(file.source, { package: 'date-holidays', version, covers: { from: 2024, to: 2030 }, generated_on: /^\d{4}-\d{2}-\d{2}$/ })
})

t.test('holds exactly the GOV.UK bank holidays of each division, 2024 to 2030', async (t) => {
  for (const [division, list] of Object.entries(file.divisions) as Array<[BankHolidayDivision, Array<{ date: string }>]>) {
    for (let y = 2024; y <= 2030; y++) {
      t.same(list.map((h) => h.date).filter((d) => d.startsWith(`${y}-`)), govukDates(division, y), `${division} ${y}`)
    }
  }
})

t.test('matches the England and Wales dates GOV.UK publishes for 2026', async (t) => {
  const published = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']
  t.same(file.divisions['england-and-wales'].map((h) => h.date).filter((d) => d.startsWith('2026-')), published)
})

t.test('names substitute days as GOV.UK does', async (t) => {
  const scotland = new Map(file.divisions.scotland.map((h) => [h.date, h.name]))
  t.equal(scotland.get('2028-01-03'), 'New Year’s Day (substitute day)')
  t.equal(scotland.get('2028-01-04'), '2nd January (substitute day)')
  t.equal(scotland.get('2024-12-02'), 'St Andrew’s Day (substitute day)')
  const ew = new Map(file.divisions['england-and-wales'].map((h) => [h.date, h.name]))
  t.equal(ew.get('2027-12-27'), 'Christmas Day (substitute day)')
  t.equal(ew.get('2027-12-28'), 'Boxing Day (substitute day)')
})

t.test('lists as excluded only weekend dates the package gives', async (t) => {
  t.ok(file.excluded.length > 0)
  for (const e of file.excluded) t.ok(isWeekend(Date.parse(`${e.date}T00:00:00Z`) / DAY), `${e.division} ${e.date} ${e.name}`)
})
