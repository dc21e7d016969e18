import { join } from 'node:path'
import t from 'tap'
import { loadLatestFirst } from '../../src/catalogue/boot-data.js'
import { readDataCache, writeDataCache } from '../../src/catalogue/data-cache.js'
import { DataError, loadData } from '../../src/catalogue/index.js'
import { dataCacheOf } from '../../src/catalogue/write-data-cache.js'
import { describeSchedule } from '../../src/domain/schedule/index.js'
import { REAL_DATA } from '../helper.js'
import { addRelease, copyFixtureData, editFile, FIXTURE_RELEASE, reseal } from '../support/releases.js'

// A server starts on the latest release alone (checked, with its postcode index) and checks
// the older ones once it listens (src/catalogue/boot-data.ts); what checking found can be
// kept in a data cache, used only for files whose hashes it knows.

const OPTIONS = { linkBase: '', today: '2026-02-02', describeSchedule }
const NEXT = '2026-02-01'
const NEW_SUMMARY = 'Checked from the files, not the cache.'

/** The fixture data with a second, newer release. */
function twoReleases (dir: string): string {
  copyFixtureData(dir)
  addRelease(dir, { id: NEXT, previous: FIXTURE_RELEASE, publishedAt: '2026-02-01T09:00:00Z' })
  return dir
}

t.test('loads the latest release first and the older ones when asked', async (t) => {
  const dir = twoReleases(t.testdir({}))
  const boot = await loadLatestFirst(dir, OPTIONS, undefined)
  t.same(boot.set.ids, [NEXT], 'only the latest to begin with')
  t.equal(boot.set.latest.release.id, NEXT)
  t.same(boot.later, [FIXTURE_RELEASE], 'the rest, newest first')
  const { set, faults } = await boot.finish()
  t.same(faults, [])
  t.same(set.ids, [NEXT, FIXTURE_RELEASE])
  t.not(set.latest, boot.set.latest, 'the latest is built afresh: nothing cached for the first set outlives it')
  t.same(set.latest.records, boot.set.latest.records)
  const full = await loadData(dir, '', Date.parse('2026-02-02T10:00:00Z'))
  t.same(set.byId.get(FIXTURE_RELEASE)?.records, full.byId.get(FIXTURE_RELEASE)?.records, 'the same records as loading everything')
})

t.test('leaves out an older release that fails its checks, naming it and the fault', async (t) => {
  const dir = twoReleases(t.testdir({}))
  // Broken in place (the manifest still holds the old hash): published files must not change.
  editFile(dir, FIXTURE_RELEASE, 'helplines.yaml', (s) => s.replace('020 7946 0123', '020 7946 012'))
  const boot = await loadLatestFirst(dir, OPTIONS, undefined)
  t.same(boot.set.ids, [NEXT], 'the latest is served')
  const { set, faults } = await boot.finish()
  t.same(set.ids, [NEXT], 'the broken one is never served')
  t.equal(faults.length, 1)
  t.equal(faults[0]?.id, FIXTURE_RELEASE)
  t.match(faults[0]?.error, `releases/${FIXTURE_RELEASE}/helplines.yaml`)
  t.match(faults[0]?.error, '[rule: manifest-hash]')
})

t.test('refuses to start on a broken latest release', async (t) => {
  const dir = twoReleases(t.testdir({}))
  editFile(dir, NEXT, 'helplines.yaml', (s) => s.replace('020 7946 0123', '020 7946 012'))
  await t.rejects(loadLatestFirst(dir, OPTIONS, undefined), DataError)
})

t.test('takes from the data cache what it checked, and checks a file it does not know', async (t) => {
  const dir = twoReleases(t.testdir({}))
  const full = await loadData(dir, '', Date.parse('2026-02-02T10:00:00Z'))
  const cache = dataCacheOf(dir, full)
  const file = join(dir, 'data-cache.bin')
  writeDataCache(file, cache)
  const read = readDataCache(file)
  if (read === undefined) throw new Error('no cache')
  t.same(read.order, [NEXT, FIXTURE_RELEASE])

  // Mark the cached records, to see where an answer came from.
  const cachedLine = read.releases[NEXT]?.raw.records.helplines.find((h) => h.id === 'always-line')
  if (cachedLine === undefined) throw new Error('no cached helpline')
  cachedLine.summary = 'From the cache.'
  const fromCache = await loadLatestFirst(dir, OPTIONS, read)
  t.equal(fromCache.set.latest.helplineById.get('always-line')?.base.summary, 'From the cache.', 'unchanged files: the cache is used')
  t.same((await fromCache.finish()).set.ids, [NEXT, FIXTURE_RELEASE])

  // A release published again with an edited file (sealed, so it passes its checks).
  editFile(dir, NEXT, 'helplines.yaml', (s) => s.replace('Round-the-clock support for children, anywhere in the UK.', NEW_SUMMARY))
  reseal(dir, NEXT)
  const fromFiles = await loadLatestFirst(dir, OPTIONS, read)
  t.equal(fromFiles.set.latest.helplineById.get('always-line')?.base.summary, NEW_SUMMARY, 'a changed file is read and checked, not taken from the cache')
})

t.test('builds the real data from its cache as from its files', async (t) => {
  const full = await loadData(REAL_DATA, '', Date.now())
  const cache = dataCacheOf(REAL_DATA, full)
  const boot = await loadLatestFirst(REAL_DATA, { ...OPTIONS, today: '2099-01-01' }, cache)
  const { set } = await boot.finish()
  t.same(set.ids, full.ids)
  for (const id of full.ids) {
    const a = set.byId.get(id)
    const b = full.byId.get(id)
    t.same(a?.helplines.map((h) => h.contacts.map((c) => c.base.uri)), b?.helplines.map((h) => h.contacts.map((c) => c.base.uri)), `${id}: the same contact URIs, from the cache`)
    t.same(a?.localAuthorities.map((la) => la.base), b?.localAuthorities.map((la) => la.base), `${id}: the same authorities`)
    t.equal(a?.geography?.unit.keys.length, b?.geography?.unit.keys.length, `${id}: the same postcode index`)
  }
  t.same(set.calendars, full.calendars)
  t.same(set.bankHolidays, full.bankHolidays)
})
