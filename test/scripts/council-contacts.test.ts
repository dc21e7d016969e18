import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { convertCouncilContacts, type AuthorityBase } from '../../scripts/council-contacts/convert.js'
import { readOverrides, type Override } from '../../scripts/council-contacts/overrides.js'
import type { Research } from '../../scripts/council-contacts/research.js'

const research = JSON.parse(readFileSync(new URL('../fixtures/council-contacts/research.json', import.meta.url), 'utf8')) as Research
const AUTHORITIES: AuthorityBase[] = [
  { code: 'E99000001', name: 'Alpha Council', short_name: 'Alpha', homepage_url: 'https://alpha.example.gov.uk/' },
  { code: 'E99000002', name: 'Beta Council', short_name: 'Beta', homepage_url: null },
  { code: 'E99000003', name: 'Gamma Council', short_name: 'Gamma', homepage_url: 'https://gamma.example.gov.uk/' }
]
const OPTIONS = { accessed: '2026-12-01', reviewBy: '2027-06-01', takenSourceIds: new Set(['alpha-worried-about-a-child']) }
const convert = (overrides: Override[] = []) => convertCouncilContacts(research.authorities, overrides, AUTHORITIES, OPTIONS)

const conversion = convert()
const council = (code: string) => conversion.councils.get(code)!
const values = (code: string) => council(code).contacts.map((c) => [c.audience, c.role, c.value])
const leftOut = (value: string) => conversion.report.left_out.find((l) => l.value === value)?.reason

t.test('serves the public front door with its hours, and the professionals\' line as theirs', async (t) => {
  t.same(values('E99000001'), [['public', 'front-door', '0113 496 0001'], ['professionals', 'front-door', '0113 496 0002']])
  const [front, pro] = council('E99000001').contacts
  // The out-of-hours team covers bank holidays, so the front door is closed on them.
  t.same(front?.hours, { timezone: 'Europe/London', always_open: false, weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }], bank_holidays: 'closed' })
  t.match(front, { team: 'Front Door', label: 'Report a concern about a child', verification: 'confirmed', hours_note: 'Monday to Friday, 9am to 5pm' })
  t.match(pro, { team: 'Front Door (professionals)', notes: 'Choose option 2.', label: /^For professionals/ }, 'a remark in the team\'s name becomes a note')
  t.equal(council('E99000001').report_url, 'https://alpha.example.gov.uk/worried-about-a-child')
})

t.test('leaves out a value seen only on a third-party page', async (t) => {
  t.notOk(values('E99000001').some(([, , v]) => v === '0113 496 0003'))
  t.match(leftOut('0113 496 0003'), /third-party only/)
  t.notOk(conversion.sources.some((s) => s.url.includes('school.example.org')), 'a third-party page is never a source')
})

t.test('refuses a value whose quote does not show it', async (t) => {
  t.notOk(values('E99000001').some(([, , v]) => v === '0113 496 0004'))
  t.match(leftOut('0113 496 0004'), /quote does not hold the value/)
})

t.test('leaves out a malformed number', async (t) => {
  t.match(leftOut('0118 496 001'), /not a valid UK phone number/)
  t.notOk(values('E99000002').some(([, , v]) => v === '0118 496 001'))
})

t.test('serves both numbers of a conflict, in order, each saying so', async (t) => {
  const [first, second] = council('E99000002').contacts
  t.same([first?.value, second?.value], ['0118 496 0010', '0118 496 0011'])
  for (const c of [first, second]) t.match(c?.notes, /Two numbers were found for this line.*0118 496 0010 and 0118 496 0011/)
  t.same(conversion.report.conflicts.map((c) => c.value), ['0118 496 0010', '0118 496 0011'])
  // An http:// report page is not served; the https homepage replaces a missing one.
  t.equal(council('E99000002').report_url, null)
  t.equal(council('E99000002').homepage_url, 'https://beta.example.gov.uk/')
})

