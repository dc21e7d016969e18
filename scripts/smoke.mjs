// Starts what `npm start` runs (the bundle, with its node flags, after `npm run build`) on a free
// port and checks that it answers a few requests across the app, then stops it with SIGTERM
// and expects exit code 0. .ci/run calls it: the tests run the sources, this runs the bundle.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { startArguments } from './start-command.mjs'

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})
const child = spawn(process.execPath, startArguments(), {
  env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit']
})
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
const base = `http://127.0.0.1:${port}`

const started = Date.now()
for (;;) {
  try {
    if ((await fetch(`${base}/health/ready`)).ok) break
  } catch {}
  if (Date.now() - started > 30_000) throw new Error('the bundled server did not become ready within 30 s')
  await new Promise((resolve) => setTimeout(resolve, 50))
}

const { data: [statistic] } = await (await fetch(`${base}/v1/statistics?per_page=1`)).json()
const checks = [
  ['/', 'application/json'],
  ['/v1/helplines', 'application/json'],
  ['/v1/helplines?format=csv', 'text/csv'],
  ['/v1/local-authorities/lookup?postcode=EH1%201YZ', 'application/json'],
  [`${statistic.links.citation}?style=bibtex`, 'application/json'],
  ['/openapi.yaml', 'application/yaml'],
  ['/docs/', 'text/html']
]
let failed = 0
for (const [path, type] of checks) {
  const res = await fetch(base + path)
  const ok = res.status === 200 && (res.headers.get('content-type') ?? '').startsWith(type)
  if (!ok) failed++
  console.log(`${ok ? 'ok' : 'FAIL'} ${res.status} ${path}`)
}
child.kill('SIGTERM')
const { code, signal } = await exited
console.log(`${code === 0 ? 'ok' : 'FAIL'} exit on SIGTERM: code ${code}, signal ${signal}, ${Date.now() - started} ms after spawn`)
if (failed > 0 || code !== 0) process.exit(1)
