import { stringify } from 'csv-stringify/sync'

/**
 * How a list becomes CSV, one row per record (documented in the OpenAPI `format` parameter):
 * - a nested object becomes dotted columns (`organisation.name`);
 * - a list of plain values is joined with " | ";
 * - a list of objects is joined with " | ", each written as `kind: value` when it has both
 *   (contacts), else by its `id`, `code` or `name` (sources, authorities);
 * - null is an empty cell; true/false are written as such.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present'

function summarise (item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item)
  const o = item as Record<string, unknown>
  if (o.kind !== undefined && o.value !== undefined) return `${String(o.kind)}: ${String(o.value)}`
  return String(o.id ?? o.code ?? o.name ?? JSON.stringify(o))
}

function flatten (value: unknown, prefix: string, row: Map<string, string>): void {
  if (Array.isArray(value)) {
    row.set(prefix, value.map(summarise).join(' | '))
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, row)
  } else {
    row.set(prefix, value === null || value === undefined ? '' : String(value))
  }
}

/** Records as RFC 4180 CSV (CRLF line ends, quoted where needed), columns in first-seen order. */
export function toCsv (records: readonly unknown[]): string {
  const rows = records.map((record) => {
    const row = new Map<string, string>()
    flatten(record, '', row)
    return row
  })
  const columns: string[] = []
  const seen = new Set<string>()
  for (const row of rows) for (const key of row.keys()) if (!seen.has(key)) { seen.add(key); columns.push(key) }
  // A field that is null in one record and an object in another is written as its dotted columns.
  const kept = columns.filter((c) => !columns.some((other) => other.startsWith(`${c}.`)))
  return stringify(rows.map((row) => kept.map((c) => row.get(c) ?? '')), { header: true, columns: kept, record_delimiter: 'windows' })
}
