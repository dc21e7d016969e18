import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t from 'tap'
import { compressionSettled } from '../../src/http/background-compression.js'
import { encodedBody, noteUse } from '../../src/http/prepared.js'
import { encodeQueryValue, fill, HOLE, makeTemplate } from '../../src/http/templates.js'

// A body built with HOLE where it echoes a query value (its links) serves every value: each
// request's value is filled in, and its compressed forms are finished from the shared head.

const TYPE = 'application/json; charset=utf-8'
const link = (at: string) => `/v1/helplines?${new URLSearchParams([['at', at]]).toString()}`
const answer = (at: string) => JSON.stringify({
  data: Array.from({ length: 100 }, (_, i) => ({ id: `line-${i}`, open_now: i % 2 === 0 })),
  links: { self: link(at), first: link(at), next: null }
})

t.test('fills in the value exactly as building the answer with it does', async (t) => {
  const template = makeTemplate(answer(HOLE), TYPE, 0, 1000)
  if (template === null) throw new Error('no template')
  t.equal(template.parts.length, 3, 'a hole in each link')
  for (const at of ['2026-02-03T10:30:00Z', '2026-02-03T10:30:00+01:00', '2026-02-03T10:30:00.123456789z']) {
    const filled = fill(template, at)
    t.equal(filled.body.toString(), answer(at), at)
    t.not(filled.etag, fill(template, 'another').etag, 'its own ETag')
    t.equal(filled.etag, fill(template, at).etag, 'the same for the same value')
    t.ok(brotliDecompressSync(encodedBody(filled, 'br') as Buffer).equals(filled.body), `${at}: Brotli`)
    t.ok(gunzipSync(encodedBody(filled, 'gzip') as Buffer).equals(filled.body), `${at}: gzip`)
  }
  t.equal(encodeQueryValue('a b+c:d'), 'a+b%2Bc%3Ad', 'as URLSearchParams writes a value')
})

t.test('an answer without the hole is one answer for every value', async (t) => {
  const template = makeTemplate('{"data":{"id":"x"}}', TYPE, 0, 1000)
  if (template === null) throw new Error('no template')
  t.equal(fill(template, 'one'), fill(template, 'two'), 'the same prepared answer')
})

t.test('refuses a body that echoes the value other than in a link', async (t) => {
  t.equal(makeTemplate(JSON.stringify({ meta: { at: HOLE }, links: { self: link(HOLE) } }), TYPE, 0, 1000), null)
})

t.test('finished copies follow the shared head when it is recompressed at the best level', async (t) => {
  const template = makeTemplate(answer(HOLE), TYPE, 0, 1000)
  if (template === null) throw new Error('no template')
  const first = fill(template, 'one')
  const fast = encodedBody(first, 'br') as Buffer
  noteUse(first)
  noteUse(fill(template, 'two'))
  await compressionSettled()
  const best = encodedBody(first, 'br') as Buffer
  t.not(best, fast, 'made again from the better head')
  t.ok(brotliDecompressSync(best).equals(first.body))
})
