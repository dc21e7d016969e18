import { get, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { build, captureLog, clockAt, REAL_DATA } from '../helper.js'

// The fast lane answers a repeated public GET from prepared bytes before Fastify sees it
// (src/http/fast-lane.ts). It only works over a real socket (inject goes straight to
// Fastify), so these tests listen on 127.0.0.1 and compare what a client receives from the
// lane with what the routes sent for the same request.

interface Reply { status: number, headers: IncomingHttpHeaders, body: Buffer }

function fetchRaw (port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, headers, method, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
  })
}

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
const comparable = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name)).sort(([a], [b]) => a.localeCompare(b)))

t.test('answers a repeated request exactly as the route did: status, headers and bytes', async (t) => {
  const { ask } = await listening(t)
  const paths = [
    '/v1/helplines', '/v1/helplines/weekday-line', '/v1/helplines?nation=scotland&per_page=2',
    '/v1/helplines?open_now=true', '/v1/helplines?release=2026-01-01', '/v1/sources', '/v1/releases', '/'
  ]
  for (const path of paths) {
    const etag = (await ask(path)).headers.etag as string
    t.ok(etag, `${path} has an ETag`)
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
      t.ok(byLane.body.equals(byFastify.body), `${label}: same bytes`)
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

t.test('never remembers a postcode answer (private, personal data)', async (t) => {
  const { app, ask } = await listening(t, { clock: Date.now }, { DATA_DIR: REAL_DATA })
  for (const path of ['/v1/local-authorities/lookup?postcode=SW1A%202AA', '/v1/reporting-routes?situation=online-grooming&postcode=SW1A%202AA']) {
    const first = await ask(path)
    const second = await ask(path)
    t.equal(first.status, 200)
    t.equal(second.headers['cache-control'], 'private, no-store')
    t.notOk(second.byLane, `${path} is answered by Fastify every time`)
  }
  t.equal(app.fastLane.hits, 0)
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
  t.notOk(closed.byLane, 'the first request of the new window goes to the route')
  t.equal(JSON.parse(closed.body.toString()).data.contacts[0].open_now, false)
  t.not(closed.headers.etag, open.headers.etag, 'the ETag changed with the status')
  const again = await ask('/v1/helplines/weekday-line')
  t.ok(again.byLane, 'then the lane serves the new window')
  t.equal(again.headers.etag, closed.headers.etag)
})

t.test('forgets everything when the data is reloaded', async (t) => {
  const { app, ask } = await listening(t)
  await ask('/v1/helplines')
  t.ok((await ask('/v1/helplines')).byLane)
  const outcome = await app.reloadData()
  t.ok(outcome.ok)
  t.notOk((await ask('/v1/helplines')).byLane, 'the new set of releases is asked first')
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
