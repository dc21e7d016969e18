import { rmSync } from 'node:fs'
import t from 'tap'
import { build } from './helper.js'
import { copyFixtureData, FIXTURE_RELEASE, releaseDir, addRelease } from './support/releases.js'
import { eventually, startServer, type ListeningServer } from './support/server-process.js'

const NEXT = '2026-02-01'
const AT = 'at=2026-01-05T12:00:00Z'
const NEW_SUMMARY = 'Round-the-clock support for children and young people, anywhere in the UK.'

/** The next release with an invalid phone number: sealed and chained correctly, so only the data is wrong. */
function addBrokenRelease (dataDir: string): void {
  addRelease(dataDir, {
    id: NEXT,
    previous: FIXTURE_RELEASE,
    publishedAt: '2026-02-01T09:00:00Z',
    edits: { 'helplines.yaml': (s) => s.replace('020 7946 0123', '020 7946 012') }
  })
}

/** A good next release: one helpline's summary reworded. */
function addGoodRelease (dataDir: string): void {
  rmSync(releaseDir(dataDir, NEXT), { recursive: true, force: true })
  addRelease(dataDir, {
    id: NEXT,
    previous: FIXTURE_RELEASE,
    publishedAt: '2026-02-01T09:00:00Z',
    summary: 'Fixture release two.',
    edits: { 'helplines.yaml': (s) => s.replace('Round-the-clock support for children, anywhere in the UK.', NEW_SUMMARY) }
  })
}

const BROKEN_LINE = new RegExp(`^releases/${NEXT}/helplines\\.yaml: record "weekday-line" at /1/contacts/0/value: .+ \\[rule: uk-phone\\]$`)

/** Answers that depend only on the release (opening hours asked at a fixed moment). */
const URLS = [
  '/',
  '/v1/releases',
  '/v1/sources',
  `/v1/helplines?${AT}`,
  `/v1/helplines/always-line?${AT}`,
  `/v1/helplines?release=${FIXTURE_RELEASE}&${AT}`
]

interface Answer { status: number, etag: string | null, body: string }

async function fetchAnswer (base: string, url: string): Promise<Answer> {
  const res = await fetch(`${base}${url}`)
  return { status: res.status, etag: res.headers.get('etag'), body: await res.text() }
}

async function snapshot (base: string): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>()
  for (const url of URLS) answers.set(url, await fetchAnswer(base, url))
  return answers
}

/** Fails clearly if the server process has ended (a signal it should survive may have stopped it). */
function assertRunning (server: ListeningServer, after: string): void {
  if (server.child.exitCode === null && server.child.signalCode === null) return
  const last = server.stdout().trim().split('\n').slice(-3).join('\n')
  throw new Error(`the server exited (code ${server.child.exitCode}) after ${after} instead of reloading; last log lines:\n${last}`)
}

interface Readiness { status: string, release: string, releases: number, reasons: string[], last_reload: null | { ok: boolean, error: string | null, at: string } }

async function readiness (base: string): Promise<Readiness> {
  return await (await fetch(`${base}/health/ready`)).json() as Readiness
}

