import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { FIXTURE_DATA } from './helper.js'
import { copyFixtureData } from './support/releases.js'
import { saysListening, spawnServer, startServer } from './support/server-process.js'

t.test('starts on the data, answers, and exits 0 on SIGTERM', async (t) => {
  const server = await startServer(t, { DATA_DIR: FIXTURE_DATA })
  const res = await fetch(`${server.url}/health/ready`)
  t.equal(res.status, 200)
  t.match(await res.json(), { status: 'ready', release: '2026-01-01' })
  server.signal('SIGTERM')
  t.equal((await server.exited).code, 0)
})

t.test('refuses to start on broken data: exits non-zero before listening, one line naming the fault', async (t) => {
  const dir = copyFixtureData(t.testdir({}))
  writeFileSync(join(dir, 'releases/2026-01-01/helplines.yaml'), '- id: [broken\n')
  const run = await spawnServer({ DATA_DIR: dir }).exited
  t.not(run.code, 0)
  t.notOk(saysListening(run.stdout))
  t.ok(run.ms < 60_000, 'by itself, not hanging (the bench times start-up)')
  const lines = run.stderr.trim().split('\n')
  t.equal(lines.length, 1)
  t.match(lines[0], /^data error: releases\/2026-01-01\/helplines\.yaml: record \(file\) at \/: sha256 .*\[rule: manifest-hash\]$/)
})

t.test('refuses to start on bad configuration, naming the variable', async (t) => {
  const run = await spawnServer({ DATA_DIR: FIXTURE_DATA, PORT: 'eighty' }).exited
  t.equal(run.code, 1)
  t.match(run.stderr, /Invalid configuration: .*PORT/)
  t.notOk(saysListening(run.stdout))
})
