// The app against a bare node:http server replaying the app's own bytes, one core each
// for server and load generator. Run: npm run bench [-- --quick] [-- --json results.json]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { getRaw, type RawReply } from './http-get.js'
import { CONNECTIONS, load, pickTool, toolVersion } from './load.js'
import { geography, machine } from './machine.js'
import { loadTable, median, summarise, table, type Row, type Run } from './report.js'
import { difference, expectedStatus, record, requestHeaders, SCENARIOS, type Recorded } from './scenarios.js'
import { LOAD_CORE, memoryOf, ROOT, SERVER_CORE, startApp, startBare, stop, waitUntilIdle, watchServerCore, type Memory, type Running } from './servers.js'

const COLD_START_TARGET_MS = 1000
const RSS_TARGET_MB = 150

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'string' } } })
const plan = args.quick
  ? { rounds: 1, warmupS: 1, seconds: 2, coldStarts: 3 }
  : { rounds: 3, warmupS: 1, seconds: 5, coldStarts: 5 }

const tool = pickTool()
const host = machine()
console.log(`Safeguarding API bench, ${host.date}${args.quick ? ' (--quick: numbers are rough)' : ''}`)
console.log(`machine: ${host.cpu}, nproc ${host.nproc}, node ${host.node}; server on core ${SERVER_CORE}, load on core ${LOAD_CORE}${host.coresShareAPhysicalCore ? ' (hyperthreads of one physical core)' : ''}`)
console.log(`load: ${toolVersion(tool)}, 1 thread, ${CONNECTIONS} connections, ${plan.warmupS} s warm-up + ${plan.seconds} s per run, ${plan.rounds} round(s) app, bare alternating`)
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
if (tool === 'autocannon') {
  console.log('NOTE: wrk not found, using autocannon, which saturates near 30k req/s here: fast scenarios are capped by the load generator, not the server. apt-get install -y wrk')
}

console.log('\nbuilding (npm run build)…')
const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' })
if (build.status !== 0) {
  console.error(build.stdout, build.stderr)
  process.exit(1)
}

const geo = await geography()
console.log(`geography index (bench/geography.ts): ${geo.heapMb.toFixed(2)} MB heap, ${geo.lookupUs.toFixed(2)} µs per in-process lookup, ${geo.loadMs.toFixed(1)} ms per warm load`)

// Cold start: spawn → first 200 from /health/ready (every release and the geography index
// are loaded and checked before the server listens), then the first data response, then
// until the process goes idle (whatever it prepares in the background after listening).
const starts: Array<{ readyMs: number, firstListMs: number, idleMs: number, readyRssMb: number, idleRssMb: number }> = []
for (let i = 0; i < plan.coldStarts; i++) {
  const app = await startApp()
  const readyRssMb = memoryOf(app.pid).rssMb
  const t = performance.now()
  await getRaw(app.port, '/v1/helplines')
  const firstListMs = performance.now() - t
  const idleAt = await waitUntilIdle(app.pid)
  starts.push({ readyMs: app.startMs, firstListMs, idleMs: idleAt - app.spawnedAt, readyRssMb, idleRssMb: memoryOf(app.pid).rssMb })
  await stop(app)
}
const coldStartMs = median(starts.map((s) => s.readyMs))
const idleMs = median(starts.map((s) => s.idleMs))
console.log(`cold start to first 200 from /health/ready: median ${coldStartMs.toFixed(0)} ms of ${starts.map((s) => s.readyMs.toFixed(0)).join(', ')} (target < ${COLD_START_TARGET_MS} ms: ${coldStartMs < COLD_START_TARGET_MS ? 'PASS' : 'FAIL'})`)
console.log(`then the first GET /v1/helplines: median ${median(starts.map((s) => s.firstListMs)).toFixed(1)} ms`)
console.log(`spawn until the server goes idle (< 3% CPU for 1 s; background warm-up done): median ${(idleMs / 1000).toFixed(1)} s of ${starts.map((s) => (s.idleMs / 1000).toFixed(1)).join(', ')}`)
console.log(`RSS when ready: median ${median(starts.map((s) => s.readyRssMb)).toFixed(1)} MB; once idle: ${median(starts.map((s) => s.idleRssMb)).toFixed(1)} MB`)

