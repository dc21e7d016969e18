// The app against a bare node:http server replaying the app's own bytes (repeated URLs) and a
// naive one serialising per request (misses: a new URL each request), one core each
// for server and load generator. Run: npm run bench [-- --quick] [-- --json results.json]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { getRaw, type RawReply } from './http-get.js'
import { CONNECTIONS, load, pickTool, toolVersion } from './load.js'
import { geography, machine } from './machine.js'
import { writePostcodeList } from './postcode-keys.js'
import { loadTable, median, summarise, table, type Row, type Run } from './report.js'
import { difference, expectedStatus, POSTCODES, record, requestHeaders, sampleUrl, SCENARIOS, type Recorded, type Scenario } from './scenarios.js'
import { LOAD_CORE, memoryOf, ROOT, SERVER_CORE, startApp, startBare, startNaive, stop, untilReady, waitUntilIdle, watchServerCore, type Memory, type NaiveFixture, type Running } from './servers.js'

const COLD_START_TARGET_MS = 500
/** RSS after the miss scenarios (100,000+ distinct URLs). */
const RSS_TARGET_MB = 200

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'string' }, only: { type: 'string' }, 'no-cold': { type: 'boolean', default: false } } })
const plan = args.quick
  ? { rounds: 1, warmupS: 1, seconds: 2, coldStarts: 3 }
  : { rounds: 3, warmupS: 1, seconds: 5, coldStarts: 5 }
// --only <text>: the scenarios whose name holds it (for working on one; the README's table is from a full run).
const scenarios = SCENARIOS.filter((s) => args.only === undefined || s.name.includes(args.only))

const tool = pickTool()
const host = machine()
console.log(`Safeguarding API bench, ${host.date}${args.quick ? ' (--quick: numbers are rough)' : ''}`)
console.log(`machine: ${host.cpu}, nproc ${host.nproc}, node ${host.node}; server on core ${SERVER_CORE}, load on core ${LOAD_CORE}${host.coresShareAPhysicalCore ? ' (hyperthreads of one physical core)' : ''}`)
console.log(`load: ${toolVersion(tool)}, 1 thread, ${CONNECTIONS} connections, ${plan.warmupS} s warm-up + ${plan.seconds} s per run, ${plan.rounds} round(s) of app, bare, naive in turn`)
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

const dir = mkdtempSync(join(tmpdir(), 'sg-bench-'))
const postcodeFile = join(dir, 'postcodes.txt')
const postcodes = await writePostcodeList(postcodeFile)
POSTCODES.args[0] = postcodeFile
const firstPostcode = readFileSync(postcodeFile, 'utf8').slice(0, 20).split('\n')[0] as string

// Cold start: spawn → the first 200 from /v1/helplines (the latest release and the postcode
// index are checked before the server listens), then until /health/ready says `ready`
// (every older release checked too), then until the process goes idle (whatever it prepares
// in the background after listening).
const starts: Array<{ firstAnswerMs: number, readyMs: number, idleMs: number, firstRssMb: number, idleRssMb: number }> = []
for (let i = 0; i < (args['no-cold'] ? 0 : plan.coldStarts); i++) {
  const app = await startApp('/v1/helplines')
  const firstRssMb = memoryOf(app.pid).rssMb
  const readyAt = await untilReady(app.port)
  const idleAt = await waitUntilIdle(app.pid)
  starts.push({ firstAnswerMs: app.startMs, readyMs: readyAt - app.spawnedAt, idleMs: idleAt - app.spawnedAt, firstRssMb, idleRssMb: memoryOf(app.pid).rssMb })
  await stop(app)
}
const coldStartMs = median(starts.map((s) => s.firstAnswerMs))
const readyMs = median(starts.map((s) => s.readyMs))
const idleMs = median(starts.map((s) => s.idleMs))
if (starts.length > 0) {
  console.log(`cold start, spawn to the first 200 from /v1/helplines: median ${coldStartMs.toFixed(0)} ms of ${starts.map((s) => s.firstAnswerMs.toFixed(0)).join(', ')} (target < ${COLD_START_TARGET_MS} ms: ${coldStartMs < COLD_START_TARGET_MS ? 'PASS' : 'FAIL'})`)
  console.log(`spawn until /health/ready says ready (every release checked): median ${readyMs.toFixed(0)} ms of ${starts.map((s) => s.readyMs.toFixed(0)).join(', ')}`)
  console.log(`spawn until the server goes idle (< 3% CPU for 1 s; background warm-up done): median ${(idleMs / 1000).toFixed(1)} s of ${starts.map((s) => (s.idleMs / 1000).toFixed(1)).join(', ')}`)
  console.log(`RSS at the first answer: median ${median(starts.map((s) => s.firstRssMb)).toFixed(1)} MB; once idle: ${median(starts.map((s) => s.idleRssMb)).toFixed(1)} MB`)
}
console.log(`postcodes for the miss scenario: ${postcodes.units} units of the index, then postcodes made from its ${postcodes.areas} sectors and districts`)

