import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { DataError } from './data-error.js'

/**
 * Parses a YAML data file with the YAML 1.2 core schema, so dates and numbers-as-text stay
 * as written (no sexagesimal or `no` → false surprises of YAML 1.1).
 */
export function readYaml (path: string, label: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new DataError(label, null, '', 'file-exists', `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true })
  const [first] = doc.errors
  if (first !== undefined) {
    const at = first.linePos?.[0]
    const where = at === undefined ? '' : `line ${at.line} column ${at.col}: `
    throw new DataError(label, null, '', 'yaml-syntax', `${where}${first.message.split('\n')[0] ?? 'invalid YAML'}`)
  }
  return doc.toJS({ maxAliasCount: 50 })
}
