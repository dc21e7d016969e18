import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** ../shared/reference, or REFERENCE_DIR: the inputs the data scripts convert (never read at run time). */
export const REFERENCE_DIR = process.env.REFERENCE_DIR ?? new URL('../../shared/reference/', import.meta.url).pathname

function splitCsvLine (line: string): string[] {
  const fields: string[] = []
  for (const m of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) fields.push(m[1]?.replace(/""/g, '"') ?? m[2] ?? '')
  return fields
}

/** A reference CSV file as records keyed by its header (the files have no line breaks inside cells). */
export function readReferenceCsv (file: string): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync(join(REFERENCE_DIR, file), 'utf8').split(/\r?\n/).filter(Boolean).map(splitCsvLine)
  if (header === undefined) throw new Error(`${file} is empty`)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}
