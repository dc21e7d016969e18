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
  /** The baseline's runs: the bare server (repeated URLs) or the naive one (misses). */
  base: Run[]
}

export interface Summary {
  scenario: string
  path: string
  /** bare: replaying the app's bytes; naive: JSON.stringify per request. */
  baseline: 'bare' | 'naive'
  target: number
  appRps: number
  baseRps: number
  ratio: number
  /** app/baseline req/s of each round, to show the spread. */
  roundRatios: number[]
  appP50Ms: number
  appP99Ms: number
  baseP50Ms: number
  baseP99Ms: number
  appCpuUs: number
  baseCpuUs: number
  /** Share of a core the server process used during the runs (median), %. */
  appBusyPct: number
  baseBusyPct: number
  /** baseline CPU per request ÷ app's: the req/s ratio to expect when each has a whole core. */
  cpuRatio: number
  appBytesPerResponse: number
  baseBytesPerResponse: number
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
  const baseRps = m(row.base, 'rps')
  const all = [...row.app, ...row.base]
  return {
    scenario: row.scenario.name,
    path: row.scenario.path,
    baseline: row.scenario.script === undefined ? 'bare' : 'naive',
    target: row.scenario.target,
    appRps,
    baseRps,
    ratio: appRps / baseRps,
    roundRatios: row.app.map((a, i) => a.rps / (row.base[i] as Run).rps),
    appP50Ms: m(row.app, 'p50Ms'),
    appP99Ms: m(row.app, 'p99Ms'),
    baseP50Ms: m(row.base, 'p50Ms'),
    baseP99Ms: m(row.base, 'p99Ms'),
    appCpuUs: m(row.app, 'cpuUsPerRequest'),
    baseCpuUs: m(row.base, 'cpuUsPerRequest'),
    cpuRatio: m(row.base, 'cpuUsPerRequest') / m(row.app, 'cpuUsPerRequest'),
    appBusyPct: median(row.app.map((r) => r.rps * r.cpuUsPerRequest / 1e4)),
    baseBusyPct: median(row.base.map((r) => r.rps * r.cpuUsPerRequest / 1e4)),
    appBytesPerResponse: m(row.app, 'bytesPerResponse'),
    baseBytesPerResponse: m(row.base, 'bytesPerResponse'),
    errors: all.reduce((n, r) => n + r.errors, 0),
    errorShare: all.reduce((n, r) => n + r.errors, 0) / Math.max(1, all.reduce((n, r) => n + r.requests, 0)),
    otherCpuPct: Math.max(...all.map((r) => r.otherCpuPct)),
    pass: appRps / baseRps >= row.scenario.target && all.every((r) => r.errors <= r.requests / 1000)
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
    ['scenario', 'app req/s', 'baseline', 'baseline req/s', 'ratio', 'app p50/p99 ms', 'base p50/p99 ms', 'target', 'result', 'ratio per round', 'other load', 'app/base core busy', 'app/base CPU µs/req', 'cpu ratio'],
    summaries.map((s) => [
      s.scenario,
      Math.round(s.appRps).toLocaleString('en-GB'),
      s.baseline,
      Math.round(s.baseRps).toLocaleString('en-GB'),
      `${s.ratio.toFixed(2)}×`,
      ms(s.appP50Ms, s.appP99Ms),
      ms(s.baseP50Ms, s.baseP99Ms),
      `≥ ${s.target}×`,
      s.errorShare > 0.001 ? 'ERRORS' : s.pass ? 'PASS' : 'FAIL',
      s.roundRatios.map((r) => r.toFixed(2)).join(' '),
      `${s.otherCpuPct.toFixed(0)}%`,
      `${s.appBusyPct.toFixed(0)}% / ${s.baseBusyPct.toFixed(0)}%`,
      `${s.appCpuUs.toFixed(0)} / ${s.baseCpuUs.toFixed(0)}`,
      `${s.cpuRatio.toFixed(2)}×`
    ])
  )
}
