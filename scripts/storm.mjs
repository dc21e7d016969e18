// A storm of distinct URLs against what `npm start` runs (after `npm run build`): 100,000
// requests, each a URL never asked before (a new ?at= instant, a new ?q= text, a new
// postcode, in turn), 32 at a time. Passes when the server answered every one, its RSS
// stayed under 200 MB (its caches are bounded by bytes and keep an answer only when its
// question comes again), and a URL asked before the storm is answered the same after it.
// .ci/run calls it after the smoke test; `npm run bench` measures the speed around it.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Agent, get } from 'node:http'
import { createServer } from 'node:net'
import { startArguments } from './start-command.mjs'

const REQUESTS = 100_000
const CONCURRENCY = 32
const RSS_LIMIT_MB = 200

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})
const child = spawn(process.execPath, startArguments(), {
  env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000000' },
  stdio: ['ignore', 'inherit', 'inherit']
})
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })

/** One GET; resolves with status and body. */
function ask (path) {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

const rssMb = () => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024
const started = Date.now()
for (;;) {
  const ready = await ask('/health/ready').catch(() => undefined)
  if (ready?.status === 200 && JSON.parse(ready.body).status === 'ready') break
  if (Date.now() - started > 30_000) throw new Error('the server was not ready within 30 s')
  await new Promise((resolve) => setTimeout(resolve, 50))
}

// At a fixed instant, so that an opening hour ending during the storm changes nothing.
const repeated = ['/v1/helplines?at=2026-12-02T10:00:00Z', '/v1/local-authorities/lookup?postcode=SW1A%202AA&at=2026-12-02T10:00:00Z']
const before = await Promise.all(repeated.map(ask))
const rssBefore = rssMb()

const week = 7 * 86_400
const start = Date.parse('2026-11-30T00:00:00Z') / 1000
const letters = 'ABDEFGHJLNPQRSTUWXYZ'
const outwards = ['SW1A', 'EH1', 'CF10', 'BT1', 'M1', 'LS1', 'B1', 'G1', 'NE1', 'BS1', 'L1', 'S1', 'NG1', 'CB2', 'OX1', 'YO1']
function urlOf (n) {
  if (n % 3 === 0) return `/v1/helplines?at=${new Date((start + (n * 7919) % week) * 1000).toISOString().replace('.000Z', 'Z')}`
  if (n % 3 === 1) return `/v1/helplines?q=zq${n}`
  const k = Math.floor(n / 3)
  return `/v1/local-authorities/lookup?postcode=${outwards[k % outwards.length]}%20${k % 10}${letters[Math.floor(k / 10) % 20]}${letters[Math.floor(k / 200) % 20]}`
}

let next = 0
let failed = 0
let peakMb = rssBefore
const worker = async () => {
  while (next < REQUESTS) {
    const n = next++
    const { status } = await ask(urlOf(n))
    if (status !== 200) failed++
    if (n % 5000 === 0) peakMb = Math.max(peakMb, rssMb())
  }
}
const stormStarted = Date.now()
await Promise.all(Array.from({ length: CONCURRENCY }, worker))
const seconds = (Date.now() - stormStarted) / 1000
const rssAfter = rssMb()
peakMb = Math.max(peakMb, rssAfter)
const after = await Promise.all(repeated.map(ask))

const checks = [
  [failed === 0, `${REQUESTS.toLocaleString('en-GB')} distinct URLs in ${seconds.toFixed(1)} s (${Math.round(REQUESTS / seconds).toLocaleString('en-GB')} req/s), ${failed} not answered 200`],
  [peakMb < RSS_LIMIT_MB, `RSS ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after, ${peakMb.toFixed(0)} MB at most (limit ${RSS_LIMIT_MB} MB)`],
  ...repeated.map((path, i) => [after[i].status === 200 && after[i].body.equals(before[i].body), `${path} answered the same after the storm`])
]
for (const [ok, what] of checks) console.log(`${ok ? 'ok' : 'FAIL'} ${what}`)
agent.destroy()
child.kill('SIGTERM')
await exited
if (checks.some(([ok]) => !ok)) process.exit(1)
