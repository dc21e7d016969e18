import t from 'tap'
import type { CouncilContactRecord } from '../../schemas/council-contact.js'
import type { LocalAuthorityRecord } from '../../schemas/local-authority.js'
import type { SourceRecord } from '../../schemas/source.js'
import { crossCheck } from '../../src/catalogue/cross-check.js'
import type { DatasetRecords } from '../../src/catalogue/datasets.js'
import { DataError } from '../../src/catalogue/data-error.js'

const page: SourceRecord = {
  id: 'alpha-front-door',
  publisher: 'Alpha Council',
  title: 'Worried about a child',
  url: 'https://alpha.example.gov.uk/worried',
  published: null,
  accessed: '2026-12-01',
  kind: 'council-page',
  quotes: ['Call our Front Door on 0113 496 0001 (Monday to Friday, 9am to 5pm).']
}
const contact = (value: string, more: Partial<CouncilContactRecord> = {}): CouncilContactRecord => ({
  role: 'front-door', audience: 'public', kind: 'phone', label: 'Report a concern about a child', value, hours: null, sources: ['alpha-front-door'], ...more
})
const council = (contacts: CouncilContactRecord[], sharedTeams: string[] = []): LocalAuthorityRecord => ({
  code: 'E99000001',
  name: 'Alpha Council',
  short_name: 'Alpha',
  nation: 'england',
  body_type: 'unitary-authority',
  alias_codes: [],
  homepage_url: 'https://alpha.example.gov.uk/',
  report_url: null,
  govuk_slug: null,
  find_your_council_url: null,
  lad_codes: ['E99000001'],
  contacts,
  shared_teams: sharedTeams,
  contacts_note: 'Seen on the council\'s page.',
  sources: ['alpha-front-door'],
  verified_on: '2026-12-01',
  review_by: '2027-06-01'
})
const records = (la: LocalAuthorityRecord): DatasetRecords => ({
  sources: [], organisations: [], helplines: [], reportingChannels: [], localAuthorities: [la], councilTeams: [], councilSources: [page], reportingRoutes: [], statistics: []
})
const check = (la: LocalAuthorityRecord, format = 2) => crossCheck(records(la), (f) => `releases/2026-12-01/${f}`, '2026-12-01', format)
const failure = (fn: () => void): DataError => {
  try { fn() } catch (err) { return err as DataError }
  throw new Error('expected a data error')
}

t.test('accepts a council number its source quotes', async (t) => {
  t.doesNotThrow(() => check(council([contact('0113 496 0001')])))
  t.doesNotThrow(() => check(council([contact('0113 4960001')])), 'written with other spacing')
})

t.test('refuses a served number that no quote of its sources holds, naming file, record, pointer and rule', async (t) => {
  const err = failure(() => check(council([contact('0113 496 0001'), contact('0113 496 0002')])))
  t.ok(err instanceof DataError)
  t.match(err, { file: 'releases/2026-12-01/local-authorities.yaml', record: 'E99000001', pointer: '/0/contacts/1/value', rule: 'value-in-quote' })
  t.match(err.message, /"0113 496 0002" is in no quote of its sources \(alpha-front-door\)/)
  // An unverified value is never offered to dial, so it waits for a page to confirm it.
  t.doesNotThrow(() => check(council([contact('0113 496 0002', { verification: 'unverified' })])))
  // Releases written before quotes existed are not held to them.
  t.doesNotThrow(() => check(council([contact('0113 496 0002')]), 1))
})

t.test('refuses a shared team that council-teams.yaml does not hold', async (t) => {
  t.match(failure(() => check(council([], ['no-such-team']))), { pointer: '/0/shared_teams/0', rule: 'team-exists' })
})

t.test('takes out-of-hours cover from the front door only for an out-of-hours line without hours', async (t) => {
  const wrong = contact('0113 496 0001', { hours_outside_front_door: { bank_holidays: 'unknown' } })
  t.match(failure(() => check(council([wrong]))), { pointer: '/0/contacts/0/hours_outside_front_door', rule: 'outside-front-door' })
  t.doesNotThrow(() => check(council([{ ...wrong, role: 'out-of-hours' }])))
})
