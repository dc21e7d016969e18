import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { Redis } from 'ioredis'
import { eventually, freePort } from './server-process.js'

interface Teardown { teardown: (fn: () => unknown) => void }

/** Whether the `redis-server` binary (Debian package redis-server) is on the PATH. */
export function hasRedisServer (): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

/** A throwaway redis-server on 127.0.0.1 and one port, which a test can stop and start again. */
export interface RedisServer {
  url: string
  /** Starts it (no persistence); resolves once it answers PING. */
  start: () => Promise<void>
  /** Stops it (SIGTERM) and waits until it has exited. */
  stop: () => Promise<void>
}

/** A redis-server on a free port, not yet started; stopped when the test ends. */
export async function redisServer (t: Teardown): Promise<RedisServer> {
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  let exited: Promise<void> = Promise.resolve()
  const stop = async () => {
    child?.kill('SIGTERM')
    await exited
    child = undefined
  }
  t.teardown(stop)
  return {
    url,
    stop,
    async start () {
      const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
      child = server
      let output = ''
      server.on('error', (err) => { output += String(err) })
      server.stdout.on('data', (chunk) => { output += String(chunk) })
      server.stderr.on('data', (chunk) => { output += String(chunk) })
      exited = new Promise<void>((resolve) => server.once('close', () => resolve()))
      await eventually(async () => {
        if (server.exitCode !== null) throw new Error(`redis-server exited: ${output.trim()}`)
        return await ping(url) ? true : undefined
      }, `redis-server on port ${port} to answer`, 10_000, 50)
    }
  }
}

async function ping (url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => {})
  try {
    await client.connect()
    return await client.ping() === 'PONG'
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

/** Starts a throwaway redis-server on a free port; resolves with its URL once it answers PING. */
export async function startRedis (t: Teardown): Promise<string> {
  const server = await redisServer(t)
  await server.start()
  return server.url
}

/** The keys matching a pattern on a Redis server, with their values (for a test to see what the app stored). */
export async function redisValues (url: string, pattern: string): Promise<Record<string, string | null>> {
  const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => {})
  try {
    const keys = (await client.keys(pattern)).sort()
    const values = keys.length === 0 ? [] : await client.mget(...keys)
    return Object.fromEntries(keys.map((key, i) => [key, values[i] ?? null]))
  } finally {
    client.disconnect()
  }
}
