/**
 * Writes data/calendars/uk-bank-holidays.yaml from the `date-holidays` package, so the
 * calendar the API uses is reviewable, versioned data with a stated source.
 *
 *   npx tsx scripts/build-bank-holidays.ts
 *
 * Re-run it when the package is updated or GOV.UK announces a one-off bank holiday, and
 * review the diff. test/domain/schedule/bank-holidays-data.test.ts checks the result
 * against the GOV.UK rules independently.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import Holidays from 'date-holidays'
import { stringify } from 'yaml'
import type { BankHolidayCalendarFile, BankHolidayDivision } from '../schemas/schedule.js'

const FROM = 2024
const TO = 2030
const OUT = new URL('../data/calendars/uk-bank-holidays.yaml', import.meta.url)
const { version } = createRequire(import.meta.url)('date-holidays/package.json') as { version: string }

// England and Wales share one list: both are fetched and must agree.
const STATES: Record<BankHolidayDivision, string[]> = {
  'england-and-wales': ['ENG', 'WLS'],
  scotland: ['SCT'],
  'northern-ireland': ['NIR']
}

interface Entry { date: string, name: string }
type Excluded = BankHolidayCalendarFile['excluded'][number]

const notes: string[] = [
  'Only types public and bank are kept; observances (Mother\'s Day, Easter Sunday, ...) are dropped.',
  'A date falling on a Saturday or Sunday is not a bank holiday: GOV.UK lists only the substitute weekday, so weekend entries are listed under excluded.'
]
const excluded: Excluded[] = []

/** GOV.UK's wording: "2nd January" and typographic apostrophes. */
function govukName (name: string): string {
  return name.replace('January 2nd', '2nd January').replaceAll('\'', '’')
}

function fetchState (state: string): Entry[] {
  const holidays = new Holidays('GB', state)
  const entries: Entry[] = []
  for (let year = FROM; year <= TO; year++) {
    for (const h of holidays.getHolidays(year)) {
      if (h.type !== 'public' && h.type !== 'bank') continue
      entries.push({ date: h.date.slice(0, 10), name: govukName(h.name) })
    }
  }
  return entries
}

function isWeekend (date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 || day === 6
}

/**
 * When 1 and 2 January both fall at a weekend, date-holidays names the Monday after
 * "2nd January (substitute day)" and the Tuesday "New Year's Day (substitute day)";
 * GOV.UK gives the Monday to New Year's Day (as in 2022). Only the names swap.
 */
function fixScottishNewYear (entries: Entry[], division: BankHolidayDivision): void {
  for (let year = FROM; year <= TO; year++) {
    const nyd = entries.find((e) => e.date.startsWith(`${year}-01`) && e.name === 'New Year’s Day (substitute day)')
    const second = entries.find((e) => e.date.startsWith(`${year}-01`) && e.name === '2nd January (substitute day)')
    if (nyd === undefined || second === undefined || nyd.date < second.date) continue
    notes.push(`${division} ${second.date} and ${nyd.date}: date-holidays swaps the names of the New Year's Day and 2nd January substitute days; relabelled as GOV.UK (${second.date} New Year's Day).`)
    ;[nyd.name, second.name] = [second.name, nyd.name]
  }
}

function buildDivision (division: BankHolidayDivision): Entry[] {
  const [first, ...others] = STATES[division].map(fetchState)
  // A guard on the package's data: the two lists have always been equal.
  for (const other of others) {
    if (JSON.stringify(other) !== JSON.stringify(first)) throw new Error(`${division}: date-holidays gives England and Wales different lists`)
  }
  const byDate = new Map<string, string>()
  for (const entry of first ?? []) {
    if (isWeekend(entry.date)) {
      excluded.push({ division, ...entry, reason: 'falls at a weekend; the substitute weekday is the bank holiday' })
      continue
    }
    const seen = byDate.get(entry.date)
    byDate.set(entry.date, seen === undefined ? entry.name : `${seen} and ${entry.name}`)
  }
  const entries = [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date))
  if (division === 'scotland') fixScottishNewYear(entries, division)
  return entries
}

const divisions = {
  'england-and-wales': buildDivision('england-and-wales'),
  scotland: buildDivision('scotland'),
  'northern-ireland': buildDivision('northern-ireland')
}
// SOURCE_DATE_EPOCH makes a rebuild byte-for-byte reproducible.
const epoch = process.env.SOURCE_DATE_EPOCH
const generatedOn = (epoch === undefined ? new Date() : new Date(Number(epoch) * 1000)).toISOString().slice(0, 10)
const file: BankHolidayCalendarFile = {
  source: {
    package: 'date-holidays',
    version,
    generated_on: generatedOn,
    covers: { from: FROM, to: TO },
    checked_against: 'GOV.UK bank holiday rules (https://www.gov.uk/bank-holidays), by test/domain/schedule/bank-holidays-data.test.ts',
    notes
  },
  divisions,
  excluded
}
const header = '# Generated by scripts/build-bank-holidays.ts: do not edit by hand, re-run the script.\n'
mkdirSync(new URL('.', OUT), { recursive: true })
writeFileSync(OUT, header + stringify(file, { lineWidth: 0 }))
console.log(`wrote ${fileURLToPath(OUT)}: ${Object.entries(divisions).map(([d, e]) => `${d} ${e.length}`).join(', ')}`)
