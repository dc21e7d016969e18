import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t from 'tap'
import { compressionSettled } from '../../src/http/background-compression.js'
import { encodedBody, noteUse, prepare } from '../../src/http/prepared.js'

const body = () => JSON.stringify({ data: Array.from({ length: 300 }, (_, i) => ({ id: `line-${i}`, open_now: i % 3 === 0, next_change: null })) })

t.test('compresses only what a client asks for, at the fast level, and the rest only when asked again', async (t) => {
  const prepared = prepare(body(), 'application/json; charset=utf-8')
  noteUse(prepared)
  t.same(prepared.shared.copies, {}, 'a client asking for identity costs no compression')
  const br = encodedBody(prepared, 'br') as Buffer
  t.ok(brotliDecompressSync(br).equals(prepared.body), 'the Brotli copy decodes to the body')
  t.same(Object.keys(prepared.shared.copies), ['br'], 'only the encoding asked for is made')
  t.equal(prepared.shared.best, false)
  t.equal(prepared.shared.queued, false, 'once is not again')

  noteUse(prepared)
  t.equal(prepared.shared.queued, true, 'asked again: best-level copies are queued')
  t.equal(encodedBody(prepared, 'br'), br, 'and until they are made, the fast copy is served')
  await compressionSettled()
  t.equal(prepared.shared.best, true)
  t.equal(prepared.shared.version, 1, 'the new copies carry a new version (the fast lane rebuilds its forms)')
  const best = encodedBody(prepared, 'br') as Buffer
  const gzip = encodedBody(prepared, 'gzip') as Buffer
  t.ok(brotliDecompressSync(best).equals(prepared.body))
  t.ok(gunzipSync(gzip).equals(prepared.body))
})

t.test('leaves small bodies uncompressed', async (t) => {
  const prepared = prepare('{"data":[]}', 'application/json; charset=utf-8')
  noteUse(prepared)
  noteUse(prepared)
  t.equal(encodedBody(prepared, 'br'), null)
  t.equal(prepared.shared.queued, false)
})

t.test('makes the best copy at once for the server\'s own requests (warm-up, static export)', async (t) => {
  const prepared = prepare(body(), 'application/json; charset=utf-8')
  const fast = encodedBody(prepared, 'gzip') as Buffer
  const best = encodedBody(prepared, 'gzip', 'best') as Buffer
  t.not(best, fast, 'made again at the best level')
  t.same([...prepared.shared.bestOf], ['gzip'])
  t.equal(prepared.shared.version, 1)
  t.equal(encodedBody(prepared, 'gzip'), best, 'and then served to everyone')
  t.ok(gunzipSync(best).equals(prepared.body))
})
