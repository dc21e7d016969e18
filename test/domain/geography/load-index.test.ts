import t, { type Test } from 'tap'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { encodeKey, findKey, type IndexMeta } from '../../../src/domain/geography/index-format.js'
import { loadGeographyIndex } from '../../../src/domain/geography/load-index.js'
import { encodeIndex } from '../../../src/domain/geography/write-index.js'

const dir = fileURLToPath(new URL('../../../data/geography/onspd-2025-11/', import.meta.url))
const meta = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as IndexMeta
const bin = readFileSync(`${dir}index.bin.br`)

/** A copy of the real index in a temporary folder, with its metadata changed. */
function variant (t: Test, change: (m: IndexMeta) => IndexMeta, stored: Buffer = bin): string {
  return t.testdir({ 'index.json': JSON.stringify(change(structuredClone(meta))), 'index.bin.br': stored })
}

t.test('loads the committed index with its attribution and district aliases', async (t) => {
  const index = await loadGeographyIndex(dir)
  t.equal(index.id, 'onspd-2025-11')
  t.same(index.attribution.slice(0, 3), [
    'Contains OS data © Crown copyright and database right 2025',
    'Contains Royal Mail data © Royal Mail copyright and database right 2025',
    'Source: Office for National Statistics licensed under the Open Government Licence v.3.0'
  ])
  t.same([index.unit.keys.length, index.sector.keys.length, index.district.keys.length], [97566, 7438, 2997])
  t.equal(index.lads.length, 361, '350 GB districts and 11 NI council areas')
  t.equal(index.ladByCode.get('E08000016')?.code, 'E08000038', 'Barnsley by its pre-2025 code')
  t.same(index.ladByCode.get('N09000007')?.authorities, ['ZC010', 'ZC040'], 'an NI council area split between two trusts')
  t.ok(Object.isFrozen(index))
})

t.test('refuses an index of another format', async (t) => {
  const path = variant(t, (m) => ({ ...m, format: 'other@9' as IndexMeta['format'] }))
  await t.rejects(loadGeographyIndex(path), /has format other@9/)
})

t.test('refuses a binary whose sha256 does not match', async (t) => {
  const corrupt = Buffer.from(bin)
  corrupt[100] = (corrupt[100] as number) ^ 0xff
  await t.rejects(loadGeographyIndex(variant(t, (m) => m, corrupt)), /does not match the size and sha256/)
})

t.test('refuses a binary that inflates to the wrong size', async (t) => {
  await t.rejects(loadGeographyIndex(variant(t, (m) => ({ ...m, bin: { ...m.bin, raw_bytes: 1 } }))), /inflates to the wrong size/)
})

t.test('refuses a column that runs past the end or is missing', async (t) => {
  const long = variant(t, (m) => ({ ...m, columns: m.columns.map((c) => c.table === 'unit' && c.name === 'keys' ? { ...c, length: 1e9 } : c) }))
  await t.rejects(loadGeographyIndex(long), /column unit\.keys runs past the end/)
  const missing = variant(t, (m) => ({ ...m, columns: m.columns.filter((c) => !(c.table === 'sector' && c.name === 'shares')) }))
  await t.rejects(loadGeographyIndex(missing), /column shares is missing/)
})

t.test('writes and reads back a small index', async (t) => {
  const row = (key: number, lad: number, others: number[] = []) => ({ key, lad, share: 10000, count: 1, others })
  const { columns, raw, stored } = encodeIndex({
    unit: [row(encodeKey('AB1', '0AE'), 1)],
    sector: [row(encodeKey('AB1', '0'), 0, [1])],
    district: [row(encodeKey('AB1', ''), 0)]
  })
  const small: IndexMeta = {
    ...meta,
    id: 'tiny',
    bin: { file: 'index.bin.br', bytes: stored.byteLength, sha256: createHash('sha256').update(stored).digest('hex'), raw_bytes: raw.byteLength },
    counts: { unit: 1, sector: 1, district: 1 },
    lads: meta.lads.slice(0, 2),
    columns
  }
  const index = await loadGeographyIndex(t.testdir({ 'index.json': JSON.stringify(small), 'index.bin.br': stored }))
  t.same([...index.sector.others], [1])
  t.same([...index.sector.otherStart], [0, 1])
  t.equal(findKey(index.unit.keys, encodeKey('AB1', '0AE')), 0)
  t.equal(findKey(index.unit.keys, encodeKey('AB1', '0AF')), -1)
  t.equal(findKey(index.unit.keys, encodeKey('AA1', '0AA')), -1)
})

t.test('encodes keys that never collide across levels and refuses bad characters', async (t) => {
  t.not(encodeKey('AB1', '0AE'), encodeKey('AB1', '0'))
  t.not(encodeKey('AB1', '0'), encodeKey('AB1', ''))
  t.ok(encodeKey('ZZ99', '9ZZ') < 2 ** 53)
  t.throws(() => encodeKey('ab1', ''), RangeError)
  t.throws(() => encodeKey('AB1', '0AEX'), /too long/)
})
