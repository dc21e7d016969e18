import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { build, clockAt, REAL_DATA } from '../helper.js'

// The build writes every route's compiled validators and serialisers as code, and the server
// runs that code instead of compiling (src/http/compile-cache.ts): its answers must be the
// compiled ones' byte for byte, errors included.

const CLOCK = clockAt('2026-12-02T10:00:00Z')
const URLS = [
  '/', '/v1/helplines', '/v1/helplines?nation=wales&per_page=2', '/v1/helplines/childline',
  '/v1/helplines?nation=atlantis&page=0', '/v1/reporting-channels', '/v1/local-authorities/lookup?postcode=SW1A%202AA',
  '/v1/reporting-routes?situation=online-grooming', '/v1/statistics', '/v1/sources?colour=blue', '/v1/releases'
]

t.test('answers from kept code exactly as from compiled schemas', async (t) => {
  const dir = t.testdir({})
  const compiled = await build(t, { DATA_DIR: REAL_DATA }, { clock: CLOCK })
  const writing = await build(t, { DATA_DIR: REAL_DATA }, { clock: CLOCK, compiledCode: { dir, write: true } })
  await writing.close()
  const files = readdirSync(dir)
  t.ok(files.some((f) => f.startsWith('validator-')) && files.some((f) => f.startsWith('serializer-')), `${files.length} files written`)

  const reading = await build(t, { DATA_DIR: REAL_DATA }, { clock: CLOCK, compiledCode: { dir, write: false } })
  for (const url of URLS) {
    const a = await compiled.inject(url)
    const b = await reading.inject(url)
    t.equal(b.statusCode, a.statusCode, `${url}: ${a.statusCode}`)
    t.equal(b.headers['content-type'], a.headers['content-type'])
    // Problems carry a random request id; everything else is the same.
    const strip = (body: string) => body.replace(/"request_id":"[^"]+"/, '')
    t.equal(strip(b.body), strip(a.body), `${url}: same body`)
  }

  // The kept code is what runs: a serialiser replaced by hand answers for itself.
  const serializers = files.filter((f) => f.startsWith('serializer-'))
  for (const file of serializers) writeFileSync(join(dir, file), 'module.exports = () => \'{"from":"the kept code"}\'')
  const stubbed = await build(t, { DATA_DIR: REAL_DATA }, { clock: CLOCK, compiledCode: { dir, write: false } })
  t.equal((await stubbed.inject('/v1/sources')).body, '{"from":"the kept code"}')
})

t.test('compiles a schema whose code is not kept', async (t) => {
  const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: CLOCK, compiledCode: { dir: t.testdir({}), write: false } })
  const res = await app.inject('/v1/helplines/childline')
  t.equal(res.statusCode, 200)
  t.equal(res.json().data.id, 'childline')
})
