import { createHash } from 'node:crypto'
import { brotliDecompressSync } from 'node:zlib'
import t from 'tap'
import { HELP_JS } from '../../src/embed/generated/help-js.js'
import { build, clockAt, REAL_DATA } from '../helper.js'

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
const BUDGET = 12 * 1024

/** The inline stylesheet of a page and the CSP source its hash makes. */
function styleHashOf (html: string): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
  return `'sha256-${createHash('sha256').update(css).digest('base64')}'`
}

t.test('serves help.js: one script, Brotli within the 12 KB budget, long-cacheable, revalidated by ETag', async (t) => {
  const app = await build(t)
  const res = await app.inject({ url: '/embed/v1/help.js', headers: { 'accept-encoding': 'br' } })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/javascript; charset=utf-8')
  t.equal(res.headers['content-encoding'], 'br')
  t.ok(res.rawPayload.length <= BUDGET, `${res.rawPayload.length} bytes with Brotli (budget ${BUDGET})`)
  t.equal(brotliDecompressSync(res.rawPayload).toString(), HELP_JS, 'the bundle, as built')
  t.match(res.headers['cache-control'], /^public, max-age=86400\b/)
  t.equal(res.headers['access-control-allow-origin'], '*', 'any site may load it')
  t.equal(res.headers['cross-origin-resource-policy'], 'cross-origin')
  const again = await app.inject({ url: '/embed/v1/help.js', headers: { 'if-none-match': String(res.headers.etag) } })
  t.equal(again.statusCode, 304)
})

t.test('the demo page holds the snippet, escaped, with relative addresses, and works under a strict CSP', async (t) => {
  const app = await build(t)
  const res = await app.inject({ url: '/embed', headers: { accept: BROWSER_ACCEPT } })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8')
  const snippet = /<pre data-embed-snippet><code>([\s\S]*?)<\/code><\/pre>/.exec(res.body)?.[1]
  t.equal(snippet, '&lt;script type=&quot;module&quot; src=&quot;/embed/v1/help.js&quot; referrerpolicy=&quot;no-referrer&quot;&gt;&lt;/script&gt;\n&lt;safeguarding-help situation=&quot;worried-about-a-child&quot; postcode&gt;&lt;/safeguarding-help&gt;')
  const csp = String(res.headers['content-security-policy'])
  t.match(csp, /default-src 'none'/)
  t.match(csp, /script-src 'self';/, 'scripts from this server only: none inline')
  t.match(csp, /connect-src 'self';/)
  t.ok(csp.includes(`style-src ${styleHashOf(res.body)};`), 'its one stylesheet, allowed by hash')
  t.match(csp, /frame-ancestors 'none'/, 'the demo itself is not framable')
  t.equal(res.headers['x-frame-options'], 'SAMEORIGIN')
  t.same([...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script type="module" src="/embed/v1/help.js" referrerpolicy="no-referrer">'], 'one script, from a file')
  t.equal((await app.inject({ url: '/embed?x=1' })).statusCode, 400, 'an unknown parameter is a 400')
})

t.test('with PUBLIC_BASE_URL the snippet\'s address is absolute', async (t) => {
  const app = await build(t, { PUBLIC_BASE_URL: 'https://api.example.org' })
  const res = await app.inject('/embed')
  t.match(res.body, /<pre data-embed-snippet><code>&lt;script type=&quot;module&quot; src=&quot;https:\/\/api\.example\.org\/embed\/v1\/help\.js&quot;/)
})

t.test('the help pages render on the server: 999 first, tap-to-call links, quick exit to the top, framable by any site', async (t) => {
  const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: clockAt('2026-12-01T21:30:00Z') })
  for (const url of ['/embed/v1/route.html?situation=online-grooming&nation=wales', '/embed/v1/route.html', '/embed/v1/helplines.html?nation=scotland']) {
    const res = await app.inject({ url, headers: { accept: BROWSER_ACCEPT } })
    t.equal(res.statusCode, 200, url)
    t.equal(res.headers['content-type'], 'text/html; charset=utf-8')
    const csp = String(res.headers['content-security-policy'])
    t.match(csp, /frame-ancestors \*/, 'any site may frame it')
    t.equal(res.headers['x-frame-options'], undefined, 'no X-Frame-Options to contradict it')
    t.match(csp, /default-src 'none'/)
    t.ok(csp.includes(`style-src ${styleHashOf(res.body)};`), 'its stylesheet, by hash')
    t.notMatch(res.body, /<script/i, 'no script')
    const text = (/<body>([\s\S]*)<\/body>/.exec(res.body)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()
    t.match(text, /^If a child is in immediate danger, call 999\. Call 999/, '999 is the first thing on the page')
    const hrefs = [...res.body.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1] ?? '')
    t.same(hrefs.filter((h) => !/^(?:tel:\+?\d+|sms:\+?\d+|mailto:\S+@\S+|https:\/\/\S+)$/.test(h)), [], 'every link is tel:, sms:, mailto: or https:')
    t.ok(hrefs.includes('tel:999'))
    t.match(res.body, /<a class="button" href="https:\/\/www\.bbc\.co\.uk\/weather" target="_top" rel="noreferrer">Quick exit<\/a>/)
    t.match(res.headers['cache-control'], /^public, max-age=\d+/)
    t.equal((await app.inject({ url, headers: { 'if-none-match': String(res.headers.etag) } })).statusCode, 304, 'prepared with an ETag')
  }
  const route = await app.inject('/embed/v1/route.html?situation=worried-about-a-child')
  t.match(route.body, /0808 800 5000<\/span><\/a><p class="meta"><span class="badge open">Open until 10pm<\/span>/, 'the NSPCC Helpline is open until 10pm at 9:30pm on a Tuesday')
})

