import t from 'tap'
import { build } from '../helper.js'

t.test('GET / describes the API, its release, links and data licences', async (t) => {
  const app = await build(t)
  const res = await app.inject('/')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.match(body, {
    name: 'Safeguarding API',
    emergency: /call 999/,
    latest_release: { id: '2026-01-01', published_at: '2026-01-01T09:00:00Z', summary: 'Fixture release one.' },
    releases: ['2026-01-01'],
    openapi_url: '/openapi.json',
    links: { helplines: '/v1/helplines', open_referral_uk: '/hsds/', docs: '/docs', openapi_yaml: '/openapi.yaml' }
  })
  const licences = body.data_licences.map((l: { licence: string }) => l.licence)
  t.ok(licences.includes('Open Government Licence v3.0'))
  t.ok(licences.includes('CC BY 4.0'))
  t.ok(body.data_licences.some((l: { attribution: string }) => /Royal Mail copyright/.test(l.attribution)))
  t.ok(body.data_licences.some((l: { licence: string, attribution: string }) => l.licence === 'CC BY-SA 4.0' && /^Open Referral \/ Open Referral UK/.test(l.attribution)), 'credits the Open Referral UK schemas')
  t.ok(res.headers.etag)
})

t.test('makes links absolute when the public base URL is set', async (t) => {
  const app = await build(t, { PUBLIC_BASE_URL: 'https://api.example.org' })
  const body = (await app.inject('/')).json()
  t.equal(body.links.helplines, 'https://api.example.org/v1/helplines')
  const problem = (await app.inject('/v1/helplines?x=1')).json()
  t.equal(problem.type, 'https://api.example.org/problems/invalid-parameter')
})

t.test('reports liveness and readiness, never cached', async (t) => {
  const app = await build(t)
  const live = await app.inject('/health/live')
  t.same(live.json(), { status: 'ok' })
  t.equal(live.headers['cache-control'], 'no-store')
  const ready = await app.inject('/health/ready')
  t.same(ready.json(), { status: 'ready', release: '2026-01-01', releases: 1, reasons: [], last_reload: null })
  t.equal(ready.headers['cache-control'], 'no-store')
})

t.test('answers an unknown path with a 404 problem that echoes nothing', async (t) => {
  const app = await build(t)
  const res = await app.inject('/v1/postcode/SW1A2AA')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  const body = res.json()
  t.match(body, { type: '/problems/not-found', status: 404, instance: /^urn:request:/ })
  t.notMatch(res.body, /SW1A2AA/)
})

t.test('serves interactive docs from this server only', async (t) => {
  const app = await build(t)
  const res = await app.inject('/docs/')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /text\/html/)
  t.notMatch(res.body, /https?:\/\/(?!localhost)[a-z0-9.-]+\/[^"]*\.(js|css)/i, 'no assets from other hosts')
})
