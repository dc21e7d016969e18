import t, { type Test } from 'tap'
import { loadLatestFirst, type BootData } from '../../src/catalogue/boot-data.js'
import { describeSchedule } from '../../src/domain/schedule/index.js'
import { build, clockAt } from '../helper.js'
import { addRelease, copyFixtureData, editFile, FIXTURE_RELEASE } from '../support/releases.js'

// A server serves the latest release while it checks the older ones (src/server.ts,
// boot-data.ts): readiness says `starting`, a request pinned to one of them is told to come
// back, and one that fails its checks is never served.

const NEXT = '2026-02-01'
const CLOCK = clockAt('2026-02-02T10:00:00Z')

async function booted (t: Test, broken = false): Promise<{ boot: BootData, dir: string }> {
  const dir = copyFixtureData(t.testdir({}))
  addRelease(dir, { id: NEXT, previous: FIXTURE_RELEASE, publishedAt: '2026-02-01T09:00:00Z' })
  if (broken) editFile(dir, FIXTURE_RELEASE, 'helplines.yaml', (s) => s.replace('020 7946 0123', '020 7946 012'))
  return { boot: await loadLatestFirst(dir, { linkBase: '', today: '2026-02-02', describeSchedule }, undefined), dir }
}

t.test('answers from the latest release at once; one still being checked gets 503 with Retry-After', async (t) => {
  const { boot, dir } = await booted(t)
  let open = () => {}
  const gate = new Promise<void>((resolve) => { open = resolve })
  const app = await build(t, { DATA_DIR: dir }, { clock: CLOCK, catalogues: boot.set, laterReleases: { ids: boot.later, finish: async () => { await gate; return boot.finish() } } })

  t.match((await app.inject('/health/ready')).json(), { status: 'starting', release: NEXT, releases: 1, reasons: [`checking the older releases: ${FIXTURE_RELEASE}`] })
  t.equal((await app.inject('/v1/helplines')).json().meta.release, NEXT, 'the latest is served')
  const pinned = await app.inject(`/v1/helplines?release=${FIXTURE_RELEASE}`)
  t.equal(pinned.statusCode, 503)
  t.match(pinned.headers['content-type'], /^application\/problem\+json/)
  t.equal(pinned.headers['retry-after'], '2')
  t.match(pinned.json(), { status: 503, title: 'Service unavailable', detail: `Release ${FIXTURE_RELEASE} is still being checked after start-up: try again after the time in Retry-After` })
  t.equal((await app.inject('/v1/helplines?release=1999-01-01')).statusCode, 404, 'a release it does not hold is still unknown')

  const checking = app.checkLaterReleases()
  open()
  await checking
  t.match((await app.inject('/health/ready')).json(), { status: 'ready', releases: 2, reasons: [] })
  const now = await app.inject(`/v1/helplines?release=${FIXTURE_RELEASE}`)
  t.equal(now.statusCode, 200)
  t.equal(now.json().meta.release, FIXTURE_RELEASE)
})

t.test('never serves an older release that fails its checks, and says so in readiness', async (t) => {
  const { boot, dir } = await booted(t, true)
  const app = await build(t, { DATA_DIR: dir }, { clock: CLOCK, catalogues: boot.set, laterReleases: { ids: boot.later, finish: boot.finish } })
  await app.checkLaterReleases()
  const ready = (await app.inject('/health/ready')).json()
  t.match(ready, { status: 'degraded', release: NEXT, releases: 1 })
  t.match(ready.reasons, [new RegExp(`^release ${FIXTURE_RELEASE} failed its checks and is not served: releases/${FIXTURE_RELEASE}/helplines\\.yaml: .+\\[rule: manifest-hash\\]$`)])
  t.equal((await app.inject(`/v1/helplines?release=${FIXTURE_RELEASE}`)).statusCode, 404, 'not served')
  t.equal((await app.inject('/v1/helplines')).statusCode, 200, 'the latest is')
})
