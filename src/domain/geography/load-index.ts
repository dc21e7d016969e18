import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import {
  COLUMN_TYPES, INDEX_BIN_FILE, INDEX_FORMAT, INDEX_META_FILE,
  type ColumnSpec, type IndexMeta, type LadEntry, type TableName
} from './index-format.js'
import type { AreaTable, GeographyIndex, UnitTable } from './types.js'

type Column = Float64Array | Uint32Array | Uint16Array

// Copying through a DataView costs about a millisecond and makes the loader independent
// of the platform's byte order and of the buffer's alignment.
function readColumn (view: DataView, spec: ColumnSpec): Column {
  const size = COLUMN_TYPES[spec.type]
  if (spec.offset + spec.length * size > view.byteLength) {
    throw new Error(`geography index: column ${spec.table}.${spec.name} runs past the end of ${INDEX_BIN_FILE}`)
  }
  if (spec.type === 'f64') {
    const out = new Float64Array(spec.length)
    for (let i = 0; i < spec.length; i++) out[i] = view.getFloat64(spec.offset + i * 8, true)
    return out
  }
  if (spec.type === 'u32') {
    const out = new Uint32Array(spec.length)
    for (let i = 0; i < spec.length; i++) out[i] = view.getUint32(spec.offset + i * 4, true)
    return out
  }
  const out = new Uint16Array(spec.length)
  for (let i = 0; i < spec.length; i++) out[i] = view.getUint16(spec.offset + i * 2, true)
  return out
}

function columnsOf (meta: IndexMeta, view: DataView, table: TableName): Map<string, Column> {
  const cols = new Map<string, Column>()
  for (const spec of meta.columns) if (spec.table === table) cols.set(spec.name, readColumn(view, spec))
  return cols
}

function need<T extends Column> (cols: Map<string, Column>, name: string, kind: new (n: number) => T): T {
  const col = cols.get(name)
  if (!(col instanceof kind)) throw new Error(`geography index: column ${name} is missing or has the wrong type`)
  return col
}

function unitTable (cols: Map<string, Column>): UnitTable {
  return { keys: need(cols, 'keys', Float64Array), lads: need(cols, 'lads', Uint16Array) }
}

function areaTable (cols: Map<string, Column>): AreaTable {
  return {
    ...unitTable(cols),
    shares: need(cols, 'shares', Uint16Array),
    counts: need(cols, 'counts', Uint32Array),
    otherStart: need(cols, 'other_start', Uint32Array),
    others: need(cols, 'others', Uint16Array)
  }
}

function byCode (lads: readonly LadEntry[]): Map<string, LadEntry> {
  const map = new Map<string, LadEntry>()
  for (const lad of lads) for (const code of [lad.code, ...lad.aliases]) map.set(code, lad)
  return map
}

/**
 * Load a geography index written by `scripts/build-geography.ts` from `dir`
 * (e.g. `data/geography/onspd-2025-11`). Checks the format and the binary's sha256, so a
 * truncated or hand-edited index fails at boot instead of answering wrongly.
 */
export async function loadGeographyIndex (dir: string): Promise<GeographyIndex> {
  const meta = JSON.parse(await readFile(join(dir, INDEX_META_FILE), 'utf8')) as IndexMeta
  if (meta.format !== INDEX_FORMAT) {
    throw new Error(`geography index: ${dir} has format ${String(meta.format)}, expected ${INDEX_FORMAT}`)
  }
  const stored = await readFile(join(dir, meta.bin.file))
  const sha256 = createHash('sha256').update(stored).digest('hex')
  if (stored.byteLength !== meta.bin.bytes || sha256 !== meta.bin.sha256) {
    throw new Error(`geography index: ${meta.bin.file} does not match the size and sha256 in ${INDEX_META_FILE}`)
  }
  const bin = brotliDecompressSync(stored)
  if (bin.byteLength !== meta.bin.raw_bytes) {
    throw new Error(`geography index: ${meta.bin.file} inflates to the wrong size`)
  }
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength)
  const index: GeographyIndex = {
    id: meta.id,
    attribution: Object.freeze([...meta.attribution]),
    shareScale: meta.share_scale,
    lads: Object.freeze(meta.lads),
    ladByCode: byCode(meta.lads),
    unit: unitTable(columnsOf(meta, view, 'unit')),
    sector: areaTable(columnsOf(meta, view, 'sector')),
    district: areaTable(columnsOf(meta, view, 'district'))
  }
  return Object.freeze(index)
}
