import type { LoadResult } from './load.js'
import type { Scenario } from './scenarios.js'

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] as number : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** One measured run, with the share of the server core other processes took meanwhile. */
export interface Run extends LoadResult {
  otherCpuPct: number
  /** The server's CPU time per response (µs), from /proc. */
  cpuUsPerRequest: number
}

export interface Row {
  scenario: Scenario
  app: Run[]
  bare: Run[]
}

export interface Summary {
  scenario: string
  path: string
  target: number
  appRps: number
  bareRps: number
  ratio: number
  /** app/bare req/s of each round, to show the spread. */
  roundRatios: number[]
  appP50Ms: number
  appP99Ms: number
  bareP50Ms: number
  bareP99Ms: number
  appCpuUs: number
  bareCpuUs: number
  /** Share of a core the server process used during the runs (median), %. */
  appBusyPct: number
  bareBusyPct: number
  /** bare CPU per request ÷ app's: the req/s ratio to expect when each has a whole core. */
  cpuRatio: number
  appBytesPerResponse: number
  bareBytesPerResponse: number
  errors: number
  /** Errors per request over every run of the scenario. */
  errorShare: number
  /** Largest share of the server core other processes took in any run (%). */
  otherCpuPct: number
  pass: boolean
}

/** Medians over the rounds of one scenario. */
export function summarise (row: Row): Summary {
  const m = (runs: Run[], key: keyof Run) => median(runs.map((r) => r[key]))
  const appRps = m(row.app, 'rps')
  const bareRps = m(row.bare, 'rps')
  const all = [...row.app, ...row.bare]
  return {
    scenario: row.scenario.name,
    path: row.scenario.path,
    target: row.scenario.target,
    appRps,
    bareRps,
    ratio: appRps / bareRps,
    roundRatios: row.app.map((a, i) => a.rps / (row.bare[i] as Run).rps),
    appP50Ms: m(row.app, 'p50Ms'),
    appP99Ms: m(row.app, 'p99Ms'),
    bareP50Ms: m(row.bare, 'p50Ms'),
    bareP99Ms: m(row.bare, 'p99Ms'),
    appCpuUs: m(row.app, 'cpuUsPerRequest'),
    bareCpuUs: m(row.bare, 'cpuUsPerRequest'),
    cpuRatio: m(row.bare, 'cpuUsPerRequest') / m(row.app, 'cpuUsPerRequest'),
    appBusyPct: median(row.app.map((r) => r.rps * r.cpuUsPerRequest / 1e4)),
    bareBusyPct: median(row.bare.map((r) => r.rps * r.cpuUsPerRequest / 1e4)),
    appBytesPerResponse: m(row.app, 'bytesPerResponse'),
    bareBytesPerResponse: m(row.bare, 'bytesPerResponse'),
    errors: all.reduce((n, r) => n + r.errors, 0),
    errorShare: all.reduce((n, r) => n + r.errors, 0) / Math.max(1, all.reduce((n, r) => n + r.requests, 0)),
    otherCpuPct: Math.max(...all.map((r) => r.otherCpuPct)),
    pass: appRps / bareRps >= row.scenario.target && all.every((r) => r.errors <= r.requests / 1000)
  }
}

/** Left-aligned text columns, right-aligned numbers, `|` between. */
export function table (header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)).join(' | ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n')
}

const ms = (p50: number, p99: number) => `${p50.toFixed(2)} / ${p99.toFixed(2)}`

export function loadTable (summaries: Summary[]): string {
  return table(
    ['scenario', 'app req/s', 'bare req/s', 'ratio', 'app p50/p99 ms', 'bare p50/p99 ms', 'target', 'result', 'ratio per round', 'other load', 'app/bare core busy', 'app/bare CPU µs/req', 'cpu ratio'],
    summaries.map((s) => [
      s.scenario,
      Math.round(s.appRps).toLocaleString('en-GB'),
      Math.round(s.bareRps).toLocaleString('en-GB'),
      `${s.ratio.toFixed(2)}×`,
      ms(s.appP50Ms, s.appP99Ms),
      ms(s.bareP50Ms, s.bareP99Ms),
      `≥ ${s.target}×`,
      s.errorShare > 0.001 ? 'ERRORS' : s.pass ? 'PASS' : 'FAIL',
      s.roundRatios.map((r) => r.toFixed(2)).join(' '),
      `${s.otherCpuPct.toFixed(0)}%`,
      `${s.appBusyPct.toFixed(0)}% / ${s.bareBusyPct.toFixed(0)}%`,
      `${s.appCpuUs.toFixed(0)} / ${s.bareCpuUs.toFixed(0)}`,
      `${s.cpuRatio.toFixed(2)}×`
    ])
  )
}
