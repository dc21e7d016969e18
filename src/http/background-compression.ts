import { performance } from 'node:perf_hooks'
import { compressAsync } from './compression.js'
import type { Compressed } from './prepared.js'

/** Bytes waiting for best-level copies; more are left at the fast level (a later use queues them again). */
const MAX_QUEUED = 1000
/** Above this share of time busy with requests, the queue waits… */
const BUSY = 0.5
/** …this long before looking again… */
const PAUSE_MS = 200
/** …but never longer than this between two jobs, so the copies do come on a server that is always busy. */
const MAX_WAIT_MS = 2000

const queue: Compressed[] = []
let running = false
let settledWaiters: Array<() => void> = []

/**
 * Queues best-level Brotli and gzip copies of bytes that are asked for again. One at a
 * time, on the thread pool, so requests never wait for it; and while the event loop is
 * busy with requests it waits (the thread pool shares the cores with them), taking at
 * least one job every MAX_WAIT_MS. Until a job is done its answers get the fast copies.
 */
export function improveLater (compressed: Compressed): void {
  if (compressed.best || compressed.queued || queue.length >= MAX_QUEUED) return
  compressed.queued = true
  queue.push(compressed)
  if (!running) {
    running = true
    setImmediate(next)
  }
}

let measured = performance.eventLoopUtilization()
let waitedMs = 0

/** Whether requests kept the event loop busy since the last look. */
function busy (): boolean {
  const now = performance.eventLoopUtilization()
  const since = performance.eventLoopUtilization(now, measured)
  measured = now
  return since.utilization > BUSY
}

async function next (): Promise<void> {
  if (queue.length > 0 && waitedMs < MAX_WAIT_MS && busy()) {
    waitedMs += PAUSE_MS
    setTimeout(next, PAUSE_MS)
    return
  }
  waitedMs = 0
  const item = queue.shift()
  if (item === undefined) {
    running = false
    for (const wake of settledWaiters) wake()
    settledWaiters = []
    return
  }
  try {
    const br = await compressAsync(item.bytes, 'br', 'best', item.open)
    const gzip = await compressAsync(item.bytes, 'gzip', 'best', item.open)
    item.copies = { br, gzip }
    item.bestOf.add('br').add('gzip')
    item.version++
  } catch {
    // The fast copies stay; nothing a client sees depends on this.
  } finally {
    item.queued = false
  }
  setImmediate(next)
}

/** Resolves when nothing is queued or being compressed (tests wait for it before comparing bytes). */
export function compressionSettled (): Promise<void> {
  if (!running) return Promise.resolve()
  return new Promise((resolve) => settledWaiters.push(resolve))
}