// Record the app's answers; the bare server replays exactly these bytes, and the naive one
// serialises each miss scenario's sample answer afresh per request.
const reference = await startApp()
await waitUntilIdle(reference.pid)
const list = await getRaw(reference.port, '/v1/helplines')
const etag = list.header('etag') ?? ''
const keepAlive = Number(/timeout=(\d+)/.exec(list.header('keep-alive') ?? '')?.[1] ?? 5)
const recorded: Recorded[] = []
const replies: RawReply[] = []
const naive: NaiveFixture = { keepAliveTimeoutMs: keepAlive * 1000, answers: {} }
for (const scenario of scenarios) {
  const url = sampleUrl(scenario, firstPostcode)
  const reply = await getRaw(reference.port, url, requestHeaders(scenario, etag))
  if (reply.status !== expectedStatus(scenario)) throw new Error(`${scenario.name}: app answered ${reply.status}, expected ${expectedStatus(scenario)}`)
  if (scenario.kind === 'br' && reply.body.length >= 512 && reply.header('content-encoding') !== 'br') console.log(`WARNING: ${scenario.name}: app sent no Content-Encoding: br`)
  replies.push(reply)
  if (scenario.script === undefined) recorded.push(record(scenario, reply))
  else naive.answers[naiveKey(url)] = (await getRaw(reference.port, url)).body.toString()
}
await stop(reference)
const fixture = join(dir, 'fixture.json')
writeFileSync(fixture, JSON.stringify({ keepAliveTimeoutMs: keepAlive * 1000, responses: recorded }))
const naiveFixture = join(dir, 'naive.json')
writeFileSync(naiveFixture, JSON.stringify(naive))
console.log('\nresponses: ' + scenarios.map((s, i) => `${s.name} ${replies[i]?.status} ${replies[i]?.body.length} B`).join(', '))

/** How naive-server.mjs finds a URL's answer: path, '?', the parameter names. */
function naiveKey (url: string): string {
  const mark = url.indexOf('?')
  return mark === -1 ? url : `${url.slice(0, mark)}?${[...new URLSearchParams(url.slice(mark + 1)).keys()].sort().join('&')}`
}

/** Which server a scenario's baseline is, and the scenarios each kind of server runs, in order. */
const baselineOf = (s: Scenario): 'bare' | 'naive' => s.script === undefined ? 'bare' : 'naive'
const runsOn = (which: 'app' | 'bare' | 'naive'): Scenario[] => which === 'app' ? scenarios : scenarios.filter((s) => baselineOf(s) === which)

/**
 * Starts one server, checks it answers as recorded, loads its scenarios, stops it. The app
 * runs the repeated scenarios, then the misses (every request a new URL), then the repeated
 * ones marked afterStorm again; its RSS is read after the misses.
 */
