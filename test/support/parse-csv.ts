/**
 * A strict RFC 4180 reader for checking what the API writes: quoted cells may hold commas,
 * doubled quotes and line breaks; records end in CRLF (LF is read too, so a test can check
 * line endings on its own). Throws on a stray or unterminated quote, which a lenient parser
 * would quietly accept.
 */
export function parseCsv (text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let closed = false
  const endCell = () => {
    row.push(cell)
    cell = ''
    closed = false
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c !== '"') cell += c
      else if (text[i + 1] === '"') {
        cell += '"'
        i++
      } else {
        quoted = false
        closed = true
      }
    } else if (c === ',') {
      endCell()
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++
      endRow()
    } else if (closed) {
      throw new Error(`text after a closing quote at ${i}`)
    } else if (c === '"') {
      if (cell !== '') throw new Error(`stray quote at ${i}`)
      quoted = true
    } else {
      cell += c
    }
  }
  if (quoted) throw new Error('unterminated quoted cell')
  if (cell !== '' || closed || row.length > 0) endRow()
  return rows
}

/** The header row and each record as an object keyed by column name. */
export function csvRecords (text: string): { header: string[], records: Array<Record<string, string>> } {
  const [header = [], ...rows] = parseCsv(text)
  const records = rows.map((cells, n) => {
    if (cells.length !== header.length) throw new Error(`row ${n + 1} has ${cells.length} cells, the header ${header.length}`)
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))
  })
  return { header, records }
}

/** True when every line break outside quoted cells is CRLF. */
export function endsLinesWithCrlf (text: string): boolean {
  const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '')
  return !/(?<!\r)\n/.test(outsideQuotes) && !/\r(?!\n)/.test(outsideQuotes)
}
