import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fastJson from 'fast-json-stringify'
import { load } from 'js-yaml'
import t from 'tap'
import { build, clockAt, REAL_DATA } from '../helper.js'

// Prepared answers are bytes made once per release (or status window). They must be exactly
// what serialising the same object through the operation's response schema gives: only the
// declared fields, in the declared order and shape. The schema here is the checked-in
// openapi.yaml, compiled afresh with fast-json-stringify, not the app's compiled serialisers.

interface Spec {
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>
  components: object
}
const spec = load(readFileSync(join(import.meta.dirname, '..', '..', 'openapi.yaml'), 'utf8')) as Spec

function serialiserFor (template: string): (value: unknown) => string {
  const schema = spec.paths[template]?.get.responses['200']?.content?.['application/json']?.schema
  if (schema === undefined) throw new Error(`no 200 JSON schema for ${template} in openapi.yaml`)
  return fastJson({ ...schema, components: spec.components } as never) as (value: unknown) => string
}

const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt('2026-12-01T12:00:00Z') })
const latest = app.catalogues.latest.release.id
const cases: Array<[template: string, url: string]> = [
  ['/', '/'],
  ['/v1/helplines', '/v1/helplines'],
  ['/v1/helplines', '/v1/helplines?open_now=true&nation=wales'],
  ['/v1/helplines/{id}', '/v1/helplines/childline'],
  ['/v1/reporting-channels', '/v1/reporting-channels'],
  ['/v1/reporting-channels/{id}', '/v1/reporting-channels/ceop-safety-centre'],
  ['/v1/local-authorities', '/v1/local-authorities?nation=scotland'],
  ['/v1/local-authorities/lookup', '/v1/local-authorities/lookup?postcode=SW1A%202AA'],
  ['/v1/situations', '/v1/situations'],
  ['/v1/reporting-routes', '/v1/reporting-routes?situation=online-grooming&postcode=EH1%201YZ'],
  ['/v1/statistics', '/v1/statistics'],
  ['/v1/sources', '/v1/sources'],
  ['/v1/releases', '/v1/releases'],
  ['/v1/releases/{id}/changes', `/v1/releases/${latest}/changes`],
  ['/v1/releases/{id}/bundle', `/v1/releases/${latest}/bundle`]
]

/** Where two texts first differ, with a little context; null when equal (a full diff of a 300 KB line takes minutes). */
function firstDifference (a: string, b: string): string | null {
  if (a === b) return null
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return `at character ${i}: …${a.slice(Math.max(0, i - 40), i + 40)}… vs …${b.slice(Math.max(0, i - 40), i + 40)}…`
}

for (const [template, url] of cases) {
  t.test(`${url}: the prepared bytes are the schema's serialisation`, async (t) => {
    const res = await app.inject(url)
    t.equal(res.statusCode, 200)
    const body = res.body
    t.equal(firstDifference(serialiserFor(template)(JSON.parse(body)), body), null, 'the schema serialises the same object to the same bytes')
    // And again from the prepared copy, with its Brotli form decoded.
    const again = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
    const bytes = again.headers['content-encoding'] === 'br' ? (await import('node:zlib')).brotliDecompressSync(again.rawPayload).toString() : again.body
    t.equal(firstDifference(bytes, body), null, 'the compressed copy holds the same bytes')
  })
}
