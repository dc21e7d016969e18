import t, { type Test } from 'tap'
import { FIXTURE_DATA } from './helper.js'
import { hasRedisServer, redisServer, redisValues } from './support/redis.js'
import { eventually, startServer } from './support/server-process.js'

// Redis is optional shared state: when it is unreachable, at boot or later, the API keeps
// answering and counting in memory (fail open), says so once in the log and in readiness,
// and shares its counters again when Redis is back. A real redis-server is stopped and
// started under a real server process, whose stderr is read too.

const haveRedis = hasRedisServer()
const requireRedis = process.env.REQUIRE_REDIS === '1'
const MAX = 50
const COUNTERS = 'safeguarding-api:rate:*'

interface Readiness { status: string, reasons: string[] }

t.test('keeps answering with in-memory counters while Redis is down, and shares them again when it is back', {
  skip: !haveRedis && !requireRedis ? 'redis-server is not installed: apt-get install redis-server (or set REQUIRE_REDIS=1 to make this a failure)' : false
}, async (t) => {
  if (!haveRedis) {
    t.fail('REQUIRE_REDIS=1 but redis-server is not installed: apt-get install redis-server')
    return
  }
  const redis = await redisServer(t)
  // Redis is not running yet: the server boots without it.
  const server = await startServer(t, { DATA_DIR: FIXTURE_DATA, REDIS_URL: redis.url, RATE_LIMIT_MAX: String(MAX) })
  const readiness = async () => await (await fetch(`${server.url}/health/ready`)).json() as Readiness
  const remaining = async (t: Test) => {
    const res = await fetch(`${server.url}/v1/helplines`)
    await res.arrayBuffer()
    t.equal(res.status, 200, 'served')
    return Number(res.headers.get('ratelimit-remaining'))
  }
  const warnings = () => server.logLines().filter((l) => l.level === 40 && /Redis unreachable/.test(String(l.msg)))
  const recoveries = () => server.logLines().filter((l) => /Redis reachable again/.test(String(l.msg)))

  await t.test('unreachable at boot: serves, counts in memory, readiness degraded', async (t) => {
    const ready = await eventually(async () => { const r = await readiness(); return r.status === 'degraded' ? r : undefined }, 'readiness to say degraded')
    t.match(ready.reasons, [/^rate-limit counters: Redis unreachable \(.+\); counting in this process's memory until it is back$/])
    const first = await remaining(t)
    const second = await remaining(t)
    t.equal(first, MAX - 1, 'the first request is counted')
    t.equal(second, MAX - 2, 'and the next, in memory')
    t.equal(warnings().length, 1, 'one warning, however many reconnection attempts fail')
    t.match(warnings()[0], { redis: { reason: String } })
  })

  await t.test('Redis starts: readiness ready, counters shared in Redis', async (t) => {
    await redis.start()
    await eventually(async () => (await readiness()).status === 'ready' ? true : undefined, 'readiness to say ready', 15_000, 100)
    t.same((await readiness()).reasons, [])
    t.equal(await remaining(t), MAX - 1, 'counting starts afresh in Redis')
    t.same(Object.values(await redisValues(redis.url, COUNTERS)), ['1'], 'the count is in Redis')
    t.equal(await remaining(t), MAX - 2)
    t.same(Object.values(await redisValues(redis.url, COUNTERS)), ['2'])
    t.equal(recoveries().length, 1, 'one line says the counters are shared again')
  })

  await t.test('Redis stops: still serving, counting in memory again, degraded', async (t) => {
    await redis.stop()
    const counts = [await remaining(t), await remaining(t), await remaining(t)]
    t.ok(counts.every((c) => c < MAX && c >= 0), `counted (${counts.join(', ')})`)
    t.ok(counts[2]! < counts[1]!, 'in memory while Redis is gone')
    const ready = await eventually(async () => { const r = await readiness(); return r.status === 'degraded' ? r : undefined }, 'readiness to say degraded')
    t.match(ready.reasons, [/Redis unreachable/])
    t.equal(warnings().length, 2, 'one more warning for this outage')
  })

  await t.test('Redis is back again: shared again', async (t) => {
    await redis.start()
    await eventually(async () => (await readiness()).status === 'ready' ? true : undefined, 'readiness to say ready', 15_000, 100)
    t.equal(await remaining(t), MAX - 1)
    t.same(Object.values(await redisValues(redis.url, COUNTERS)), ['1'])
  })

  t.notMatch(server.stderr(), /ioredis|Unhandled error/i, 'nothing from ioredis on stderr')
  t.equal(server.stderr().trim(), '', 'stderr is empty')
})
