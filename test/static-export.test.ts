import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import t from 'tap'
import routeTablePlugin from '../src/plugins/route-table.js'
import { PUBLIC_CACHE_CONTROL } from '../src/http/send-prepared.js'
import { crawl } from '../src/static-export/crawl.js'
import { exportStatic } from '../src/static-export/export.js'
import { build, REAL_DATA } from './helper.js'

const hasNginx = spawnSync('nginx', ['-v']).status === 0

interface Raw { status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }
/** One GET with exactly these headers, the body as sent (no decompression). */
function get (port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Runs `work` over items, `limit` at a time. */
async function pool<T> (items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => { while (next < items.length) await work(items[next++] as T) }))
}

t.test('finds a new endpoint without being told: items through links, sub-routes, query variants; leaves out what changes or is private', async (t) => {
  const app = Fastify()
  await app.register(routeTablePlugin)
  const list = { data: [{ id: 'a', links: { self: '/things/a' } }, { id: 'b', links: { self: '/things/b' } }] }
  app.get('/things', { schema: { querystring: { type: 'object', properties: { colour: { type: 'string', enum: ['red', 'blue'] } } } } }, async (_req, reply) => reply.header('cache-control', PUBLIC_CACHE_CONTROL).send(list))
  app.get('/things/:id', async (_req, reply) => reply.header('cache-control', PUBLIC_CACHE_CONTROL).send({ ok: true }))
  app.get('/things/:id/parts', async (_req, reply) => reply.header('cache-control', PUBLIC_CACHE_CONTROL).send({ parts: [] }))
  app.get('/unlinked', async (_req, reply) => reply.header('cache-control', PUBLIC_CACHE_CONTROL).send({ data: [{ code: 'X1' }] }))
  app.get('/unlinked/:code', async (_req, reply) => reply.header('cache-control', PUBLIC_CACHE_CONTROL).send({}))
  app.get('/open-now', async (_req, reply) => reply.header('cache-control', 'public, max-age=120, stale-if-error=86400').send({}))
  app.get('/mine', async (_req, reply) => reply.header('cache-control', 'private, no-store').send({}))
  await app.ready()
  const result = await crawl(app, '')
  t.same(result.exported.map((a) => a.url).sort(), ['/things', '/things/a', '/things/a/parts', '/things/b', '/things/b/parts', '/things?colour=blue', '/things?colour=red', '/unlinked', '/unlinked/X1'].sort())
  t.same(result.excluded.map((e) => [e.url, e.reason]).sort(), [['/mine', 'private (personal data): never stored'], ['/open-now', 'changes with the clock (open now, review dates)']])
  t.same(result.unreached, [])
  await app.close()
})

