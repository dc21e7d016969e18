import t from 'tap'
import { loadConfig } from '../src/config.js'
import { build } from './helper.js'
import { eventually, sleep } from './support/server-process.js'

/** overload.ts ignores pressure for this long after ready: start-up's own load is not overload. */
const WARM_UP_MS = 2000
/** Low enough that a saturated loop passes it at once, far above an idle loop's few ms. */
const MAX_EVENT_LOOP_DELAY = 100

/** Blocks the event loop, as a CPU-bound handler or a flood would. */
function busyWait (ms: number): void {
  const end = Date.now() + ms
  while (Date.now() < end) { /* saturate */ }
}

t.test('answers 503 problem details with Retry-After while the event loop is saturated, and recovers', async (t) => {
  const app = await build(t, { MAX_EVENT_LOOP_DELAY })
  await sleep(WARM_UP_MS + 200)
  const before = await app.inject('/v1/helplines')
  t.equal(before.statusCode, 200, 'serves normally before the load')

  // Blocks of 300 ms with barely a breath between: every sample of the loop's delay is high.
  // under-pressure samples once a second; stop as soon as it has seen the load.
  const started = Date.now()
  while (!app.isUnderPressure()) {
    if (Date.now() - started > 15_000) throw new Error('under-pressure never saw the saturated event loop')
    busyWait(300)
    await new Promise((resolve) => setTimeout(resolve, 1))
  }

  t.comment(`saturated after ${Date.now() - started} ms`)
  const during = await app.inject('/v1/helplines')
  t.equal(during.statusCode, 503, 'refuses at once instead of queueing')
  t.match(during.headers['content-type'], /^application\/problem\+json/)
  t.equal(during.headers['retry-after'], '5')
  t.equal(during.headers['cache-control'], 'no-store')
  t.match(during.json(), { type: /\/problems\/overloaded$/, title: 'Service temporarily overloaded', status: 503, detail: /overloaded/, request_id: String })

  // With the load gone, the next samples are low again and requests are served.
  const after = await eventually(async () => {
    const res = await app.inject('/v1/helplines')
    return res.statusCode === 200 ? res : undefined
  }, 'the process to recover', 10_000, 100)
  t.equal(after.statusCode, 200, 'recovers when the load stops')
  t.equal(after.json().meta.release, '2026-01-01')
})

t.test('never refuses with the guard off (MAX_EVENT_LOOP_DELAY=0, as in every other test)', async (t) => {
  const app = await build(t, { MAX_EVENT_LOOP_DELAY: 0 })
  await sleep(WARM_UP_MS + 200)
  for (let i = 0; i < 4; i++) {
    busyWait(600)
    await new Promise((resolve) => setTimeout(resolve, 1))
    const res = await app.inject('/v1/helplines')
    t.equal(res.statusCode, 200, `served after a ${600} ms block (${i + 1})`)
  }
  t.equal(app.isUnderPressure(), false)
})

t.test('the server guards by default (MAX_EVENT_LOOP_DELAY is 1000 ms unless set)', async (t) => {
  t.equal(loadConfig({}).MAX_EVENT_LOOP_DELAY, 1000)
  t.throws(() => loadConfig({ MAX_EVENT_LOOP_DELAY: 'soon' }), /MAX_EVENT_LOOP_DELAY/)
})
