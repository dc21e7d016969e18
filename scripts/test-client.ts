/**
 * npm run test:client: builds the typed client, compiles its examples with `tsc --strict`
 * against the built package, starts the API on 127.0.0.1 (a free port), then runs the
 * client's tests and every example online and offline (the API unreachable, the examples
 * answering from a stored offline pack).
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'

const client = join(projectRoot, 'clients', 'typescript')
const node = process.execPath
const run = (args: string[], env: Record<string, string> = {}) => execFileSync(node, args, { cwd: client, stdio: 'inherit', env: { ...process.env, ...env } })
const step = (what: string) => process.stdout.write(`--- client: ${what}\n`)

/** A port nothing listens on: the API "unreachable" for offline runs. */
async function closedPort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

step('type-check (the client and the server code it shares)')
run([join(projectRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'])
step('build')
run(['scripts/build.mjs'])
step('examples compile with tsc --strict')
run([join(projectRoot, 'node_modules/typescript/bin/tsc'), '--strict', '-p', 'examples/tsconfig.json'])

step('start the API on 127.0.0.1')
const server = spawn(node, ['--import', 'tsx', join(projectRoot, 'src/server.ts')], {
  cwd: projectRoot,
  env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', RATE_LIMIT_MAX: '100000' },
  stdio: ['ignore', 'pipe', 'inherit']
})
const listening = new Promise<string>((resolve, reject) => {
  let out = ''
  const timer = setTimeout(() => reject(new Error('the API did not start within 60 s')), 60_000)
  server.stdout.on('data', (chunk) => {
    out += String(chunk)
    const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
    if (found !== null) { clearTimeout(timer); resolve(found[1] as string) }
  })
  server.on('exit', (code) => reject(new Error(`the API exited (${code}) before listening`)))
})
const work = mkdtempSync(join(tmpdir(), 'sg-client-'))
try {
  const url = await listening
  const offlineUrl = `http://127.0.0.1:${await closedPort()}`
  step(`tests (API at ${url})`)
  const tests = readdirSync(join(client, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => join('test', f))
  run([join(projectRoot, 'node_modules/tap/dist/esm/run.mjs'), '--disable-coverage', '--reporter=terse', ...tests], { SAFEGUARDING_API_URL: url, SAFEGUARDING_UNREACHABLE_URL: offlineUrl })

  const examples = readdirSync(join(client, 'examples')).filter((f) => f.endsWith('.ts') && f !== 'connect.ts' && f !== 'download-offline-pack.ts')
  const pack = join(work, 'offline-pack.json')
  step('examples online')
  run(['--import', 'tsx', 'examples/download-offline-pack.ts', pack], { SAFEGUARDING_API_URL: url })
  for (const example of examples) run(['--import', 'tsx', join('examples', example)], { SAFEGUARDING_API_URL: url })
  step(`examples offline (API unreachable at ${offlineUrl}, answers from the stored pack)`)
  for (const example of examples) run(['--import', 'tsx', join('examples', example)], { SAFEGUARDING_API_URL: offlineUrl, SAFEGUARDING_OFFLINE_PACK: pack })
  step('passed')
} finally {
  server.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
}
