import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import t, { type Test } from 'tap'
import { fetchRaw, type RawReply } from '../support/raw-http.js'
import { build, clockAt } from '../helper.js'

// A URL the fast lane has not seen, on a path a route has answered before, is answered by the
// route's own handler run by the lane (src/http/fast-lane.ts, lane-routes.ts), without
// Fastify's per-request machinery. These tests compare, over a socket, what a client receives
// that way with what the route sends through Fastify for the same request.

async function listening (t: Test, config: Parameters<typeof build>[1] = {}) {
  const app = await build(t, config, { clock: clockAt('2026-02-02T10:00:00Z') })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    app,
    async ask (path: string, headers: Record<string, string> = {}, method = 'GET') {
      const before = app.fastLane.hits
      const reply = await fetchRaw(port, path, headers, method)
      return { ...reply, byLane: app.fastLane.hits > before }
    }
  }
}

/** Headers Fastify sends through the routes, asked for with an Accept header the lane leaves alone. */
const VIA_ROUTE = { accept: 'application/json, */*;q=0.1' }
const PER_RESPONSE = new Set(['date', 'ratelimit-remaining', 'ratelimit-reset'])
const comparable = (headers: IncomingHttpHeaders, skip: string[] = []) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name) && !skip.includes(name)).sort(([a], [b]) => a.localeCompare(b)))
const json = (reply: RawReply) => JSON.parse(reply.body.toString())

t.test('answers a new query on a path it has seen by running the route: the same status, headers and bytes', async (t) => {
  const { ask } = await listening(t)
  for (const path of ['/v1/helplines', '/v1/helplines/weekday-line', '/v1/reporting-channels']) await ask(path)
  const urls = [
    '/v1/helplines?nation=scotland',
    '/v1/helplines?q=line',
    '/v1/helplines?q=zz-no-such-words',
    '/v1/helplines?per_page=1&page=2',
    '/v1/helplines?open_now=true&contact_kind=phone',
    '/v1/helplines?at=2026-02-03T12:00:00Z',
    '/v1/helplines?at=2026-02-03T13:00:00%2B01:00&nation=wales',
    '/v1/helplines/weekday-line?at=2026-02-03T09:00:00Z',
    '/v1/helplines?release=2026-01-01&topic=abuse-and-neglect',
    '/v1/reporting-channels?anonymous=true'
  ]
  for (const url of urls) {
    const byLane = await ask(url)
    const byRoute = await ask(url, VIA_ROUTE)
    t.ok(byLane.byLane, `${url}: the lane ran the route`)
    t.notOk(byRoute.byLane)
    t.equal(byLane.status, 200, `${url}: 200`)
    t.equal(byLane.status, byRoute.status)
    t.same(comparable(byLane.headers), comparable(byRoute.headers), `${url}: same headers`)
    t.ok(byLane.body.equals(byRoute.body), `${url}: same bytes`)
    t.match(byLane.headers['ratelimit-remaining'], /^\d+$/, `${url}: counted by the rate limiter`)
  }
})

t.test('sends one encoding, made for the request, that decodes to the same bytes', async (t) => {
  const { ask } = await listening(t)
  await ask('/v1/helplines')
  for (const [url, encoding] of [['/v1/helplines?nation=england', 'br'], ['/v1/helplines?nation=wales', 'gzip'], ['/v1/helplines?at=2026-02-04T11:00:00Z', 'br'], ['/v1/helplines?at=2026-02-04T11:00:01Z', 'gzip']] as const) {
    const encoded = await ask(url, { 'accept-encoding': encoding })
    const plain = await ask(url, VIA_ROUTE)
    t.ok(encoded.byLane, `${url} ${encoding}: by the lane`)
    t.equal(encoded.headers['content-encoding'], encoding)
    t.same(comparable(encoded.headers, ['content-encoding', 'content-length']), comparable(plain.headers, ['content-length']))
    t.equal(Number(encoded.headers['content-length']), encoded.body.length)
    const decoded = encoding === 'br' ? brotliDecompressSync(encoded.body) : gunzipSync(encoded.body)
    t.ok(decoded.equals(plain.body), `${url} ${encoding}: decodes to the identity bytes`)
  }
})

