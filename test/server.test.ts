import { spawn } from 'node:child_process'
import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { projectRoot } from '../src/paths.js'
import { FIXTURE_DATA } from './helper.js'

interface Run { code: number | null, stdout: string, stderr: string, ms: number }

/** Starts src/server.ts as a real process; `whenListening` runs once it logs its address. */
function runServer (env: Record<string, string>, whenListening?: (url: string, stop: () => void) => Promise<void>): Promise<Run> {
  const started = Date.now()
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/server.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env }
  })
  let stdout = ''
  let stderr = ''
  let listening = false
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk)
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
      if (match !== null && !listening) {
        listening = true
        whenListening?.(match[1] as string, () => child.kill('SIGTERM')).catch(reject)
      }
    })
    child.stderr.on('data', (chunk) => { stderr += String(chunk) })
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }))
  })
}

t.test('starts on the data, answers, and exits 0 on SIGTERM', async (t) => {
  const run = await runServer({ DATA_DIR: FIXTURE_DATA }, async (url, stop) => {
    const res = await fetch(`${url}/health/ready`)
    t.equal(res.status, 200)
    t.match(await res.json(), { status: 'ready', release: '2026-01-01' })
    stop()
  })
  t.equal(run.code, 0)
})

t.test('refuses to start on broken data: exits non-zero before listening, one line naming the fault', async (t) => {
  const dir = t.testdir({})
  cpSync(FIXTURE_DATA, dir, { recursive: true })
  writeFileSync(join(dir, 'releases/2026-01-01/helplines.yaml'), '- id: [broken\n')
  const run = await runServer({ DATA_DIR: dir })
  t.not(run.code, 0)
  t.notMatch(run.stdout, /listening/i)
  t.ok(run.ms < 5000, 'within 5 s')
  const lines = run.stderr.trim().split('\n')
  t.equal(lines.length, 1)
  t.match(lines[0], /^data error: releases\/2026-01-01\/helplines\.yaml: record \(file\) at \/: sha256 .*\[rule: manifest-hash\]$/)
})

t.test('refuses to start on bad configuration, naming the variable', async (t) => {
  const run = await runServer({ DATA_DIR: FIXTURE_DATA, PORT: 'eighty' })
  t.equal(run.code, 1)
  t.match(run.stderr, /Invalid configuration: .*PORT/)
  t.notMatch(run.stdout, /listening/i)
})