t.test('a help page\'s open-now words last until the status or the day changes', async (t) => {
  let now = Date.parse('2026-12-01T23:58:00Z')
  const app = await build(t, { DATA_DIR: REAL_DATA }, { clock: () => now })
  const before = await app.inject('/embed/v1/route.html?situation=worried-about-a-child&nation=england')
  t.match(before.body, /0808 800 5000<\/span><\/a><p class="meta"><span class="badge closed">Opens 8am tomorrow</)
  t.match(before.headers['cache-control'], /^public, max-age=(\d|[1-9]\d|1[01]\d|120),/, 'cached no later than midnight')
  now = Date.parse('2026-12-02T00:01:00Z')
  const after = await app.inject('/embed/v1/route.html?situation=worried-about-a-child&nation=england')
  t.match(after.body, /0808 800 5000<\/span><\/a><p class="meta"><span class="badge closed">Opens 8am today</, 'after midnight, 8am is today')
})

t.test('a bad parameter on a help page: problem details, or to a browser a framable page that still shows 999', async (t) => {
  const app = await build(t, { DATA_DIR: REAL_DATA })
  for (const url of ['/embed/v1/route.html?situation=no-such-thing', '/embed/v1/route.html?nation=atlantis', '/embed/v1/helplines.html?postcode=SW1A2AA', '/embed/v1/helplines.html?release=2000-01-01']) {
    const json = await app.inject({ url, headers: { accept: 'application/json' } })
    const status = json.statusCode
    t.ok(status === 400 || status === 404, `${url}: ${status}`)
    t.match(json.headers['content-type'], /^application\/problem\+json/)
    t.match(json.json(), { status, type: /^\/problems\// })
    t.equal((await app.inject(url)).headers['content-type'], json.headers['content-type'], 'also without an Accept header')
    const page = await app.inject({ url, headers: { accept: BROWSER_ACCEPT } })
    t.equal(page.statusCode, status, 'the same status as a page')
    t.equal(page.headers['content-type'], 'text/html; charset=utf-8')
    t.match(page.body, new RegExp(json.json().detail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '&#39;')), 'the problem\'s own words')
    t.match(page.body, /call 999/)
    t.match(page.headers['content-security-policy'], /frame-ancestors \*/, 'framable, so an iframe shows it')
    t.equal(page.headers['cache-control'], 'no-store')
    t.match(page.headers.vary, /Accept/)
    t.notOk(page.body.includes('SW1A2AA'), 'never repeats what was sent')
  }
})

t.test('only the two help pages may be framed: every other answer keeps frame-ancestors \'none\'', async (t) => {
  const app = await build(t, { DATA_DIR: REAL_DATA })
  const spec = app.swagger() as unknown as { paths: Record<string, unknown> }
  const paths = Object.keys(spec.paths).filter((p) => !p.includes('{'))
  t.ok(paths.length > 15, `${paths.length} paths`)
  for (const path of paths) {
    const url = path === '/v1/reporting-routes' ? `${path}?situation=online-grooming` : path === '/v1/local-authorities/lookup' ? `${path}?postcode=SW1A%202AA` : path
    const res = await app.inject({ url, headers: { accept: BROWSER_ACCEPT } })
    const framable = path === '/embed/v1/route.html' || path === '/embed/v1/helplines.html'
    t.match(res.headers['content-security-policy'], framable ? /frame-ancestors \*/ : /frame-ancestors 'none'/, `${path} (${res.statusCode})`)
  }
  t.match((await app.inject('/no-such-page')).headers['content-security-policy'], /frame-ancestors 'none'/, 'and a 404 elsewhere')
})
