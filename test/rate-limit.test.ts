import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { build } from './helper.js'
import { hasRedisServer, startRedis } from './support/redis.js'
import { eventually } from './support/server-process.js'

const LIMITED = { RATE_LIMIT_MAX: 5, RATE_LIMIT_WINDOW: '1 minute' }

/** A request from one client address (TRUST_PROXY is off, so the socket address is the client). */
const from = (app: FastifyInstance, ip: string, url = '/v1/helplines') => app.inject({ url, remoteAddress: ip })

function assertTooMany (t: Test, res: LightMyRequestResponse, max: number) {
  t.equal(res.statusCode, 429)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.match(res.headers['retry-after'], /^\d+$/, 'says when to retry')
  const retryAfter = Number(res.headers['retry-after'])
  t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After is within the window (${retryAfter} s)`)
  t.equal(res.headers['ratelimit-limit'], String(max))
  t.equal(res.headers['ratelimit-remaining'], '0')
  t.match(res.json(), { type: /\/problems\/rate-limited$/, title: 'Too many requests', status: 429, detail: /Too many requests/, request_id: String })
}

t.test('answers 429 problem details with Retry-After once RATE_LIMIT_MAX is passed', async (t) => {
  const app = await build(t, LIMITED)
  for (let i = 1; i <= 5; i++) {
    const res = await from(app, '192.0.2.1')
    t.equal(res.statusCode, 200, `request ${i} is served`)
    t.equal(res.headers['ratelimit-limit'], '5')
    t.equal(res.headers['ratelimit-remaining'], String(5 - i))
    t.match(res.headers['ratelimit-reset'], /^\d+$/)
    t.ok(Number(res.headers['ratelimit-reset']) <= 60, 'the window resets within a minute')
  }
  assertTooMany(t, await from(app, '192.0.2.1'), 5)
  assertTooMany(t, await from(app, '192.0.2.1', '/v1/helplines/always-line'), 5)
  t.equal((await from(app, '192.0.2.2')).statusCode, 200, 'another client is still served')
})

t.test('counts an IPv6 client by its /56, and an IPv4 client the same on a dual-stack socket', async (t) => {
  const app = await build(t, LIMITED)
  const remaining = async (ip: string) => (await from(app, ip)).headers['ratelimit-remaining']
  t.equal(await remaining('2001:db8:1:100::1'), '4')
  t.equal(await remaining('2001:db8:1:1ff::2'), '3', 'another address in the same /56 shares the count')
  t.equal(await remaining('2001:db8:1:200::1'), '4', 'the next /56 has its own count')
  t.equal(await remaining('192.0.2.9'), '4')
  t.equal(await remaining('::ffff:192.0.2.9'), '3', 'the IPv4-mapped form of an address is the same client')
})

t.test('exposes the RateLimit headers to browsers', async (t) => {
  const app = await build(t, LIMITED)
  const res = await app.inject({ url: '/v1/helplines', headers: { origin: 'https://charity.example' } })
  t.match(res.headers['access-control-expose-headers'], /RateLimit-Limit/)
  t.match(res.headers['access-control-expose-headers'], /RateLimit-Remaining/)
  t.match(res.headers['access-control-expose-headers'], /RateLimit-Reset/)
  t.match(res.headers['access-control-expose-headers'], /Retry-After/)
})

t.test('never limits the health endpoints', async (t) => {
  const app = await build(t, LIMITED)
  for (let i = 0; i < 20; i++) {
    for (const url of ['/health/live', '/health/ready']) {
      const res = await from(app, '192.0.2.1', url)
      if (res.statusCode !== 200) t.fail(`${url} answered ${res.statusCode} on request ${i + 1}`)
      t.equal(res.headers['ratelimit-remaining'], undefined, `${url} is not counted`)
    }
  }
  const first = await from(app, '192.0.2.1')
  t.equal(first.statusCode, 200)
  t.equal(first.headers['ratelimit-remaining'], '4', 'health checks used none of the client\'s allowance')
  for (let i = 0; i < 5; i++) await from(app, '192.0.2.1')
  t.equal((await from(app, '192.0.2.1')).statusCode, 429, 'the client is now limited')
  t.equal((await from(app, '192.0.2.1', '/health/live')).statusCode, 200, 'yet its health checks pass')
  t.equal((await from(app, '192.0.2.1', '/health/ready')).statusCode, 200)
})

const haveRedis = hasRedisServer()
const requireRedis = process.env.REQUIRE_REDIS === '1'

t.test('shares one limit between app instances through Redis (REDIS_URL)', {
  skip: !haveRedis && !requireRedis
    ? 'redis-server is not installed: apt-get install redis-server (or set REQUIRE_REDIS=1 to make this a failure)'
    : false
}, async (t) => {
  if (!haveRedis) {
    t.fail('REQUIRE_REDIS=1 but redis-server is not installed: apt-get install redis-server')
    return
  }
  const url = await startRedis(t)
  const max = 6
  // Teardowns run last-registered first: both apps close (and quit Redis) before it stops.
  const a = await build(t, { RATE_LIMIT_MAX: max, RATE_LIMIT_WINDOW: '1 minute', REDIS_URL: url })
  const b = await build(t, { RATE_LIMIT_MAX: max, RATE_LIMIT_WINDOW: '1 minute', REDIS_URL: url })

  // The apps connect to Redis in the background, counting in memory until they do: wait
  // until readiness says each one shares its counters.
  for (const [name, app] of [['a', a], ['b', b]] as const) {
    await eventually(async () => (await app.inject('/health/ready')).json().status === 'ready' ? true : undefined, `app ${name} to connect to Redis`)
  }

  const client = '192.0.2.1'
  const remaining: string[] = []
  for (let i = 0; i < max; i++) {
    const res = await from(i % 2 === 0 ? a : b, client)
    t.equal(res.statusCode, 200, `request ${i + 1} (to app ${i % 2 === 0 ? 'a' : 'b'}) is served`)
    remaining.push(String(res.headers['ratelimit-remaining']))
  }
  t.same(remaining, ['5', '4', '3', '2', '1', '0'], 'both apps count down one allowance')
  assertTooMany(t, await from(a, client), max)
  assertTooMany(t, await from(b, client), max)
  t.equal((await from(b, '192.0.2.2')).statusCode, 200, 'another client is still served')
})