async function measure (which: 'app' | 'bare' | 'naive'): Promise<{ results: Map<Scenario, Run>, idle?: Memory, loaded?: Memory, afterMisses?: Memory, distinct: number }> {
  const mine = runsOn(which)
  const first = mine[0]
  const server: Running = which === 'app' ? await startApp() : which === 'bare' ? await startBare(fixture, first?.path ?? '/') : await startNaive(naiveFixture, first === undefined ? '/' : sampleUrl(first, firstPostcode))
  try {
    // Measure the server as it runs for hours, not while it is still preparing responses.
    await waitUntilIdle(server.pid)
    const idle = which === 'app' ? memoryOf(server.pid) : undefined
    for (const scenario of mine.filter((s) => s.script === undefined)) {
      const i = scenarios.indexOf(scenario)
      const diff = difference(replies[i] as RawReply, await getRaw(server.port, scenario.path, requestHeaders(scenario, etag)))
      if (diff !== null && which === 'bare') throw new Error(`bare server differs from the app on ${scenario.name}: ${diff}`)
      if (diff !== null) console.log(`WARNING: the app's answer to ${scenario.name} changed since it was recorded: ${diff}`)
    }
    const results = new Map<Scenario, Run>()
    let distinct = 0
    let afterMisses: Memory | undefined
    for (const scenario of mine) {
      if (which === 'app' && scenario.afterStorm === true && afterMisses === undefined) afterMisses = memoryOf(server.pid)
      const url = `http://127.0.0.1:${server.port}${scenario.path}`
      const headers = requestHeaders(scenario, etag, which === 'naive')
      await load(tool, url, headers, plan.warmupS, scenario.script)
      const core = watchServerCore(server.pid)
      const result = await load(tool, url, headers, plan.seconds, scenario.script)
      const { otherPct, serverCpuMs } = core()
      if (scenario.script !== undefined) distinct += result.requests
      results.set(scenario, { ...result, otherCpuPct: otherPct, cpuUsPerRequest: 1000 * serverCpuMs / Math.max(1, result.requests) })
    }
    if (which === 'app' && afterMisses === undefined) afterMisses = memoryOf(server.pid)
    return { results, idle, loaded: which === 'app' ? memoryOf(server.pid) : undefined, afterMisses, distinct }
  } finally {
    await stop(server)
  }
}