// Record the app's answers; the bare server replays exactly these bytes.
const reference = await startApp()
await waitUntilIdle(reference.pid)
const list = await getRaw(reference.port, '/v1/helplines')
const etag = list.header('etag') ?? ''
const keepAlive = Number(/timeout=(\d+)/.exec(list.header('keep-alive') ?? '')?.[1] ?? 5)
const recorded: Recorded[] = []
const replies: RawReply[] = []
for (const scenario of SCENARIOS) {
  const reply = await getRaw(reference.port, scenario.path, requestHeaders(scenario, etag))
  if (reply.status !== expectedStatus(scenario)) throw new Error(`${scenario.name}: app answered ${reply.status}, expected ${expectedStatus(scenario)}`)
  if (scenario.kind === 'br' && reply.header('content-encoding') !== 'br') console.log(`WARNING: ${scenario.name}: app sent no Content-Encoding: br`)
  replies.push(reply)
  recorded.push(record(scenario, reply))
}
await stop(reference)
const dir = mkdtempSync(join(tmpdir(), 'sg-bench-'))
const fixture = join(dir, 'fixture.json')
writeFileSync(fixture, JSON.stringify({ keepAliveTimeoutMs: keepAlive * 1000, responses: recorded }))
console.log('\nresponses: ' + SCENARIOS.map((s, i) => `${s.name} ${replies[i]?.status} ${replies[i]?.body.length} B`).join(', '))

/** Starts one server, checks it answers as recorded, loads every scenario, stops it. */
async function measure (which: 'app' | 'bare'): Promise<{ results: Run[], idle?: Memory, loaded?: Memory }> {
  const server: Running = which === 'app' ? await startApp() : await startBare(fixture, SCENARIOS[0]?.path ?? '/')
  try {
    // Measure the server as it runs for hours, not while it is still preparing responses.
    await waitUntilIdle(server.pid)
    const idle = which === 'app' ? memoryOf(server.pid) : undefined
    for (const [i, scenario] of SCENARIOS.entries()) {
      const diff = difference(replies[i] as RawReply, await getRaw(server.port, scenario.path, requestHeaders(scenario, etag)))
      if (diff !== null && which === 'bare') throw new Error(`bare server differs from the app on ${scenario.name}: ${diff}`)
      if (diff !== null) console.log(`WARNING: the app's answer to ${scenario.name} changed since it was recorded: ${diff}`)
    }
    const results: Run[] = []
    for (const scenario of SCENARIOS) {
      const url = `http://127.0.0.1:${server.port}${scenario.path}`
      const headers = requestHeaders(scenario, etag)
      await load(tool, url, headers, plan.warmupS)
      const core = watchServerCore(server.pid)
      const result = await load(tool, url, headers, plan.seconds)
      const { otherPct, serverCpuMs } = core()
      results.push({ ...result, otherCpuPct: otherPct, cpuUsPerRequest: 1000 * serverCpuMs / Math.max(1, result.requests) })
    }
    return { results, idle, loaded: which === 'app' ? memoryOf(server.pid) : undefined }
  } finally {
    await stop(server)
  }
}

