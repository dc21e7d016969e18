import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { compressionSettled } from '../../src/http/background-compression.js'
import { decoded, fetchRaw } from '../support/raw-http.js'
import { build, captureLog, clockAt, REAL_DATA } from '../helper.js'
import { addRelease, copyFixtureData, FIXTURE_RELEASE } from '../support/releases.js'

// The fast lane answers a repeated public GET from prepared bytes before Fastify sees it
// (src/http/fast-lane.ts). It only works over a real socket (inject goes straight to
// Fastify), so these tests listen on 127.0.0.1 and compare what a client receives from the
// lane with what the routes sent for the same request.

async function listening (t: Test, options: Parameters<typeof build>[2] = {}, config: Parameters<typeof build>[1] = {}) {
  let clock = clockAt('2026-02-02T10:00:00Z')
  const app = await build(t, config, { clock: () => clock(), ...options })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    app,
    standAt: (iso: string) => { clock = clockAt(iso) },
    /** A request, and whether the lane (rather than Fastify) answered it. */
    async ask (path: string, headers: Record<string, string> = {}, method = 'GET') {
      const before = app.fastLane.hits
      const reply = await fetchRaw(port, path, headers, method)
      return { ...reply, byLane: app.fastLane.hits > before }
    }
  }
}

/** Headers that differ between any two responses whoever sends them. */
const PER_RESPONSE = new Set(['date', 'ratelimit-remaining', 'ratelimit-reset'])
/**
 * A compressed body's length depends on the level it was made at: on a busy host a best-level
 * copy can land between the two answers of a pair (compared once decoded, below).
 */
const comparable = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers)
    .filter(([name]) => !PER_RESPONSE.has(name) && !(name === 'content-length' && headers['content-encoding'] !== undefined))
    .sort(([a], [b]) => a.localeCompare(b)))

