import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { parse } from 'yaml'
import type { Manifest } from '../../schemas/release.js'
import { loadData } from '../../src/catalogue/index.js'
import { manifestHash } from '../../src/catalogue/release-manifest.js'
import { hashReleaseFiles } from '../../src/catalogue/release-files.js'
import { REAL_DATA } from '../helper.js'

const releasesDir = join(REAL_DATA, 'releases')
const ids = readdirSync(releasesDir).sort()
const manifestOf = (id: string) => parse(readFileSync(join(releasesDir, id, 'manifest.yaml'), 'utf8')) as Manifest

t.test('every published release still matches the hashes in its manifest', async (t) => {
  t.ok(ids.length >= 2, `${ids.length} releases`)
  for (const id of ids) t.same(hashReleaseFiles(join(releasesDir, id)), manifestOf(id).files, `${id}: no published file has changed`)
})

t.test('chains each release to the unchanged manifest of the one before', async (t) => {
  const first = ids.filter((id) => manifestOf(id).previous === null)
  t.same(first, ['2026-11-28'], 'one first release')
  for (const id of ids) {
    const { previous, previous_sha256: previousHash } = manifestOf(id)
    if (previous === null) continue
    t.ok(ids.includes(previous), `${id} follows ${previous}`)
    t.equal(previousHash, manifestHash(join(releasesDir, previous)), `${id} holds the hash of ${previous}'s manifest`)
  }
})

t.test('loads the real data with every boot-time check passing', async (t) => {
  const set = await loadData(REAL_DATA, '')
  t.same(set.ids, ['2026-12-01.2', '2026-12-01', '2026-11-28.2', '2026-11-28'])
  t.equal(set.latest.statistics.length, 29)
  t.equal(set.byId.get('2026-11-28')?.statistics.length, 0)
  t.equal(set.latest.localAuthorities.length, 212)
})
