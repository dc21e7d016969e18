/**
 * A fault in a data file. Its one-line message names the file, the record, the JSON
 * pointer and the rule broken, so whoever edits the data can fix it without a debugger.
 */
export class DataError extends Error {
  override name = 'DataError'

  constructor (
    readonly file: string,
    readonly record: string | null,
    readonly pointer: string,
    readonly rule: string,
    readonly detail: string
  ) {
    super(`${file}: record ${record === null ? '(file)' : JSON.stringify(record)} at ${pointer === '' ? '/' : pointer}: ${detail} [rule: ${rule}]`)
  }
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment (segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1')
}

/** Builds a JSON pointer from segments. */
export function pointer (...segments: Array<string | number>): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('')
}
