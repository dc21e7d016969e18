import t from 'tap'
import { build } from './helper.js'

const ALLOW = 'GET, HEAD, OPTIONS'

/** Every kind of answer the API gives, including the ones Fastify's router gives itself. */
const SAMPLES: Array<{ what: string, url: string, headers?: Record<string, string> }> = [
  { what: 'the API root', url: '/' },
  { what: 'a JSON list', url: '/v1/helplines' },
  { what: 'a JSON record', url: '/v1/helplines/always-line' },
  { what: 'CSV', url: '/v1/helplines?format=csv' },
  { what: 'a 304', url: '/v1/helplines', headers: { 'if-none-match': '*' } },
  { what: 'a 400 problem', url: '/v1/helplines?nation=atlantis' },
  { what: 'a 404 problem', url: '/nowhere' },
  { what: 'a 406 problem', url: '/v1/helplines', headers: { accept: 'application/xml' } },
  { what: 'a health check', url: '/health/ready' },
  { what: 'the OpenAPI description', url: '/openapi.json' },
  { what: 'security.txt', url: '/.well-known/security.txt' },
  { what: 'the embed demo page', url: '/embed' },
  { what: 'the embed script', url: '/embed/v1/help.js' },
  { what: 'a path with broken percent-encoding', url: '/v1/helplines/%E0%A4%A' },
  { what: 'a path parameter past the router\'s length limit', url: `/v1/helplines/${'a'.repeat(201)}` }
]

t.test('hardens every kind of answer: nosniff, no referrer, a CSP that loads nothing, CORS for any site without credentials', async (t) => {
  const app = await build(t)
  for (const { what, url, headers } of SAMPLES) {
    const res = await app.inject({ url, headers })
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`)
    t.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: no referrer`)
    t.match(res.headers['content-security-policy'], /(?:^|;)\s*default-src 'none'\s*(?:;|$)/, `${what}: default-src 'none'`)
    t.match(res.headers['content-security-policy'], /frame-ancestors 'none'/, `${what}: cannot be framed`)
    t.equal(res.headers['access-control-allow-origin'], '*', `${what}: readable from any site`)
    t.equal(res.headers['access-control-allow-credentials'], undefined, `${what}: never with credentials`)
    t.equal(res.headers['x-powered-by'], undefined, `${what}: no X-Powered-By`)
    t.equal(res.headers['set-cookie'], undefined, `${what}: no cookie`)
  }
})

t.test('answers a CORS preflight for GET from any origin, without credentials', async (t) => {
  const app = await build(t)
  for (const url of ['/v1/helplines', '/v1/helplines/always-line', '/']) {
    const res = await app.inject({
      method: 'OPTIONS',
      url,
      headers: { origin: 'https://charity.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' }
    })
    t.equal(res.statusCode, 204, url)
    t.equal(res.body, '')
    t.equal(res.headers['access-control-allow-origin'], '*')
    t.match(res.headers['access-control-allow-methods'], /\bGET\b/)
    t.notMatch(res.headers['access-control-allow-methods'], /POST|PUT|PATCH|DELETE/, 'offers no write method')
    t.equal(res.headers['access-control-allow-credentials'], undefined)
    t.match(res.headers['access-control-max-age'], /^\d+$/, 'browsers may cache the preflight')
  }
  const get = await app.inject({ url: '/v1/helplines', headers: { origin: 'https://charity.example' } })
  t.equal(get.headers['access-control-allow-origin'], '*', 'a cross-origin GET is readable')
  t.match(get.headers['access-control-expose-headers'], /ETag/i, 'and its ETag too')
})

