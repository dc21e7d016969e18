// Proves the binary index is an exact copy of the committed reference lookup, by running
// the reference algorithm (README of data/geography/onspd-2025-11) naively over the CSV.
import t from 'tap'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync } from 'node:zlib'
import { loadGeographyIndex } from '../../../src/domain/geography/load-index.js'
import { lookupPostcode } from '../../../src/domain/geography/lookup.js'
import type { PostcodeMatch } from '../../../src/domain/geography/types.js'

const dir = fileURLToPath(new URL('../../../data/geography/onspd-2025-11/', import.meta.url))
const index = await loadGeographyIndex(dir)

interface RefRow { prefix: string, level: string, lad: string, share: number, others: string[] }
const csv = brotliDecompressSync(readFileSync(`${dir}reference/postcode_lad_lookup.csv.br`)).toString('utf8')
const rows: RefRow[] = csv.trim().split(/\r?\n/).slice(1).map((line) => {
  const [prefix, level, lad, share, , others] = line.split(',') as string[]
  return { prefix: prefix as string, level: level as string, lad: lad as string, share: Number(share), others: others ? others.split('|') : [] }
})
const byPrefix = new Map(rows.map((r) => [r.prefix, r]))

// LAD → authorities; names may hold quoted commas, so take the codes from the ends of each line.
const ladCsv = readFileSync(`${dir}reference/lad_to_childrens_services_authority.csv`, 'utf8').trim().split(/\r?\n/).slice(1)
const authoritiesOf = new Map<string, string[]>()
for (const line of ladCsv) {
  const lad = line.slice(0, line.indexOf(','))
  const csa = /,([EWS]\d{8}|ZC0\d0),(?:"[^"]*"|[^,]*),[a-z_]+$/.exec(line)?.[1] as string
  authoritiesOf.set(lad, [...(authoritiesOf.get(lad) ?? []), csa])
}

/** The reference algorithm, as written: normalise, then full postcode, sector, outward code. */
function reference (postcode: string): RefRow | undefined {
  const compact = postcode.toUpperCase().replace(/ /g, '')
  const outward = compact.slice(0, -3)
  const inward = compact.slice(-3)
  return byPrefix.get(`${outward} ${inward}`) ?? byPrefix.get(`${outward} ${inward[0]}`) ?? byPrefix.get(outward)
}

function expected (row: RefRow, query: string): Partial<PostcodeMatch> {
  // A full postcode is answered exactly (the directory lists every exception to its sector);
  // a sector or outward code is as sure as the share of its majority authority.
  const full = query.replace(/ /g, '').length >= 5 && /\d[A-Z]{2}$/i.test(query)
  const authorities = authoritiesOf.get(row.lad) as string[]
  const alternatives = [...new Set(row.others.flatMap((l) => authoritiesOf.get(l) as string[]))].filter((a) => !authorities.includes(a))
  return {
    status: 'matched',
    query,
    level: row.level as PostcodeMatch['level'],
    lad_code: row.lad,
    authority_codes: authorities,
    lad_share: row.share,
    alternatives,
    confidence: alternatives.length === 0 || full ? 1 : row.share
  }
}

// mulberry32: a small seeded generator, so a failure can be replayed with the printed seed.
function random (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

t.test('holds every row of the reference file', async (t) => {
  t.equal(rows.length, 108001)
  t.equal(index.unit.keys.length + index.sector.keys.length + index.district.keys.length, rows.length)
})

t.test('reproduces the reference lookup for thousands of random postcodes', async (t) => {
  const seed = Number(process.env.GEOGRAPHY_SEED ?? 20261128)
  t.comment(`seed ${seed} (set GEOGRAPHY_SEED to replay another)`)
  const next = random(seed)
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)] as string
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  let mismatches = 0
  for (let i = 0; i < 5000; i++) {
    const row = rows[Math.floor(next() * rows.length)] as RefRow
    // A unit row is asked as written; a sector or district row with a made-up inward code,
    // which may or may not be a listed unit: the reference decides what should answer.
    const postcode = row.level === 'unit'
      ? row.prefix
      : row.level === 'sector'
        ? `${row.prefix}${pick(letters)}${pick(letters)}`
        : `${row.prefix} ${pick('0123456789')}${pick(letters)}${pick(letters)}`
    const typed = next() < 0.5 ? postcode.toLowerCase().replace(' ', '') : postcode
    const want = expected(reference(postcode) as RefRow, postcode)
    const got = lookupPostcode(index, typed) as unknown as Record<string, unknown>
    const same = Object.entries(want).every(([key, value]) => JSON.stringify(got[key]) === JSON.stringify(value))
    // One assertion per mismatch only, so a pass stays readable; the seed replays a failure.
    if (!same && ++mismatches <= 10) t.same(got, want, `${typed} (seed ${seed}, draw ${i})`)
  }
  t.equal(mismatches, 0, '5000 random postcodes answered as the reference algorithm answers')
})

t.test('reaches every reference row at its own level', async (t) => {
  let wrong = 0
  for (const row of rows) {
    const got = lookupPostcode(index, row.prefix)
    const want = expected(row, row.prefix)
    const same = Object.entries(want).every(([key, value]) => JSON.stringify((got as unknown as Record<string, unknown>)[key]) === JSON.stringify(value))
    if (!same && ++wrong <= 10) t.same(got, want, row.prefix)
  }
  t.equal(wrong, 0, `all ${rows.length} prefixes answered at their own level`)
})

t.test('matches the sizes and sha256 recorded in the README', async (t) => {
  const readme = readFileSync(`${dir}README.md`, 'utf8')
  const listed = [...readme.matchAll(/^\| `([^`]+)` \| (\d+) \| `([0-9a-f]{64})` \|$/gm)]
  t.equal(listed.length, 4)
  for (const [, file, bytes, sha] of listed) {
    const data = readFileSync(`${dir}${file}`)
    t.equal(data.byteLength, Number(bytes), `${file} size`)
    t.equal(createHash('sha256').update(data).digest('hex'), sha, `${file} sha256`)
  }
})
