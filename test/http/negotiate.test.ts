import t from 'tap'
import { chooseFormat } from '../../src/http/negotiate-format.js'
import { ifNoneMatchHits, pickEncoding } from '../../src/http/negotiate.js'

t.test('pickEncoding prefers Brotli, then gzip, as the client weights them', async (t) => {
  const cases: Array<[string | undefined, 'br' | 'gzip' | null]> = [
    [undefined, null],
    ['', null],
    ['identity', null],
    ['deflate', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['BR', 'br'],
    [' br , gzip ', 'br'],
    // RFC 9110 §12.4.2: weight = OWS ";" OWS "q=" qvalue, so space may come before the semicolon.
    ['gzip ;q=0.8', 'gzip'],
    ['gzip; q=0.8', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['gzip;q=0.5, br;q=0.5', 'br'],
    ['gzip;q=0.001', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['br;q=0, *', 'gzip'],
    ['gzip;q=0, *', 'br'],
    ['*;q=0.5, gzip', 'gzip'],
    ['br;q=abc', null],
    ['br;q=abc, gzip', 'gzip'],
    [';;;', null],
    [',,,', null],
    ['q=1', null]
  ]
  for (const [header, expected] of cases) t.equal(pickEncoding(header), expected, `Accept-Encoding: ${String(header)}`)
})

t.test('ifNoneMatchHits compares entity tags weakly, as GET and HEAD require', async (t) => {
  const etag = '"abc123"'
  const cases: Array<[string | undefined, boolean]> = [
    [undefined, false],
    ['', false],
    ['*', true],
    [' * ', true],
    ['"abc123"', true],
    ['"other", "abc123"', true],
    ['"other","abc123"', true],
    ['  "abc123"  ,"x"', true],
    ['W/"abc123"', true],
    ['"other", W/"abc123"', true],
    ['"abc1234"', false],
    ['"abc12"', false],
    ['abc123', false],
    ['"abc123', false],
    ['"other"', false]
  ]
  for (const [header, expected] of cases) t.equal(ifNoneMatchHits(header, etag), expected, `If-None-Match: ${String(header)}`)
  t.ok(ifNoneMatchHits('"abc123"', 'W/"abc123"'), 'a weak ETag matches its strong form')
  t.ok(ifNoneMatchHits('W/"abc123"', 'W/"abc123"'))
})

t.test('chooseFormat follows ?format= before the Accept header', async (t) => {
  t.equal(chooseFormat('application/json', 'csv', ['json', 'csv']), 'csv')
  t.equal(chooseFormat('text/csv', 'json', ['json', 'csv']), 'json')
  t.equal(chooseFormat('application/xml', 'csv', ['json', 'csv']), 'csv', 'even one the header does not allow')
})

t.test('chooseFormat picks the highest-weighted acceptable format, JSON on ties', async (t) => {
  const cases: Array<[string | undefined, 'json' | 'csv']> = [
    [undefined, 'json'],
    ['', 'json'],
    ['   ', 'json'],
    ['application/json', 'json'],
    ['text/csv', 'csv'],
    ['TEXT/CSV', 'csv'],
    ['text/csv; charset=utf-8', 'csv'],
    ['*/*', 'json'],
    ['text/csv, application/json', 'json'],
    ['application/json, text/csv', 'json'],
    ['text/csv;q=0.5, application/json', 'json'],
    ['application/json;q=0.5, text/csv', 'csv'],
    ['text/csv; q=0.5, application/json; q=0.4', 'csv'],
    ['text/*', 'csv'],
    ['application/*', 'json'],
    ['text/*, application/json;q=0.2', 'csv'],
    ['application/json;q=0, */*', 'csv'],
    ['text/csv;q=0, */*;q=0.1', 'json'],
    // The most specific range decides: text/csv;q=0.1 overrides text/*;q=0.9.
    ['text/*;q=0.9, text/csv;q=0.1, application/json;q=0.5', 'json'],
    ['text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8', 'json']
  ]
  for (const [accept, expected] of cases) t.equal(chooseFormat(accept, undefined, ['json', 'csv']), expected, `Accept: ${String(accept)}`)
})

t.test('chooseFormat throws a 406 naming what it can send when nothing is acceptable', async (t) => {
  for (const accept of ['application/xml', 'image/*', 'application/json;q=0, text/csv;q=0', 'text/html;q=1']) {
    t.throws(() => chooseFormat(accept, undefined, ['json', 'csv']), {
      statusCode: 406,
      code: 'SG_NOT_ACCEPTABLE',
      message: /only as application\/json or text\/csv/
    }, `Accept: ${accept}`)
  }
  t.throws(() => chooseFormat('text/csv', undefined, ['json']), { statusCode: 406, message: /only as application\/json:/ }, 'a record has no CSV')
  t.equal(chooseFormat('text/csv, */*;q=0.1', undefined, ['json']), 'json')
  t.equal(chooseFormat('text/*, application/json;q=0.01', undefined, ['json']), 'json')
})
