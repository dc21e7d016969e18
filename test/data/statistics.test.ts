import { join } from 'node:path'
import t from 'tap'
import { SourceRecordSchema, type SourceRecord } from '../../schemas/source.js'
import { StatisticRecordSchema, type StatisticRecord } from '../../schemas/statistic.js'
import { readYaml } from '../../src/catalogue/read-yaml.js'
import { validateRecords } from '../../src/catalogue/validate-records.js'
import { periodEndKey } from '../../src/domain/statistics.js'
import { defaultDataDir } from '../../src/paths.js'

// The statistics came in release 2026-11-28.2 with their sources. Beyond what the boot checks
// (schemas, references, cycles), they must hold together as figures a journalist can quote.
const load = <T>(file: string, schema: Parameters<typeof validateRecords>[2]) =>
  validateRecords<T>(file, readYaml(join(defaultDataDir, file), file), schema)

const statistics = load<StatisticRecord>('releases/2026-11-28.2/statistics.yaml', StatisticRecordSchema)
const releaseSources = load<SourceRecord>('releases/2026-11-28/sources.yaml', SourceRecordSchema)
const allSources = load<SourceRecord>('releases/2026-11-28.2/sources.yaml', SourceRecordSchema)
const firstIds = new Set(releaseSources.map((s) => s.id))
const draftSources = allSources.filter((s) => !firstIds.has(s.id))
const sourceById = new Map(allSources.map((s) => [s.id, s]))
const statisticById = new Map(statistics.map((s) => [s.id, s]))
const dupes = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i)

t.test('parses the statistics and their new sources as records that match their schemas', async (t) => {
  t.ok(statistics.length >= 25, `${statistics.length} statistics`)
  t.ok(draftSources.length > 0, `${draftSources.length} sources`)
})

t.test('gives every statistic and source its own id', async (t) => {
  t.same(dupes(statistics.map((s) => s.id)), [])
  t.same(dupes([...releaseSources, ...draftSources].map((s) => s.id)), [], 'new source ids are new to the release too')
})

t.test('adds no page the release already lists', async (t) => {
  const released = new Set(releaseSources.map((s) => s.url))
  t.same(draftSources.filter((s) => released.has(s.url)).map((s) => s.id), [])
  t.same(dupes(draftSources.map((s) => s.url)), [])
})

t.test('cites only sources that exist, and adds no source that nothing cites', async (t) => {
  const missing = statistics.flatMap((s) => s.sources.filter((id) => !sourceById.has(id)).map((id) => `${s.id} → ${id}`))
  t.same(missing, [])
  const cited = new Set(statistics.flatMap((s) => s.sources))
  t.same(draftSources.filter((s) => !cited.has(s.id)).map((s) => s.id), [])
})

t.test('records every new source as accessed on the checking date', async (t) => {
  t.same(draftSources.filter((s) => s.accessed !== '2026-11-28').map((s) => s.id), [])
})

t.test('points superseded_by at a newer figure, never at itself or in a circle', async (t) => {
  for (const s of statistics.filter((s) => s.superseded_by !== null)) {
    const next = statisticById.get(s.superseded_by as string)
    t.ok(next, `${s.id} → ${s.superseded_by} exists`)
    if (next !== undefined) t.ok(periodEndKey(next.period.end) > periodEndKey(s.period.end), `${next.id} is newer than ${s.id}`)
  }
  for (const start of statistics) {
    const seen = new Set<string>()
    for (let s: StatisticRecord | undefined = start; s !== undefined; s = statisticById.get(s.superseded_by ?? '')) {
      if (seen.has(s.id)) { t.fail(`cycle through ${s.id}`); break }
      seen.add(s.id)
    }
  }
})

t.test('has a period that starts before it ends', async (t) => {
  const backwards = statistics.filter((s) => s.period.start > periodEndKey(s.period.end))
  t.same(backwards.map((s) => s.id), [])
})

t.test('gives an upper value exactly when the figure is a range', async (t) => {
  for (const s of statistics) {
    if (s.qualifier === 'range') t.ok(s.value_high !== undefined && s.value_high > s.value, `${s.id} has a higher upper value`)
    else t.equal(s.value_high, undefined, `${s.id} has no upper value`)
  }
})

t.test('marks a figure secondary-only exactly when none of its sources is the publisher', async (t) => {
  for (const s of statistics) {
    const hasPrimary = s.sources.some((id) => sourceById.get(id)?.kind === 'primary')
    t.equal(s.source_tier, hasPrimary ? 'primary' : 'secondary-only', s.id)
  }
})

t.test('keeps an unverified figure secondary-only, saying so in its notes', async (t) => {
  const unverified = statistics.filter((s) => s.verification === 'unverified')
  t.same(unverified.map((s) => s.id), ['online-child-sex-offences-23-per-day-2017-18'])
  for (const s of unverified) {
    t.equal(s.source_tier, 'secondary-only')
    t.match(s.notes?.join(' '), /not confirmed/)
  }
})

t.test('carries the supersession chains the research found', async (t) => {
  const next = (id: string) => statisticById.get(id)?.superseded_by
  t.equal(next('nca-80000-online-threat-2018'), 'nca-estimate-300000-2020')
  t.equal(next('nca-estimate-300000-2020'), 'nca-estimate-550k-850k')
  t.equal(next('nca-monthly-arrests-2018'), 'nca-monthly-arrests-2022')
  t.equal(next('nspcc-foi-online-grooming-2023-24'), 'nspcc-foi-online-grooming-2024-25')
  t.ok(statisticById.get('nca-estimate-550k-850k')?.comparability_note, 'the new NCA method is flagged')
})

t.test('keeps review dates after the checking date', async (t) => {
  t.same(statistics.filter((s) => s.verified_on > s.review_by).map((s) => s.id), [])
})