t.test('answers a repeated request exactly as the route did: status, headers and bytes', async (t) => {
  const { ask } = await listening(t)
  const paths = [
    '/v1/helplines', '/v1/helplines/weekday-line', '/v1/helplines?nation=scotland&per_page=2',
    '/v1/helplines?open_now=true', '/v1/helplines?release=2026-01-01', '/v1/sources', '/v1/releases', '/'
  ]
  for (const path of paths) {
    const etag = (await ask(path)).headers.etag as string
    t.ok(etag, `${path} has an ETag`)
    // Asked again, its best-level Brotli and gzip copies are made in the background: wait for
    // them, so that both answers of each pair below are made from the same copies.
    await ask(path)
    await compressionSettled()
    const variants: Array<Record<string, string>> = [
      {}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip, deflate' }, { accept: '*/*' },
      { accept: 'application/json', 'accept-encoding': 'gzip;q=0.5, br;q=0' }, { 'if-none-match': etag }, { 'if-none-match': '"other"' }
    ]
    for (const headers of variants) {
      const label = `${path} ${JSON.stringify(headers)}`
      // The first of a pair may or may not come through the lane (the URL is known by now);
      // force Fastify by asking with a header the lane leaves alone, then ask plainly.
      const byFastify = await ask(path, { ...headers, accept: headers.accept === '*/*' ? 'application/json;q=1' : 'application/json, */*;q=0.1' })
      const byLane = await ask(path, headers)
      t.notOk(byFastify.byLane, `${label}: Fastify answered the first`)
      t.ok(byLane.byLane, `${label}: the lane answered the second`)
      t.equal(byLane.status, byFastify.status, `${label}: same status`)
      t.same(comparable(byLane.headers), comparable(byFastify.headers), `${label}: same headers`)
      // Compressed, the same bytes once decoded (see comparable).
      t.ok(decoded(byLane).equals(decoded(byFastify)), `${label}: same bytes`)
      t.match(byLane.headers['ratelimit-remaining'], /^\d+$/, `${label}: counted by the rate limiter`)
    }
  }
})

t.test('leaves to Fastify what it must not answer', async (t) => {
  const { ask } = await listening(t)
  const twice = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    await ask(path, headers, method)
    return ask(path, headers, method)
  }
  t.notOk((await twice('/v1/helplines', { accept: 'text/csv' })).byLane, 'CSV')
  t.notOk((await twice('/v1/helplines?format=csv')).byLane, '?format=csv')
  t.notOk((await twice('/v1/helplines', {}, 'HEAD')).byLane, 'HEAD')
  t.notOk((await twice('/v1/helplines?nation=atlantis')).byLane, 'a 400')
  t.notOk((await twice('/v1/helplines/no-such-line')).byLane, 'a 404')
  t.notOk((await twice('/health/ready')).byLane, 'health')
  const options = await twice('/v1/helplines', { origin: 'https://charity.example', 'access-control-request-method': 'GET' }, 'OPTIONS')
  t.notOk(options.byLane, 'a CORS preflight')
  t.equal(options.status, 204)
  t.equal((await twice('/v1/helplines', {}, 'POST')).status, 405, 'a write is still refused')
})

t.test('answers repeated postcode questions by what the postcode resolved to, never by the postcode', async (t) => {
  const { ask } = await listening(t, { clock: Date.now }, { DATA_DIR: REAL_DATA })
  const routes = [
    { first: '/v1/local-authorities/lookup?postcode=SW1A%202AA', same: '/v1/local-authorities/lookup?postcode=sw1a2aa' },
    { first: '/v1/reporting-routes?situation=online-grooming&postcode=SW1A%202AA', same: '/v1/reporting-routes?postcode=sw1a+2aa&situation=online-grooming' }
  ]
  for (const { first, same } of routes) {
    const byFastify = await ask(first)
    t.equal(byFastify.status, 200)
    t.notOk(byFastify.byLane, `${first}: the route answers first`)
    const variants: Array<Record<string, string>> = [{}, { 'accept-encoding': 'br' }, { 'if-none-match': byFastify.headers.etag as string }]
    for (const headers of variants) {
      const fromRoute = await ask(first, { ...headers, accept: 'application/json, */*;q=0.1' })
      const fromLane = await ask(first, headers)
      t.notOk(fromRoute.byLane)
      t.ok(fromLane.byLane, `${first} ${JSON.stringify(headers)}: then the lane`)
      t.equal(fromLane.status, fromRoute.status)
      t.same(comparable(fromLane.headers), comparable(fromRoute.headers), 'same headers')
      t.ok(fromLane.body.equals(fromRoute.body), 'same bytes')
      t.equal(fromLane.headers['cache-control'], 'private, no-store')
    }
    // Another spelling of the postcode is a URL the lane has never seen: it still knows the
    // answer, because it looks the postcode up and uses the route's key for the result.
    const respelt = await ask(same)
    t.ok(respelt.byLane, `${same}: answered from the result, not the URL`)
    t.ok(respelt.body.equals(byFastify.body))
  }
  // Other questions about a postcode are answered by the route's own handler, run by the lane
  // (the URL is not kept): exactly as the route answers them.
  const ranByLane = [
    '/v1/local-authorities/lookup?postcode=SW1A%202AA&release=2026-11-28',
    '/v1/local-authorities/lookup?postcode=SW1A%202AA&at=2026-12-25T10:00:00Z',
    '/v1/reporting-routes?situation=online-grooming&postcode=SW1A%202AA&nation=england'
  ]
  for (const path of ranByLane) {
    const byLane = await ask(path)
    const byRoute = await ask(path, { accept: 'application/json, */*;q=0.1' })
    t.ok(byLane.byLane, `${path}: run by the lane`)
    t.notOk(byRoute.byLane)
    t.equal(byLane.status, 200)
    t.same(comparable(byLane.headers), comparable(byRoute.headers), `${path}: same headers`)
    t.ok(byLane.body.equals(byRoute.body), `${path}: same bytes`)
  }
  const routeOnly = [
    '/v1/local-authorities/lookup?postcode=SW1A%202AA&postcode=EH1%201YZ',
    '/v1/reporting-routes?situation=no-such-situation&postcode=SW1A%202AA'
  ]
  for (const path of routeOnly) {
    await ask(path)
    t.notOk((await ask(path)).byLane, `${path}: left to the route`)
  }
  const bad = await ask('/v1/local-authorities/lookup?postcode=%3Cscript%3E')
  t.equal(bad.status, 400, 'a bad postcode still gets the route\'s problem details')
  t.match(bad.headers['content-type'], /^application\/problem\+json/)
})

t.test('leaves postcode answers to the route when an upstream postcode service is configured', async (t) => {
  const { ask } = await listening(t, { clock: Date.now }, { DATA_DIR: REAL_DATA, POSTCODES_IO_URL: 'http://127.0.0.1:9' })
  const path = '/v1/local-authorities/lookup?postcode=SW1A%202AA'
  t.equal((await ask(path)).status, 200)
  t.notOk((await ask(path)).byLane)
})