t.test('SIGHUP reloads the data folder of a running server', async (t) => {
  const dataDir = copyFixtureData(t.testdir({}))
  const server: ListeningServer = await startServer(t, { DATA_DIR: dataDir })
  const base = server.url
  const first = await snapshot(base)
  t.equal(JSON.parse(first.get('/')!.body).latest_release.id, FIXTURE_RELEASE)

  await t.test('refuses a broken new release and keeps serving the last good one', async (t) => {
    addBrokenRelease(dataDir)
    server.signal('SIGHUP')
    const ready = await eventually(async () => {
      assertRunning(server, 'SIGHUP')
      const r = await readiness(base).catch(() => undefined)
      return r?.last_reload === null ? undefined : r
    }, 'the reload to be tried')
    t.match(ready, { status: 'degraded', release: FIXTURE_RELEASE, releases: 1, last_reload: { ok: false, at: String } })
    t.match(ready.last_reload?.error, BROKEN_LINE, 'last_reload.error is the one line naming file, record, pointer and rule')
    t.equal(ready.reasons.length, 1, 'one reason')
    t.match(ready.reasons[0], 'data reload refused, still serving the previous data: releases/', 'which names the fault')

    const after = await snapshot(base)
    for (const url of URLS) {
      t.equal(after.get(url)!.status, 200, `${url} is still served`)
      t.equal(after.get(url)!.etag, first.get(url)!.etag, `${url} keeps its ETag`)
      t.equal(after.get(url)!.body, first.get(url)!.body, `${url} keeps its answer`)
    }
    t.equal(JSON.parse(after.get(`/v1/helplines?${AT}`)!.body).meta.release, FIXTURE_RELEASE, 'meta.release does not change')
    t.ok(server.logLines().some((l) => l.level === 50 && /uk-phone/.test(JSON.stringify(l))), 'the refusal is logged as an error')
  })

  await t.test('swaps a good new release in atomically under concurrent requests', async (t) => {
    assertRunning(server, 'the first SIGHUP')
    addGoodRelease(dataDir)
    const before = await snapshot(base)

    // Workers request the answers over and over; SIGHUP goes out once traffic is flowing and
    // they keep going until the new release has been seen a while.
    const answers: Array<{ url: string, answer: Answer | Error }> = []
    let signalled = false
    let newSeen = 0
    const done = () => answers.length >= 200 && newSeen >= 20
    const deadline = Date.now() + 30_000
    const worker = async (w: number) => {
      for (let i = w; !done() && Date.now() < deadline; i++) {
        const url = URLS[i % URLS.length]!
        const answer = await fetchAnswer(base, url).catch((err: Error) => err)
        answers.push({ url, answer })
        if (!(answer instanceof Error) && answer.body !== before.get(url)!.body) newSeen++
        if (!signalled && answers.length >= 50) {
          signalled = true
          server.signal('SIGHUP')
        }
      }
    }
    await Promise.all(Array.from({ length: 25 }, (_, w) => worker(w)))
    assertRunning(server, 'SIGHUP')
    const ready = await readiness(base)
    t.match(ready, { status: 'ready', release: NEXT, releases: 2, reasons: [], last_reload: { ok: true, error: null } })
    const after = await snapshot(base)

    t.ok(answers.length >= 200, `${answers.length} requests made during the swap`)
    const failures = answers.filter(({ answer }) => answer instanceof Error || answer.status !== 200)
    t.same(failures, [], 'no request fails')
    let old = 0
    let fresh = 0
    const mixed = []
    for (const { url, answer } of answers) {
      if (answer instanceof Error) continue
      const same = (a: Answer) => a.body === answer.body && a.etag === answer.etag
      if (same(before.get(url)!)) old++
      else if (same(after.get(url)!)) fresh++
      else mixed.push({ url, answer })
    }
    t.same(mixed, [], 'every answer, with its ETag, is exactly the old release\'s or the new one\'s')
    t.ok(old > 0 && fresh > 0, `the swap happened amid the traffic (${old} old answers, ${fresh} new)`)
    for (const url of URLS) t.not(after.get(url)!.etag, before.get(url)!.etag, `${url} has a new ETag`)

    const root = JSON.parse(after.get('/')!.body)
    t.match(root, { latest_release: { id: NEXT, summary: 'Fixture release two.' }, releases: [NEXT, FIXTURE_RELEASE] })
    const list = JSON.parse(after.get(`/v1/helplines?${AT}`)!.body)
    t.equal(list.meta.release, NEXT, 'lists report the new release')
    t.equal(list.data.find((h: { id: string }) => h.id === 'always-line').summary, NEW_SUMMARY, 'with its data')
    const pinned = JSON.parse(after.get(`/v1/helplines?release=${FIXTURE_RELEASE}&${AT}`)!.body)
    t.equal(pinned.meta.release, FIXTURE_RELEASE, 'the old release is still served on request')
    t.match(pinned.links.self, `release=${FIXTURE_RELEASE}`, 'and its links now pin it')
  })
})

t.test('app.reloadData() swaps in a good release and refuses a broken one', async (t) => {
  const dataDir = copyFixtureData(t.testdir({}))
  const app = await build(t, { DATA_DIR: dataDir })
  const root = await app.inject('/')

  addBrokenRelease(dataDir)
  const refused = await app.reloadData()
  t.match(refused, { ok: false, error: BROKEN_LINE, at: String })
  t.equal(app.lastReload, refused)
  t.match((await app.inject('/health/ready')).json(), { status: 'degraded', release: FIXTURE_RELEASE, last_reload: { ok: false, error: BROKEN_LINE } })
  const still = await app.inject('/')
  t.equal(still.headers.etag, root.headers.etag, 'the ETag does not change')
  t.equal(still.json().latest_release.id, FIXTURE_RELEASE)

  addGoodRelease(dataDir)
  // Requests already in progress when the reload starts, and those after, each see one release.
  const during = Array.from({ length: 50 }, () => app.inject(`/v1/helplines?${AT}`))
  const swapped = await app.reloadData()
  const later = Array.from({ length: 50 }, () => app.inject(`/v1/helplines?${AT}`))
  t.match(swapped, { ok: true, error: null })
  for (const res of await Promise.all([...during, ...later])) {
    t.equal(res.statusCode, 200)
    const body = res.json()
    const summary = body.data.find((h: { id: string }) => h.id === 'always-line').summary
    t.equal(summary === NEW_SUMMARY, body.meta.release === NEXT, `release ${body.meta.release} comes with its own data`)
  }
  t.equal((await Promise.all(later)).every((res) => res.json().meta.release === NEXT), true, 'requests after the reload see the new release')
  t.match((await app.inject('/health/ready')).json(), { status: 'ready', release: NEXT, releases: 2, last_reload: { ok: true, error: null } })
  const next = await app.inject('/')
  t.not(next.headers.etag, root.headers.etag)
  t.match(next.json(), { latest_release: { id: NEXT }, releases: [NEXT, FIXTURE_RELEASE] })
})
