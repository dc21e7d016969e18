import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startArguments } from '../scripts/start-command.mjs'
import { getRaw } from './http-get.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The server under test runs on this core; the load generator on LOAD_CORE. */
export const SERVER_CORE = '0'
export const LOAD_CORE = '1'

export interface Running {
  child: ChildProcess
  pid: number
  port: number
  /** performance.now() at spawn. */
  spawnedAt: number
  /** ms from spawn until the ready path first answered 200. */
  startMs: number
}

/** Every miss scenario's answer (for the naive server), keyed as naive-server.mjs looks them up. */
export interface NaiveFixture {
  keepAliveTimeoutMs: number
  answers: Record<string, string>
}

/** A port nothing listens on right now. */
export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function start (args: string[], env: NodeJS.ProcessEnv, port: number, readyPath: string): Promise<Running> {
  const started = performance.now()
  const child = spawn('taskset', ['-c', SERVER_CORE, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  let exited = false
  child.on('exit', () => { exited = true })
  while (performance.now() - started < 30_000) {
    if (exited) throw new Error(`${args.join(' ')} exited before it was ready:\n${stderr}`)
    try {
      const reply = await getRaw(port, readyPath)
      if (reply.status === 200) {
        return { child, pid: child.pid as number, port, spawnedAt: started, startMs: performance.now() - started }
      }
    } catch {
      // not listening yet
    }
    await sleep(2)
  }
  child.kill('SIGKILL')
  throw new Error(`${args.join(' ')} not ready after 30 s:\n${stderr}`)
}

/**
 * The app as `npm start` runs it (the bundle with the same node flags), pinned to the server
 * core; resolves once `readyPath` answers 200 (the first answer: cold start).
 */
export async function startApp (readyPath = '/health/ready'): Promise<Running> {
  const port = await freePort()
  const env = { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000000' }
  return start(['node', ...startArguments()], env, port, readyPath)
}

/** The naive JSON.stringify server on the same core (naive-server.mjs). */
export async function startNaive (fixtureFile: string, readyPath: string): Promise<Running> {
  const port = await freePort()
  return start(['node', 'bench/naive-server.mjs', fixtureFile, String(port)], { PATH: process.env.PATH }, port, readyPath)
}

/** Polls /health/ready until it says `ready` (every release checked); resolves with performance.now() then. */
export async function untilReady (port: number, maxMs = 60_000): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < maxMs) {
    const reply = await getRaw(port, '/health/ready').catch(() => undefined)
    if (reply !== undefined && reply.status === 200 && (JSON.parse(reply.body.toString()) as { status: string }).status === 'ready') return performance.now()
    await sleep(5)
  }
  throw new Error(`/health/ready did not say ready within ${maxMs} ms`)
}

/** The bare node:http replay server on the same core, serving the recorded fixture. */
export async function startBare (fixtureFile: string, readyPath: string): Promise<Running> {
  const port = await freePort()
  return start(['node', 'bench/bare-server.mjs', fixtureFile, String(port)], { PATH: process.env.PATH }, port, readyPath)
}

/** Stops a server (SIGTERM, then SIGKILL after 5 s) and waits until it has exited. */
export async function stop (server: Running): Promise<void> {
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

export interface Memory {
  rssMb: number
  peakMb: number
}

/** Resident set now and at its peak (VmRSS, VmHWM from /proc), in MB. */
export function memoryOf (pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

/** user+nice+system+steal and all ticks of one core so far (/proc/stat). */
function coreTicks (core: string): { busy: number, total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith(`cpu${core} `)) ?? ''
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number)
  return { busy: user + nice + system + steal, total: user + nice + system + idle + iowait + irq + softirq + steal }
}

/** utime+stime of a process so far, in ticks (/proc/<pid>/stat). */
function processTicks (pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/**
 * Waits until a process has used under 3% of a core for a whole second (a server that
 * prepares responses in the background after it listens is still warming up). Returns the
 * moment (performance.now()) its busy spell ended; gives up after `maxMs`.
 */
export async function waitUntilIdle (pid: number, maxMs = 120_000): Promise<number> {
  const started = performance.now()
  let ticks = processTicks(pid)
  let at = started
  while (performance.now() - started < maxMs) {
    await sleep(1000)
    const nowTicks = processTicks(pid)
    const now = performance.now()
    // A tick is 10 ms: 3% of a second is 3 ticks.
    if (nowTicks - ticks <= 3 * (now - at) / 1000) return at
    ticks = nowTicks
    at = now
  }
  throw new Error(`server still busy after ${maxMs} ms`)
}

/** What the server core did during a run. */
export interface CoreShare {
  /** Share of the core that went to anything but the server (other processes, steal), %. */
  otherPct: number
  /** CPU time the server process used (all its threads, user and system), ms. */
  serverCpuMs: number
}

/** Starts watching the server core; the returned function says what it did since. */
export function watchServerCore (pid: number): () => CoreShare {
  const core = coreTicks(SERVER_CORE)
  const server = processTicks(pid)
  return () => {
    const now = coreTicks(SERVER_CORE)
    const serverTicks = processTicks(pid) - server
    const other = (now.busy - core.busy) - serverTicks
    // A tick is 10 ms (USER_HZ 100).
    return { otherPct: Math.max(0, 100 * other / Math.max(1, now.total - core.total)), serverCpuMs: serverTicks * 10 }
  }
}
