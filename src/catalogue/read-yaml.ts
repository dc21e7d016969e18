import { readFileSync } from 'node:fs'
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml'
import { DataError } from './data-error.js'

/**
 * Parses a YAML data file with the YAML 1.2 core schema, so dates and numbers-as-text stay
 * as written (no sexagesimal or `no` → false surprises of YAML 1.1). A key written twice is
 * an error. js-yaml rather than `yaml` here: it parses the releases several times faster,
 * which is most of the boot; the scripts that write YAML keep `yaml`'s document API.
 */
export function readYaml (path: string, label: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new DataError(label, null, '', 'file-exists', `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  try {
    return load(text, { schema: CORE_SCHEMA, filename: label })
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err
    const where = err.mark === undefined ? '' : `line ${err.mark.line + 1} column ${err.mark.column + 1}: `
    throw new DataError(label, null, '', 'yaml-syntax', `${where}${err.reason}`)
  }
}