t.test('the export of the real data, served by nginx, answers every URL exactly as the API', { skip: !hasNginx && process.env.CI === undefined ? 'nginx is not installed (.ci/run installs it)' : false }, async (t) => {
  // Five thousand requests from one address: above the per-client limit, which is not under test here.
  const app = await build(t, { DATA_DIR: REAL_DATA, RATE_LIMIT_MAX: 100_000 })
  const out = mkdtempSync(join(tmpdir(), 'sg-mirror-'))
  t.teardown(() => rmSync(out, { recursive: true, force: true }))
  chmodSync(out, 0o755)
  const port = await freePort()
  const latest = app.catalogues.latest
  const result = await exportStatic(app, { out, port, base: '', releasedAt: latest.release.published_at })

  const urls = readFileSync(join(out, 'urls.txt'), 'utf8').trim().split('\n')
  t.same(urls, result.urls.map((u) => u.url))
  t.same(result.unreached, [], 'every GET route is exported, left out for a reason, or named in NEVER_EXPORTED')
  const has = (url: string) => urls.includes(url)
  for (const url of ['/', '/openapi.json', '/openapi.yaml', '/v1/releases.atom', '/v1/bank-holidays', '/embed', '/embed/v1/help.js', '/v1/releases', '/v1/situations', '/v1/sources', '/v1/sources?page=2', '/v1/sources?format=csv']) t.ok(has(url), url)
  for (const id of latest.records.sources.map((s) => s.id)) t.ok(has(`/v1/sources/${id}`), `source ${id}`)
  for (const id of app.catalogues.ids) for (const suffix of ['', '/changes', '/bundle']) t.ok(has(`/v1/releases/${id}${suffix}`), `release ${id}${suffix}`)
  for (const s of latest.records.statistics) for (const style of ['apa', 'harvard', 'bibtex', 'csl-json']) t.ok(has(`/v1/statistics/${s.id}/citation?style=${style}`), `${s.id} ${style}`)
  for (const situation of latest.routes) t.ok(has(`/v1/situations/${situation.situation.id}`))
  t.notOk(urls.some((u) => u.includes('postcode=') || u.includes('/lookup')), 'no postcode answer')
  t.notOk(has('/v1/helplines'), 'open-now answers are not frozen')
  t.match(result.excluded.find((e) => e.url === '/v1/helplines')?.reason, /clock/)
  t.match(readFileSync(join(out, 'README.md'), 'utf8'), /Open-now answers and postcode lookups are not exportable/)

  const nginx = spawn('nginx', ['-c', join(out, 'nginx.conf'), '-p', join(out, '.nginx'), '-e', join(out, '.nginx', 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let nginxErr = ''
  nginx.stderr.on('data', (c) => { nginxErr += String(c) })
  t.teardown(() => { nginx.kill('SIGQUIT') })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const apiPort = (app.server.address() as { port: number }).port
  for (let i = 0; i < 100; i++) {
    if (await get(port, '/urls.txt').then(() => true, () => false)) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.equal(nginxErr, '', 'nginx starts without a complaint')

  const compared = ['etag', 'content-type', 'content-encoding', 'cache-control', 'vary', 'access-control-allow-origin', 'access-control-expose-headers', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'strict-transport-security', 'cross-origin-resource-policy']
  const mismatches: string[] = []
  const variants: Array<[string, (u: typeof result.urls[number]) => Record<string, string>]> = [
    ['identity', () => ({})], ['br', () => ({ 'accept-encoding': 'gzip, deflate, br' })], ['gzip', () => ({ 'accept-encoding': 'gzip' })], ['304', (u) => ({ 'if-none-match': u.etag })]
  ]
  let checked = 0
  await pool(result.urls, 12, async (u) => {
    for (const [name, headers] of variants) {
      const [api, mirror] = await Promise.all([get(apiPort, u.url, headers(u)), get(port, u.url, headers(u))])
      checked++
      if (api.status !== mirror.status) mismatches.push(`${u.url} ${name}: status ${api.status} / ${mirror.status}`)
      if (!api.body.equals(mirror.body)) mismatches.push(`${u.url} ${name}: body differs`)
      for (const h of compared) if (api.headers[h] !== mirror.headers[h]) mismatches.push(`${u.url} ${name}: ${h} ${String(api.headers[h])} / ${String(mirror.headers[h])}`)
    }
  })
  t.same(mismatches.slice(0, 20), [], `every URL in urls.txt, in four forms (${checked} pairs of answers)`)
  t.ok(checked >= 4 * 250)

  const notHere = await get(port, '/v1/helplines')
  t.equal(notHere.status, 404)
  t.equal(notHere.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(JSON.parse(notHere.body.toString()).status, 404)
  t.equal(notHere.headers['access-control-allow-origin'], '*')
  // The query string is part of the URL: another page, or an extra parameter, is another answer.
  t.equal((await get(port, '/v1/sources?page=2')).headers.etag, result.urls.find((u) => u.url === '/v1/sources?page=2')?.etag)
  t.not((await get(port, '/v1/sources?page=2')).headers.etag, (await get(port, '/v1/sources')).headers.etag)
  t.equal((await get(port, '/v1/sources?page=2&x=1')).status, 404)
  t.equal((await get(port, '/v1/sources?page=99')).status, 404)
  const head = await get(port, '/v1/sources', {}, 'HEAD')
  t.equal(head.status, 200)
  t.equal(head.body.length, 0)
  const preflightHeaders = { origin: 'https://charity.example', 'access-control-request-method': 'GET' }
  const [apiPre, mirrorPre] = await Promise.all([get(apiPort, '/v1/sources', preflightHeaders, 'OPTIONS'), get(port, '/v1/sources', preflightHeaders, 'OPTIONS')])
  t.equal(mirrorPre.status, apiPre.status)
  for (const h of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-max-age']) t.equal(mirrorPre.headers[h], apiPre.headers[h], h)
  t.equal((await get(port, '/v1/sources', {}, 'POST')).status, 405)
})