t.test('shares the rate limit with the routes, and leaves the 429 to them', async (t) => {
  const { ask } = await listening(t, {}, { RATE_LIMIT_MAX: 3, RATE_LIMIT_WINDOW: '1 minute' })
  const remaining: string[] = []
  const lane: boolean[] = []
  for (let i = 0; i < 3; i++) {
    const res = await ask('/v1/helplines')
    t.equal(res.status, 200)
    remaining.push(res.headers['ratelimit-remaining'] as string)
    lane.push(res.byLane)
  }
  t.same(remaining, ['2', '1', '0'], 'one count per request, whoever answered')
  t.same(lane, [false, true, true])
  const limited = await ask('/v1/helplines')
  t.equal(limited.status, 429)
  t.notOk(limited.byLane)
  t.match(limited.headers['content-type'], /^application\/problem\+json/)
  t.match(limited.headers['retry-after'], /^\d+$/)
})

t.test('stops using an answer when its time window ends', async (t) => {
  const { ask, standAt } = await listening(t)
  // Monday 10:00 London: the weekday line is open until 17:00.
  standAt('2026-02-02T10:00:00Z')
  await ask('/v1/helplines/weekday-line')
  const open = await ask('/v1/helplines/weekday-line')
  t.ok(open.byLane)
  t.equal(JSON.parse(open.body.toString()).data.contacts[0].open_now, true)
  standAt('2026-02-02T17:00:00Z')
  const closed = await ask('/v1/helplines/weekday-line')
  t.ok(closed.byLane, 'the lane runs the route for the new window')
  t.equal(JSON.parse(closed.body.toString()).data.contacts[0].open_now, false)
  t.not(closed.headers.etag, open.headers.etag, 'the ETag changed with the status')
  const again = await ask('/v1/helplines/weekday-line')
  t.ok(again.byLane, 'then the lane serves the new window')
  t.equal(again.headers.etag, closed.headers.etag)
})

t.test('forgets every answer when the data is reloaded, and answers from the new releases', async (t) => {
  const dataDir = copyFixtureData(t.testdir({}))
  const { app, ask } = await listening(t, {}, { DATA_DIR: dataDir })
  const before = await ask('/v1/helplines')
  t.ok((await ask('/v1/helplines')).byLane)
  addRelease(dataDir, { id: '2026-02-01', previous: FIXTURE_RELEASE, publishedAt: '2026-02-01T09:00:00Z' })
  const outcome = await app.reloadData()
  t.ok(outcome.ok)
  const after = await ask('/v1/helplines')
  t.equal(JSON.parse(after.body.toString()).meta.release, '2026-02-01', 'the new release answers at once')
  t.not(after.headers.etag, before.headers.etag)
  t.ok((await ask('/v1/helplines')).byLane)
})

t.test('logs its answers like the routes do, with nothing about the person asking', async (t) => {
  const log = captureLog()
  const { app, ask } = await listening(t, { logStream: log.stream }, { LOG_LEVEL: 'info' })
  const canary = 'CANARY-Q-7781'
  const headers = { 'user-agent': 'CANARY-UA', referer: 'https://canary.example/CANARY-REF', 'x-forwarded-for': '203.0.113.77' }
  await ask(`/v1/helplines?q=${canary}`, headers)
  const laned = await ask(`/v1/helplines?q=${canary}`, headers)
  t.ok(laned.byLane)
  const lines = log.lines().filter((l) => l.msg === 'request completed')
  t.equal(lines.length, 2)
  const [byRoute, byLane] = lines as [Record<string, unknown>, Record<string, unknown>]
  t.same(byLane.req, byRoute.req, 'method and route template, as the route logs it')
  t.same(byLane.res, { status: 200 })
  t.type(byLane.reqId, 'string')
  t.type(byLane.ms, 'number')
  for (const secret of [canary, 'CANARY-UA', 'CANARY-REF', '203.0.113.77']) {
    t.notOk(log.text().includes(secret), `the log does not hold ${secret}`)
  }
  // The server's own address is logged once, at listen; a client's never.
  t.notOk(JSON.stringify(lines).includes('127.0.0.1'), 'no request line holds the client address')
  await app.close()
})

t.test('answers nothing once the app is closing', async (t) => {
  const { app, ask } = await listening(t)
  await ask('/v1/helplines')
  t.ok((await ask('/v1/helplines')).byLane)
  await app.close()
  await t.rejects(ask('/v1/helplines'), 'the port is closed')
})
