import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { promisify } from 'node:util'
import { ROOT, LOAD_CORE, SERVER_CORE } from './servers.js'

const run = promisify(execFile)

export interface Machine {
  date: string
  cpu: string
  nproc: number
  node: string
  /** Whether the server and load cores are hyperthreads of one physical core. */
  coresShareAPhysicalCore: boolean
}

export function machine (): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  let siblings = ''
  try {
    siblings = readFileSync(`/sys/devices/system/cpu/cpu${SERVER_CORE}/topology/thread_siblings_list`, 'utf8').trim()
  } catch {}
  return {
    date: new Date().toISOString(),
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    nproc: availableParallelism(),
    node: process.version,
    coresShareAPhysicalCore: siblings.split(/[,-]/).includes(LOAD_CORE)
  }
}

export interface GeographyFigures {
  heapMb: number
  lookupUs: number
  loadMs: number
  output: string
}

/** Runs bench/geography.ts in its own process (with --expose-gc) and reads its figures. */
export async function geography (): Promise<GeographyFigures> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/geography.ts'], { cwd: ROOT })
  const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? NaN)
  return {
    heapMb: num(/heap held by the index: ([\d.]+) MB/),
    lookupUs: num(/lookup: ([\d.]+) µs per call/),
    loadMs: num(/median of 10 warm loads ([\d.]+) ms/),
    output: stdout.trim()
  }
}
