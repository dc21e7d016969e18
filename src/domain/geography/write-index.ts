import { brotliCompressSync, constants } from 'node:zlib'
import { COLUMN_TYPES, TABLES, type ColumnSpec, type ColumnType, type TableName } from './index-format.js'

/** One row of a unit, sector or district table, ready to be written. */
export interface IndexRow {
  key: number
  lad: number
  /** Share × SHARE_SCALE (units: always the full scale, not stored). */
  share: number
  count: number
  others: number[]
}

interface Column { table: TableName, name: ColumnSpec['name'], type: ColumnType, values: number[] }

function columnsOf (tables: Record<TableName, IndexRow[]>): Column[] {
  const cols: Column[] = []
  for (const table of TABLES) {
    const rows = tables[table]
    cols.push({ table, name: 'keys', type: 'f64', values: rows.map((r) => r.key) })
    cols.push({ table, name: 'lads', type: 'u16', values: rows.map((r) => r.lad) })
    // Every unit row has share 1 and one postcode, so units store only key and LAD.
    if (table === 'unit') continue
    const starts = [0]
    for (const r of rows) starts.push((starts.at(-1) as number) + r.others.length)
    cols.push({ table, name: 'shares', type: 'u16', values: rows.map((r) => r.share) })
    cols.push({ table, name: 'counts', type: 'u32', values: rows.map((r) => r.count) })
    cols.push({ table, name: 'other_start', type: 'u32', values: starts })
    cols.push({ table, name: 'others', type: 'u16', values: rows.flatMap((r) => r.others) })
  }
  return cols
}

/**
 * Serialise sorted index tables into column specs and the brotli-compressed bytes of
 * `index.bin.br` (the mirror of `loadGeographyIndex`). Used by the build script and by
 * tests that need a small index.
 */
export function encodeIndex (tables: Record<TableName, IndexRow[]>): { columns: ColumnSpec[], raw: Buffer, stored: Buffer } {
  const cols = columnsOf(tables)
  let offset = 0
  const columns = cols.map(({ table, name, type, values }) => {
    const spec: ColumnSpec = { table, name, type, offset, length: values.length }
    offset += Math.ceil(values.length * COLUMN_TYPES[type] / 8) * 8
    return spec
  })
  const raw = Buffer.alloc(offset)
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
  cols.forEach(({ type, values }, c) => {
    const at = (columns[c] as ColumnSpec).offset
    values.forEach((v, i) => {
      if (type === 'f64') view.setFloat64(at + i * 8, v, true)
      else if (type === 'u32') view.setUint32(at + i * 4, v, true)
      else view.setUint16(at + i * 2, v, true)
    })
  })
  const stored = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 }
  })
  return { columns, raw, stored }
}