t.test('refuses POST, PUT, PATCH and DELETE with 405 problem details and Allow', async (t) => {
  const app = await build(t)
  const bodies = [undefined, { payload: '{}', headers: { 'content-type': 'application/json' } }, { payload: 'hello', headers: { 'content-type': 'text/plain' } }]
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    for (const url of ['/', '/v1/helplines', '/v1/helplines/always-line', '/health/live', '/nowhere']) {
      for (const body of bodies) {
        const res = await app.inject({ method, url, ...body })
        const label = `${method} ${url}${body === undefined ? '' : ` with ${body.headers['content-type']}`}`
        t.equal(res.statusCode, 405, label)
        t.equal(res.headers.allow, ALLOW, `${label}: Allow`)
        t.match(res.headers['content-type'], /^application\/problem\+json/, `${label}: problem details`)
        t.match(res.json(), { status: 405, title: 'Method not allowed', type: '/problems/method-not-allowed' })
        t.equal(res.headers['x-content-type-options'], 'nosniff')
      }
    }
  }
})

t.test('lets no other method succeed', async (t) => {
  const app = await build(t)
  for (const method of ['TRACE', 'QUERY', 'PROPFIND', 'CONNECT'] as const) {
    const res = await app.inject({ method, url: '/v1/helplines', headers: { 'x-canary': 'TRACEME7Q' } })
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${method}: refused (${res.statusCode})`)
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${method}: problem details`)
    t.notMatch(res.body, /TRACEME7Q/, `${method}: the request is not echoed`)
  }
  t.equal((await app.inject({ method: 'HEAD', url: '/v1/helplines' })).statusCode, 200, 'HEAD succeeds')
})

t.test('publishes security.txt with a Contact and an Expires in the future (RFC 9116)', async (t) => {
  const app = await build(t)
  const res = await app.inject('/.well-known/security.txt')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/plain; charset=utf-8/)
  const fields = new Map(res.body.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
  t.match(fields.get('contact'), /^(?:mailto:\S+@\S+|https:\/\/\S+)$/, 'Contact is a mailto: or https: URI')
  const expires = fields.get('expires') ?? ''
  t.match(expires, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/, 'Expires is an RFC 3339 date-time')
  const left = Date.parse(expires) - Date.now()
  t.ok(left > 0, 'Expires is in the future')
  t.ok(left <= 366 * 86_400_000, 'and less than a year away, as RFC 9116 advises')
  t.equal(res.body.match(/^Expires:/gim)?.length, 1, 'exactly one Expires')
})

t.test('serves /docs with a CSP of its own that lets the page work and loads nothing from other hosts', async (t) => {
  const app = await build(t)
  const page = await app.inject('/docs')
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /^text\/html/)
  const csp = String(page.headers['content-security-policy'] ?? '')
  t.not(csp, '', 'the docs page has a CSP')
  t.notMatch(csp, /(?:^|;)\s*default-src 'none'/, 'not the JSON one, which would blank the page')
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name = '', ...sources] = d.split(/\s+/)
    return [name, sources]
  }))
  t.match(directives.get('script-src') ?? directives.get('default-src'), ['\'self\''], 'scripts come from this origin')
  const elsewhere = [...directives].flatMap(([name, sources]) => sources
    .filter((s) => !/^'(?:self|none|unsafe-inline|strict-dynamic|sha(?:256|384|512)-[A-Za-z0-9+/=]+|nonce-[A-Za-z0-9+/=]+)'$/.test(s) && s !== 'data:' && s !== 'blob:')
    .map((s) => `${name} ${s}`))
  t.same(elsewhere, [], 'no directive allows another host or a whole scheme (https:, *)')
  t.equal(page.headers['x-content-type-options'], 'nosniff')
  t.equal(page.headers['referrer-policy'], 'no-referrer')

  // What the page loads is on this server, and is there.
  const assets = [...page.body.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string)
  t.ok(assets.length >= 3, `${assets.length} assets`)
  t.same(assets.filter((a) => /^(?:[a-z]+:)?\/\//i.test(a)), [], 'no asset from another host')
  for (const asset of assets) {
    const res = await app.inject(new URL(asset, 'http://localhost/docs/').pathname)
    t.equal(res.statusCode, 200, `${asset} is served`)
  }
  const spec = await app.inject('/docs/json')
  t.equal(spec.statusCode, 200, 'the page\'s spec is served from this origin')
})