t.test('answers every instant of a status window from one body, each with its own links and ETag', async (t) => {
  const { ask } = await listening(t)
  await ask('/v1/helplines')
  // Tuesday 3 February 2026: the weekday line is open 09:00-17:00 London (GMT).
  const ten = await ask('/v1/helplines?at=2026-02-03T10:00:00Z')
  const half = await ask('/v1/helplines?at=2026-02-03T10:30:00Z')
  const evening = await ask('/v1/helplines?at=2026-02-03T18:00:00Z')
  t.same(json(half).data, json(ten).data, 'the same records, open and closed alike, within the window')
  t.same(json(half).links.self, '/v1/helplines?at=2026-02-03T10%3A30%3A00Z', 'each answer links to its own instant')
  t.same(json(ten).links.self, '/v1/helplines?at=2026-02-03T10%3A00%3A00Z')
  t.not(half.headers.etag, ten.headers.etag, 'different bytes, different ETags')
  t.not(JSON.stringify(json(evening).data), JSON.stringify(json(ten).data), 'another window, another answer')

  // A fresh app asked 10:30 first builds the answer from scratch: the bytes are the same.
  const fresh = await listening(t)
  await fresh.ask('/v1/helplines')
  const direct = await fresh.ask('/v1/helplines?at=2026-02-03T10:30:00Z')
  t.ok(direct.body.equals(half.body), 'filled in from the window\'s body, byte for byte what building it gives')
  t.equal(direct.headers.etag, half.headers.etag)

  const itemTen = await ask('/v1/helplines/weekday-line?at=2026-02-03T10:00:00Z')
  const itemHalf = await ask('/v1/helplines/weekday-line?at=2026-02-03T10:30:00Z')
  t.equal(itemHalf.headers.etag, itemTen.headers.etag, 'an item echoes no instant: one answer for the whole window')
  t.ok(itemHalf.body.equals(itemTen.body))
})

t.test('leaves to Fastify what it would refuse, and what is not a prepared JSON answer', async (t) => {
  const { ask } = await listening(t)
  await ask('/v1/helplines')
  const cases: Array<[string, number, Record<string, string>?, string?]> = [
    ['/v1/helplines?nation=atlantis', 400],
    ['/v1/helplines?colour=blue', 400],
    ['/v1/helplines?page=1e3', 400],
    ['/v1/helplines?at=2026-02-31T10:00:00Z', 400],
    ['/v1/helplines?release=1999-01-01', 404],
    ['/v1/helplines?format=csv', 200],
    ['/v1/helplines?nation=wales', 200, { accept: 'text/csv' }],
    // A raw '#' ends the path for Fastify's router, which answers as it does.
    ['/v1/helplines?nation=wales#fragment', 400],
    ['/v1/helplines?nation=england', 200, {}, 'HEAD']
  ]
  for (const [url, status, headers = {}, method = 'GET'] of cases) {
    const res = await ask(url, headers, method)
    t.notOk(res.byLane, `${method} ${url} ${JSON.stringify(headers)}: left to Fastify`)
    t.equal(res.status, status, `${url}: ${status}`)
    if (status >= 400) t.match(res.headers['content-type'], /^application\/problem\+json/)
  }
})

t.test('counts each request once against the limit, and leaves the 429 to the routes', async (t) => {
  const { ask } = await listening(t, { RATE_LIMIT_MAX: 3, RATE_LIMIT_WINDOW: '1 minute' })
  const first = await ask('/v1/helplines')
  const second = await ask('/v1/helplines?nation=wales')
  const third = await ask('/v1/helplines?at=2026-02-03T10:00:00Z')
  t.same([first.byLane, second.byLane, third.byLane], [false, true, true])
  t.same([first, second, third].map((r) => r.headers['ratelimit-remaining']), ['2', '1', '0'])
  const limited = await ask('/v1/helplines?nation=scotland')
  t.equal(limited.status, 429)
  t.notOk(limited.byLane)
})