const rows: Row[] = SCENARIOS.map((scenario) => ({ scenario, app: [], bare: [] }))
const memory: Array<{ idle: Memory, loaded: Memory }> = []
for (let round = 1; round <= plan.rounds; round++) {
  for (const which of ['app', 'bare'] as const) {
    process.stdout.write(`round ${round}/${plan.rounds}: ${which}… `)
    const { results, idle, loaded } = await measure(which)
    results.forEach((r, i) => rows[i]?.[which].push(r))
    if (idle !== undefined && loaded !== undefined) memory.push({ idle, loaded })
  }
}
rmSync(dir, { recursive: true })
console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`)

const summaries = rows.map(summarise)
console.log(loadTable(summaries))
console.log('\nmedians over the rounds; ratio = app req/s ÷ bare req/s of the same bytes; other load = most of')
console.log(`core ${SERVER_CORE} that anything but the server took during a run (other processes, steal). Core busy = the`)
console.log('share of a core the server used: well under 100% with little other load means the load generator,')
console.log('not the server, set the pace. CPU µs/req = the server process\'s own CPU time per response: other')
console.log('processes\' time is not in it, though it still moves with the host (caches, neighbours); bare ÷ app')
console.log('of it (cpu ratio) estimates the req/s ratio when each has a whole core.')
for (const s of summaries.filter((s) => s.bareBusyPct < 90)) console.log(`WARNING: ${s.scenario}: the bare server used only ${s.bareBusyPct.toFixed(0)}% of its core, so the load side set its pace: the req/s ratio flatters the app (see cpu ratio)`)
for (const s of summaries.filter((s) => s.otherCpuPct > 5)) console.log(`WARNING: ${s.scenario}: other processes took up to ${s.otherCpuPct.toFixed(0)}% of the server core: the machine was not quiet`)

const mismatched = summaries.filter((s) => Math.abs(s.appBytesPerResponse - s.bareBytesPerResponse) > 0.01 * s.bareBytesPerResponse)
for (const s of mismatched) console.log(`WARNING: ${s.scenario}: app sent ${s.appBytesPerResponse.toFixed(0)} B per response, bare ${s.bareBytesPerResponse.toFixed(0)} B: not the same bytes under load`)
for (const s of summaries.filter((s) => s.errors > 0)) console.log(`WARNING: ${s.scenario}: ${s.errors} socket errors or responses with status ≥ 400 (${(100 * s.errorShare).toFixed(2)}%; 503 = the app's overload guard)`)

const idleRssMb = Math.max(...memory.map((m) => m.idle.rssMb))
const rssMb = Math.max(...memory.map((m) => m.loaded.rssMb))
const peakMb = Math.max(...memory.map((m) => m.loaded.peakMb))
console.log('\n' + table(['figure', 'measured', 'target', 'result'], [
  ['cold start (spawn → /health/ready 200), median', `${coldStartMs.toFixed(0)} ms`, `< ${COLD_START_TARGET_MS} ms`, coldStartMs < COLD_START_TARGET_MS ? 'PASS' : 'FAIL'],
  ['spawn → idle (background warm-up done), median', `${(idleMs / 1000).toFixed(1)} s`, '', ''],
  ['app RSS at first 200 from /health/ready, median', `${median(starts.map((s) => s.readyRssMb)).toFixed(1)} MB`, '', ''],
  ['app RSS warmed up, before load (largest of the rounds)', `${idleRssMb.toFixed(1)} MB`, '', ''],
  ['app RSS after load (VmRSS, largest of the rounds)', `${rssMb.toFixed(1)} MB`, `< ${RSS_TARGET_MB} MB`, rssMb < RSS_TARGET_MB ? 'PASS' : 'FAIL'],
  ['app peak RSS (VmHWM)', `${peakMb.toFixed(1)} MB`, '', ''],
  ['geography index heap', `${geo.heapMb.toFixed(2)} MB`, '', ''],
  ['in-process postcode lookup', `${geo.lookupUs.toFixed(2)} µs`, '', '']
]))

if (args.json !== undefined) {
  writeFileSync(args.json, JSON.stringify({ machine: host, tool: toolVersion(tool), plan, scenarios: summaries, runs: rows.map((r) => ({ scenario: r.scenario.name, app: r.app, bare: r.bare })), coldStart: { medianMs: coldStartMs, idleMedianMs: idleMs, runs: starts }, memory, geography: { heapMb: geo.heapMb, lookupUs: geo.lookupUs, loadMs: geo.loadMs } }, null, 2) + '\n')
  console.log(`\nresults written to ${args.json}`)
}
