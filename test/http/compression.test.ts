import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t from 'tap'
import { compressSync, crcOf, finishStream, type Encoding } from '../../src/http/compression.js'

// An answer that differs from others only near its end (its links) is sent compressed as the
// shared head's compressed bytes, then the rest stored as it is: one valid Brotli or gzip stream.

const text = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `{"id":"record-${i}","open_now":${i % 2 === 0}}`).join(','))

t.test('finishes an open stream with the rest stored: it decodes to head and tail', async (t) => {
  const head = text(400)
  for (const encoding of ['br', 'gzip'] as Encoding[]) {
    for (const level of ['fast', 'best'] as const) {
      const open = compressSync(head, encoding, level, true)
      // An empty tail, a few bytes, and more than one stored block (65,535 bytes).
      for (const tail of [Buffer.alloc(0), Buffer.from('"links":{"self":"/v1/x?at=2026"}}'), Buffer.alloc(70_000, 'y')]) {
        const whole = finishStream(encoding, open, tail, head.length, crcOf(head))
        const decoded = encoding === 'br' ? brotliDecompressSync(whole) : gunzipSync(whole)
        t.ok(decoded.equals(Buffer.concat([head, tail])), `${encoding} ${level}, tail of ${tail.length} bytes`)
      }
    }
  }
})

t.test('an empty head works too', async (t) => {
  for (const encoding of ['br', 'gzip'] as Encoding[]) {
    const tail = Buffer.from('all of it')
    const whole = finishStream(encoding, compressSync(Buffer.alloc(0), encoding, 'fast', true), tail, 0, crcOf(Buffer.alloc(0)))
    t.same((encoding === 'br' ? brotliDecompressSync(whole) : gunzipSync(whole)).toString(), 'all of it', encoding)
  }
})

t.test('a closed stream is an ordinary one', async (t) => {
  const body = text(600)
  for (const encoding of ['br', 'gzip'] as Encoding[]) {
    for (const level of ['fast', 'best'] as const) {
      const whole = compressSync(body, encoding, level)
      t.ok((encoding === 'br' ? brotliDecompressSync(whole) : gunzipSync(whole)).equals(body), `${encoding} ${level}`)
    }
  }
})