const rows: Row[] = scenarios.map((scenario) => ({ scenario, app: [], base: [] }))
const memory: Array<{ idle: Memory, loaded: Memory, afterMisses: Memory, distinct: number }> = []
const kinds = (['app', 'bare', 'naive'] as const).filter((which) => runsOn(which).length > 0)
for (let round = 1; round <= plan.rounds; round++) {
  for (const which of kinds) {
    process.stdout.write(`round ${round}/${plan.rounds}: ${which}… `)
    const { results, idle, loaded, afterMisses, distinct } = await measure(which)
    for (const row of rows) {
      const run = results.get(row.scenario)
      if (run !== undefined) row[which === 'app' ? 'app' : 'base'].push(run)
    }
    if (idle !== undefined && loaded !== undefined && afterMisses !== undefined) memory.push({ idle, loaded, afterMisses, distinct })
  }
}
rmSync(dir, { recursive: true })
console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`)

const summaries = rows.map(summarise)
console.log(loadTable(summaries))
console.log('\nmedians over the rounds; ratio = app req/s ÷ baseline req/s: the bare server replaying the app\'s bytes for a')
console.log('repeated URL, the naive server (JSON.stringify of the answer per request, identity) for the misses; other load = most of')
console.log(`core ${SERVER_CORE} that anything but the server took during a run (other processes, steal). Core busy = the`)
console.log('share of a core the server used: well under 100% with little other load means the load generator,')
console.log('not the server, set the pace. CPU µs/req = the server process\'s own CPU time per response: other')
console.log('processes\' time is not in it, though it still moves with the host (caches, neighbours); bare ÷ app')
console.log('of it (cpu ratio) estimates the req/s ratio when each has a whole core.')
for (const s of summaries.filter((s) => s.baseBusyPct < 90)) console.log(`WARNING: ${s.scenario}: the ${s.baseline} server used only ${s.baseBusyPct.toFixed(0)}% of its core, so the load side set its pace: the req/s ratio flatters the app (see cpu ratio)`)
for (const s of summaries.filter((s) => s.otherCpuPct > 5)) console.log(`WARNING: ${s.scenario}: other processes took up to ${s.otherCpuPct.toFixed(0)}% of the server core: the machine was not quiet`)

const mismatched = summaries.filter((s) => s.baseline === 'bare' && Math.abs(s.appBytesPerResponse - s.baseBytesPerResponse) > 0.01 * s.baseBytesPerResponse)
for (const s of mismatched) console.log(`WARNING: ${s.scenario}: app sent ${s.appBytesPerResponse.toFixed(0)} B per response, bare ${s.baseBytesPerResponse.toFixed(0)} B: not the same bytes under load`)
for (const s of summaries.filter((s) => s.errors > 0)) console.log(`WARNING: ${s.scenario}: ${s.errors} socket errors or responses with status ≥ 400 (${(100 * s.errorShare).toFixed(2)}%; 503 = the app's overload guard)`)

const maxOf = (values: number[]) => values.length === 0 ? NaN : Math.max(...values)
const idleRssMb = maxOf(memory.map((m) => m.idle.rssMb))
const missRssMb = maxOf(memory.map((m) => m.afterMisses.rssMb))
const rssMb = maxOf(memory.map((m) => m.loaded.rssMb))
const peakMb = maxOf(memory.map((m) => m.loaded.peakMb))
const distinct = Math.min(...memory.map((m) => m.distinct))
const pass = (ok: boolean) => ok ? 'PASS' : 'FAIL'
console.log('\n' + table(['figure', 'measured', 'target', 'result'], [
  ['cold start (spawn → first 200 from /v1/helplines), median', `${coldStartMs.toFixed(0)} ms`, `< ${COLD_START_TARGET_MS} ms`, pass(coldStartMs < COLD_START_TARGET_MS)],
  ['spawn → /health/ready says ready (every release checked), median', `${readyMs.toFixed(0)} ms`, '', ''],
  ['spawn → idle (background warm-up done), median', `${(idleMs / 1000).toFixed(1)} s`, '', ''],
  ['app RSS at the first answer, median', `${median(starts.map((s) => s.firstRssMb)).toFixed(1)} MB`, '', ''],
  ['app RSS warmed up, before load (largest of the rounds)', `${idleRssMb.toFixed(1)} MB`, '', ''],
  [`app RSS after the misses (${distinct.toLocaleString('en-GB')}+ distinct URLs; largest of the rounds)`, `${missRssMb.toFixed(1)} MB`, `< ${RSS_TARGET_MB} MB`, pass(missRssMb < RSS_TARGET_MB && distinct >= 100_000)],
  ['app RSS at the end (VmRSS, largest of the rounds)', `${rssMb.toFixed(1)} MB`, '', ''],
  ['app peak RSS (VmHWM)', `${peakMb.toFixed(1)} MB`, '', ''],
  ['geography index heap', `${geo.heapMb.toFixed(2)} MB`, '', ''],
  ['in-process postcode lookup', `${geo.lookupUs.toFixed(2)} µs`, '', '']
]))

if (args.json !== undefined) {
  writeFileSync(args.json, JSON.stringify({ machine: host, tool: toolVersion(tool), plan, scenarios: summaries, runs: rows.map((r) => ({ scenario: r.scenario.name, app: r.app, baseline: r.base })), coldStart: { medianMs: coldStartMs, readyMedianMs: readyMs, idleMedianMs: idleMs, runs: starts }, memory, geography: { heapMb: geo.heapMb, lookupUs: geo.lookupUs, loadMs: geo.loadMs } }, null, 2) + '\n')
  console.log(`\nresults written to ${args.json}`)
}
