import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import t, { type Test } from 'tap'
import { DataError, loadData } from '../../src/catalogue/index.js'
import { hashReleaseFiles } from '../../src/catalogue/release-files.js'
import { FIXTURE_DATA } from '../helper.js'

const NOW = Date.parse('2026-02-02T10:00:00Z')
const RELEASE = join('releases', '2026-01-01')

/** A copy of the fixture data with one file changed, the manifest re-hashed unless told not to. */
function brokenCopy (t: Test, file: string, change: (text: string) => string, reseal = true): string {
  const dir = t.testdir({})
  cpSync(FIXTURE_DATA, dir, { recursive: true })
  const path = join(dir, RELEASE, file)
  writeFileSync(path, change(readFileSync(path, 'utf8')))
  if (reseal) {
    const manifestPath = join(dir, RELEASE, 'manifest.yaml')
    const manifest = readFileSync(manifestPath, 'utf8').replace(/files:[\s\S]*$/, stringify({ files: hashReleaseFiles(join(dir, RELEASE)) }))
    writeFileSync(manifestPath, manifest)
  }
  return dir
}

async function expectDataError (t: Test, dir: string, expected: { file: string, record: string | null, pointer: string, rule: string }) {
  try {
    await loadData(dir, '', NOW)
    t.fail('the broken data loaded')
  } catch (err) {
    t.type(err, DataError)
    const error = err as DataError
    t.match(error, { record: expected.record, pointer: expected.pointer, rule: expected.rule })
    t.equal(error.file, join(RELEASE, expected.file))
    t.notMatch(error.message, /\n/, 'one line')
    t.match(error.message, `${join(RELEASE, expected.file)}: record `)
    t.match(error.message, `[rule: ${expected.rule}]`)
  }
}

t.test('loads the fixture data', async (t) => {
  const set = await loadData(FIXTURE_DATA, '', NOW)
  t.same(set.ids, ['2026-01-01'])
  t.equal(set.latest.helplines.length, 3)
})

t.test('stops at each kind of broken data, naming file, record, pointer and rule', async (t) => {
  const cases: Array<[string, string, (s: string) => string, { record: string | null, pointer: string, rule: string }, boolean?]> = [
    ['invalid YAML', 'helplines.yaml', (s) => s.replace('- id: weekday-line', '- id: [weekday-line'), { record: null, pointer: '', rule: 'yaml-syntax' }],
    ['unknown field', 'helplines.yaml', (s) => s.replace('  cost: Calls cost', '  colour: red\n  cost: Calls cost'), { record: 'weekday-line', pointer: '/1', rule: 'schema:additionalProperties' }],
    ['missing field', 'organisations.yaml', (s) => s.replace('  summary: Runs the fixture services.\n', ''), { record: 'fixture-org', pointer: '/0', rule: 'schema:required' }],
    ['bad enum value', 'helplines.yaml', (s) => s.replace('nations: [england, wales]', 'nations: [england, cymru]'), { record: 'weekday-line', pointer: '/1/nations/1', rule: 'schema:enum' }],
    ['duplicate id', 'helplines.yaml', (s) => s.replace('- id: evening-line-scotland', '- id: always-line'), { record: 'always-line', pointer: '/2', rule: 'unique-id' }],
    ['dangling source', 'helplines.yaml', (s) => s.replace('sources: [fixture-hours]', 'sources: [no-such-source]'), { record: 'weekday-line', pointer: '/1/contacts/0/sources/0', rule: 'source-exists' }],
    ['dangling organisation', 'helplines.yaml', (s) => s.replace('organisation: fixture-org\n  summary: Advice', 'organisation: nobody\n  summary: Advice'), { record: 'weekday-line', pointer: '/1/organisation', rule: 'organisation-exists' }],
    ['invalid phone number', 'helplines.yaml', (s) => s.replace('020 7946 0123', '020 7946 012'), { record: 'weekday-line', pointer: '/1/contacts/0/value', rule: 'uk-phone' }],
    ['http URL', 'helplines.yaml', (s) => s.replace('https://example.org/chat', 'http://example.org/chat'), { record: 'always-line', pointer: '/0/contacts/1/value', rule: 'https-url' }],
    ['future verified_on', 'helplines.yaml', (s) => s.replace('verified_on: 2025-12-01\n  review_by: 2026-06-30', 'verified_on: 2026-03-01\n  review_by: 2026-06-30'), { record: 'weekday-line', pointer: '/1/verified_on', rule: 'date-not-in-future' }],
    ['manifest hash mismatch', 'helplines.yaml', (s) => s.replace('Round-the-clock', 'Round the clock'), { record: null, pointer: '', rule: 'manifest-hash' }, false],
    ['schedule without spans', 'helplines.yaml', (s) => s.replace("weekly: [{ days: [mon, tue, wed, thu, fri], opens: '09:00', closes: '17:00' }]", 'weekly: []'), { record: 'weekday-line', pointer: '/1/contacts/0/hours/weekly', rule: 'schedule-has-spans' }]
  ]
  for (const [name, file, change, expected, reseal] of cases) {
    t.test(name, async (t) => expectDataError(t, brokenCopy(t, file, change, reseal), { file, ...expected }))
  }
})

t.test('stops when a file of the manifest is missing', async (t) => {
  const dir = brokenCopy(t, 'helplines.yaml', (s) => s)
  rmSync(join(dir, RELEASE, 'organisations.yaml'))
  await expectDataError(t, dir, { file: 'organisations.yaml', record: null, pointer: '', rule: 'file-exists' })
})

t.test('stops when a data file is not in the manifest', async (t) => {
  const dir = brokenCopy(t, 'helplines.yaml', (s) => s, false)
  writeFileSync(join(dir, RELEASE, 'extra.yaml'), '[]\n')
  await expectDataError(t, dir, { file: 'extra.yaml', record: null, pointer: '', rule: 'manifest-lists-file' })
})
