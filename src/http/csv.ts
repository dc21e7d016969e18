import { stringify } from 'csv-stringify/sync'

/**
 * How a list becomes CSV, one row per record (documented in the OpenAPI `format` parameter):
 * - a nested object becomes dotted columns (`organisation.name`);
 * - a list of plain values is joined with " | ";
 * - a list of objects is joined with " | ", each written as `kind: value` when it has both
 *   (contacts), `nations: text` for a note about some nations, else by its `id`, `code` or
 *   `name` (sources, authorities);
 * - null is an empty cell; true/false are written as such.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present'

function summarise (item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item)
  const o = item as Record<string, unknown>
  if (o.kind !== undefined && o.value !== undefined) return `${String(o.kind)}: ${String(o.value)}`
  if (Array.isArray(o.nations) && typeof o.text === 'string') return `${o.nations.join(', ')}: ${o.text}`
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

type JsonSchema = Record<string, unknown>

/**
 * The CSV columns of a record schema: its properties in declared order, objects (also
 * when nullable) as dotted columns, anything else (values, lists, free-form maps) as one.
 * `resolve` looks a `$ref` up by its `$id`.
 */
export function csvColumns (schema: JsonSchema, resolve: (id: string) => JsonSchema, prefix = ''): string[] {
  const s = typeof schema.$ref === 'string' ? resolve(schema.$ref) : schema
  const options = (s.anyOf as JsonSchema[] | undefined)?.map((o) => typeof o.$ref === 'string' ? resolve(o.$ref) : o)
  const object = options === undefined ? s : options.find((o) => o.type === 'object' && o.properties !== undefined)
  if (object?.type === 'object' && object.properties !== undefined) {
    return Object.entries(object.properties as Record<string, JsonSchema>)
      .flatMap(([key, inner]) => csvColumns(inner, resolve, prefix === '' ? key : `${prefix}.${key}`))
  }
  return [prefix]
}

/** Records as RFC 4180 CSV (CRLF line ends, quoted where needed), in the given columns. */
export function toCsv (records: readonly unknown[], columns: readonly string[]): string {
  const rows = records.map((record) => {
    const row = new Map<string, string>()
    flatten(record, '', row)
    return columns.map((c) => row.get(c) ?? '')
  })
  // A bare line feed (page quotes keep theirs) must be quoted too, not only CRLF.
  return stringify(rows, { header: true, columns: [...columns], record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}
