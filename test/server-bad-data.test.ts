import { rmSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { accepts, freePort, saysListening, sleep, spawnServer } from './support/server-process.js'
import { copyFixtureData, editFile, FIXTURE_RELEASE, releaseDir, reseal } from './support/releases.js'

/**
 * A server on broken data exits by itself instead of hanging. The bound only tells a hang from
 * a slow start (the sources load through tsx, beside other test files on a busy host); how fast
 * it starts is the bench's to show (cold start), not a unit test's.
 */
const EXIT_WITHIN_MS = 60_000

interface Case {
  name: string
  file: string
  /** Breaks the copied fixture release. */
  breakIt: (dataDir: string) => void
  /** Re-hash the manifest after the change, so the release fails for its own reason only. */
  reseal: boolean
  pointer: string
  rule: string
}

const edit = (file: string, from: string, to: string) => (dataDir: string) => editFile(dataDir, FIXTURE_RELEASE, file, (s) => s.replace(from, to))

const CASES: Case[] = [
  { name: 'invalid YAML', file: 'helplines.yaml', breakIt: edit('helplines.yaml', '- id: weekday-line', '- id: [weekday-line'), reseal: true, pointer: '/', rule: 'yaml-syntax' },
  { name: 'schema violation', file: 'helplines.yaml', breakIt: edit('helplines.yaml', '  cost: Calls cost', '  colour: red\n  cost: Calls cost'), reseal: true, pointer: '/1', rule: 'schema:additionalProperties' },
  { name: 'duplicate id', file: 'helplines.yaml', breakIt: edit('helplines.yaml', '- id: evening-line-scotland', '- id: always-line'), reseal: true, pointer: '/2', rule: 'unique-id' },
  { name: 'dangling reference', file: 'helplines.yaml', breakIt: edit('helplines.yaml', 'sources: [fixture-hours]', 'sources: [no-such-source]'), reseal: true, pointer: '/1/contacts/0/sources/0', rule: 'source-exists' },
  { name: 'invalid phone number', file: 'helplines.yaml', breakIt: edit('helplines.yaml', '020 7946 0123', '020 7946 012'), reseal: true, pointer: '/1/contacts/0/value', rule: 'uk-phone' },
  { name: 'http:// URL', file: 'helplines.yaml', breakIt: edit('helplines.yaml', 'https://example.org/chat', 'http://example.org/chat'), reseal: true, pointer: '/0/contacts/1/value', rule: 'https-url' },
  // The spawned server runs on the real clock, so "future" must be far ahead of any test run.
  { name: 'future verified_on', file: 'helplines.yaml', breakIt: edit('helplines.yaml', 'verified_on: 2025-12-01\n  review_by: 2026-06-30', 'verified_on: 2099-01-01\n  review_by: 2099-06-30'), reseal: true, pointer: '/1/verified_on', rule: 'date-not-in-future' },
  { name: 'manifest hash mismatch', file: 'helplines.yaml', breakIt: edit('helplines.yaml', 'Round-the-clock', 'Round the clock'), reseal: false, pointer: '/', rule: 'manifest-hash' },
  { name: 'missing file', file: 'organisations.yaml', breakIt: (dir) => rmSync(join(releaseDir(dir, FIXTURE_RELEASE), 'organisations.yaml')), reseal: false, pointer: '/', rule: 'file-exists' }
]

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

for (const c of CASES) {
  t.test(`exits non-zero by itself without binding its port on ${c.name}, printing one line naming file, pointer and rule`, async (t) => {
    const dir = copyFixtureData(t.testdir({}))
    c.breakIt(dir)
    if (c.reseal) reseal(dir, FIXTURE_RELEASE)
    const port = await freePort()
    const server = spawnServer({ DATA_DIR: dir, PORT: String(port) })

    // Knock on the port for as long as the process lives: nothing may ever answer.
    const knock = { running: true, answered: false }
    const knocking = (async () => {
      while (knock.running) {
        if (await accepts(port)) knock.answered = true
        await sleep(25)
      }
    })()
    const exit = await server.exited
    knock.running = false
    await knocking

    t.not(exit.code, 0, 'exits non-zero')
    t.equal(exit.signal, null, 'exits by itself')
    t.ok(exit.ms < EXIT_WITHIN_MS, `by itself, not hanging (${exit.ms} ms from spawn)`)
    t.notOk(saysListening(exit.stdout + exit.stderr), 'prints no "listening" line')
    t.notOk(knock.answered, `nothing ever accepted a connection on port ${port}`)
    t.equal(exit.stdout, '', 'writes nothing to stdout')
    const lines = exit.stderr.split('\n').filter((l) => l !== '')
    t.equal(lines.length, 1, 'one line on stderr')
    const file = `releases/${FIXTURE_RELEASE}/${c.file}`
    t.match(lines[0], new RegExp(`^data error: ${escape(file)}: record .* at ${escape(c.pointer)}: .+ \\[rule: ${escape(c.rule)}\\]$`),
      `names ${file}, ${c.pointer} and ${c.rule}`)
  })
}
