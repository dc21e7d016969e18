import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { LOAD_CORE, ROOT } from './servers.js'

const run = promisify(execFile)
const LUA = fileURLToPath(new URL('wrk-report.lua', import.meta.url))

/** A wrk Lua script (bench/lua/) that makes each request's URL, and its arguments. */
export interface UrlScript {
  name: 'distinct-at' | 'distinct-q' | 'distinct-postcodes'
  args: string[]
}

const scripts = new Map<string, string>()
/** The generator with the report's `done` appended: wrk takes one script. */
function scriptFile (name: UrlScript['name']): string {
  let file = scripts.get(name)
  if (file === undefined) {
    file = join(mkdtempSync(join(tmpdir(), 'sg-wrk-')), `${name}.lua`)
    writeFileSync(file, readFileSync(fileURLToPath(new URL(`lua/${name}.lua`, import.meta.url)), 'utf8') + '\n' + readFileSync(LUA, 'utf8'))
    scripts.set(name, file)
  }
  return file
}
const AUTOCANNON = `${ROOT}node_modules/.bin/autocannon`
export const CONNECTIONS = 50

export interface LoadResult {
  requests: number
  rps: number
  p50Ms: number
  p99Ms: number
  /** Mean bytes read per response (headers and body): app and bare should agree. */
  bytesPerResponse: number
  /** Socket errors, and responses with status ≥ 400 (wrk) or not 2xx (autocannon). */
  errors: number
}

export type Tool = 'wrk' | 'autocannon'

export function pickTool (): Tool {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (err) {
    // wrk prints its usage and exits 1 even for --version; only a missing binary is ENOENT.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'autocannon'
  }
  return 'wrk'
}

export function toolVersion (tool: Tool): string {
  if (tool === 'autocannon') return `autocannon ${execFileSync(AUTOCANNON, ['--version']).toString().trim()}`
  try {
    return wrkVersion(execFileSync('wrk', ['--version']).toString())
  } catch (err) {
    return wrkVersion((err as { stdout?: Buffer }).stdout?.toString() ?? '')
  }
}

const wrkVersion = (text: string) => /^wrk \S+/.exec(text)?.[0] ?? 'wrk'

/**
 * Loads one URL with 50 connections from the load core for `seconds`; with a script, each
 * request's URL is the script's (wrk only: the miss scenarios need wrk).
 */
export async function load (tool: Tool, url: string, headers: Record<string, string>, seconds: number, script?: UrlScript): Promise<LoadResult> {
  if (script !== undefined && tool !== 'wrk') throw new Error(`the ${script.name} scenarios need wrk (apt-get install -y wrk)`)
  if (tool === 'wrk') {
    const flags = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`])
    const lua = script === undefined ? [LUA] : [scriptFile(script.name)]
    const extra = script === undefined ? [] : ['--', ...script.args]
    const { stdout } = await run('taskset', ['-c', LOAD_CORE, 'wrk', '-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '5s', '-s', ...lua, ...flags, url, ...extra])
    const line = stdout.split('\n').find((l) => l.startsWith('{'))
    if (line === undefined) throw new Error(`wrk printed no summary:\n${stdout}`)
    const r = JSON.parse(line)
    return {
      requests: r.requests,
      rps: r.requests / (r.duration_us / 1e6),
      p50Ms: r.p50_us / 1000,
      p99Ms: r.p99_us / 1000,
      bytesPerResponse: r.bytes / r.requests,
      errors: r.socket_errors + r.status_errors
    }
  }
  const flags = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`])
  const { stdout } = await run('taskset', ['-c', LOAD_CORE, AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(seconds), '-j', '-n', ...flags, url], { maxBuffer: 1 << 24 })
  const r = JSON.parse(stdout)
  return {
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    bytesPerResponse: r.throughput.total / r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx - (r['3xx'] ?? 0)
  }
}