t.test('writes a shared out-of-hours team once, referenced by each council', async (t) => {
  t.equal(conversion.teams.length, 1)
  const [team] = conversion.teams
  t.match(team, { id: 'out-of-hours-alpha-beta', name: 'Joint Emergency Duty Team', verified_on: '2026-12-01', review_by: '2027-06-01' })
  t.same(council('E99000001').shared_teams, ['out-of-hours-alpha-beta'])
  t.same(council('E99000002').shared_teams, ['out-of-hours-alpha-beta'])
  t.notOk(council('E99000001').contacts.some((c) => c.value === '020 7946 0100'), 'not copied into the council')
  const [contact] = team!.contacts
  // Each council's words describe the rest of its week, and one says bank holidays.
  t.match(contact, { role: 'out-of-hours', audience: 'public', value: '020 7946 0100', hours: null, hours_outside_front_door: { bank_holidays: 'all-day' } })
  const pages = contact!.sources.map((id) => conversion.sources.find((s) => s.id === id)!)
  t.same(pages.map((p) => p.kind).sort(), ['council-page', 'safeguarding-partnership'], 'both councils\' pages source it')
})

t.test('says so when a council has numbers for professionals only', async (t) => {
  t.same(values('E99000003'), [['professionals', 'front-door', '020 7946 0200']])
  t.match(council('E99000003').contacts_note, /No number for the public has been sourced/)
})

t.test('keeps one source per page, with the quotes that show the numbers', async (t) => {
  const front = conversion.sources.find((s) => s.url === 'https://alpha.example.gov.uk/worried-about-a-child')!
  t.match(front, { id: 'alpha-worried-about-a-child-2', publisher: 'Alpha Council', title: 'Worried about a child', published: '2025-03', accessed: '2026-12-01', kind: 'council-page' }, 'an id taken in sources.yaml is not reused')
  t.equal(front.quotes?.length, 2)
  t.match(front.notes, /found the same value on this page again/)
  const partnership = conversion.sources.find((s) => s.kind === 'safeguarding-partnership')!
  t.match(partnership, { publisher: 'Safeguarding children partnership for Beta (betascp.example.org.uk)', published: null, published_note: 'No date shown on the archived copy.' })
})

t.test('applies a maintainer\'s overrides, each with its reason', async (t) => {
  const dir = t.testdir({})
  const file = join(dir, 'overrides.yaml')
  writeFileSync(file, [
    '- code: E99000002',
    '  action: exclude',
    '  value: 0118 496 0011',
    '  reason: The council confirmed by phone on 2026-12-02 that this number is retired.',
    '- code: E99000002',
    '  action: report_url',
    '  url: https://beta.example.gov.uk/report',
    '  reason: The https version of the report page, checked 2026-12-02.'
  ].join('\n'))
  const overridden = convert(readOverrides(file))
  const beta = overridden.councils.get('E99000002')!
  t.notOk(beta.contacts.some((c) => c.value === '0118 496 0011'))
  t.match(overridden.report.left_out.find((l) => l.value === '0118 496 0011')?.reason, /^override: The council confirmed/)
  t.equal(beta.report_url, 'https://beta.example.gov.uk/report')
  writeFileSync(file, '- code: E99000002\n  action: exclude\n  value: 0118 496 0011\n')
  t.throws(() => readOverrides(file), /overrides\.yaml/, 'an override without its reason is refused')
})

t.test('gives the same output for the same input', async (t) => {
  t.equal(JSON.stringify([...convert().councils], null, 0), JSON.stringify([...conversion.councils]))
  t.same(convert().sources, conversion.sources)
})

t.test('refuses research for a code the reference data does not know', async (t) => {
  t.throws(() => convertCouncilContacts(research.authorities, [], AUTHORITIES.slice(1), OPTIONS), /E99000001 \(Alpha Council\) is not a children's-services authority/)
})
