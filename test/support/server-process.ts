import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createServer, connect } from 'node:net'
import { join } from 'node:path'
import { projectRoot } from '../../src/paths.js'

/** How a server process ended, and everything it wrote. */
export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Milliseconds from spawn to exit. */
  ms: number
}

/** A running src/server.ts process. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams
  /** Resolves when the process ends (never rejects). */
  exited: Promise<Exit>
  stdout: () => string
  stderr: () => string
  /** The JSON log lines written so far (pino writes one object a line on stdout). */
  logLines: () => Array<Record<string, unknown>>
  /** Resolves with the first stdout line matching `re`; rejects after `timeoutMs` or if the process ends first. */
  waitForOutput: (re: RegExp, timeoutMs?: number) => Promise<string>
  signal: (signal: NodeJS.Signals) => void
}

interface Teardown { teardown: (fn: () => unknown) => void }

const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:(\d+))/

/**
 * Spawns src/server.ts through tsx, as `npm run dev` would, with only the variables given
 * (plus PATH), so the developer's own environment cannot change the outcome. The overload
 * guard is off unless a test sets MAX_EVENT_LOOP_DELAY: a busy host's pauses are not overload.
 */
export function spawnServer (env: Record<string, string>): ServerProcess {
  const started = Date.now()
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/server.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY: '0', ...env }
  })
  let stdout = ''
  let stderr = ''
  const waiters = new Set<() => void>()
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk)
    for (const wake of waiters) wake()
  })
  child.stderr.on('data', (chunk) => { stderr += String(chunk) })
  let ended = false
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      ended = true
      for (const wake of waiters) wake()
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started })
    })
  })

  function waitForOutput (re: RegExp, timeoutMs = 30_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = stdout.split('\n').find((l) => re.test(l))
        if (line !== undefined) return done(() => resolve(line))
        if (ended) done(() => reject(new Error(`server exited before printing ${re}; stderr: ${stderr.trim()}`)))
      }
      const timer = setTimeout(() => done(() => reject(new Error(`server did not print ${re} within ${timeoutMs} ms`))), timeoutMs)
      const done = (settle: () => void) => {
        clearTimeout(timer)
        waiters.delete(check)
        settle()
      }
      waiters.add(check)
      check()
    })
  }

  return {
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    logLines: () => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>),
    waitForOutput,
    signal: (signal) => { if (!ended) child.kill(signal) }
  }
}

/** A running server with the address it listens on. */
export interface ListeningServer extends ServerProcess {
  url: string
  port: number
}

/**
 * Starts a server and waits until it listens. The test's teardown kills it if it is still
 * running, so a failing test never leaves a process behind.
 */
export async function startServer (t: Teardown, env: Record<string, string>): Promise<ListeningServer> {
  const server = spawnServer(env)
  t.teardown(async () => {
    server.signal('SIGKILL')
    await server.exited
  })
  const line = await server.waitForOutput(LISTENING)
  const match = LISTENING.exec(line)!
  return { ...server, url: match[1]!, port: Number(match[2]) }
}

/** Whether a line says the server listens (pino's "Server listening at …"). */
export function saysListening (output: string): boolean {
  return /listening/i.test(output)
}

/** A TCP port nothing listens on right now (the OS picks it; it may be taken later, rarely). */
export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function accepts (port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => { socket.destroy(); resolve(true) })
    socket.once('error', () => resolve(false))
  })
}

/** Resolves after `ms` milliseconds. */
export function sleep (ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Polls `check` every `intervalMs` until it returns a value other than undefined; rejects after `timeoutMs`. */
export async function eventually<T> (check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(intervalMs)
  }
}
