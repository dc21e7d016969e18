import { spawn, spawnSync } from 'node:child_process'
import { Redis } from 'ioredis'
import { eventually, freePort } from './server-process.js'

interface Teardown { teardown: (fn: () => unknown) => void }

/** Whether the `redis-server` binary (Debian package redis-server) is on the PATH. */
export function hasRedisServer (): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * Starts a throwaway redis-server on 127.0.0.1 and a free port, with no persistence, and
 * stops it when the test ends. Resolves with its URL once it answers PING.
 */
export async function startRedis (t: Teardown): Promise<string> {
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.on('error', (err) => { output += String(err) })
  child.stdout.on('data', (chunk) => { output += String(chunk) })
  child.stderr.on('data', (chunk) => { output += String(chunk) })
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  t.teardown(async () => {
    child.kill('SIGTERM')
    await exited
  })
  const url = `redis://127.0.0.1:${port}`
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${output.trim()}`)
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    client.on('error', () => {})
    try {
      await client.connect()
      return await client.ping() === 'PONG' ? true : undefined
    } catch {
      return undefined
    } finally {
      client.disconnect()
    }
  }, `redis-server on port ${port} to answer`, 10_000, 50)
  return url
}
