import type { RawReply } from './http-get.js'
import type { UrlScript } from './load.js'

/** Which variant of a path the bare server replays: plain, Brotli, or the 304. */
export type Kind = 'identity' | 'br' | 'inm'

export interface Scenario {
  name: string
  /** The URL asked again and again; for a miss scenario, the path its script adds a query to. */
  path: string
  kind: Kind
  /** The target: app req/s at least this times the baseline's (bare, or naive for misses). */
  target: number
  /** Misses: each request a new URL, made by this script; the baseline is the naive server (identity). */
  script?: UrlScript
  /** Run again after the miss scenarios (100,000+ distinct URLs), to see the repeated speed is unchanged. */
  afterStorm?: boolean
}

/** The first instant the distinct-at script asks about (a Monday 00:00 UTC near the data's date). */
const AT_START = Date.parse('2026-11-30T00:00:00Z') / 1000
const AT: UrlScript = { name: 'distinct-at', args: [String(AT_START), '/v1/helplines'] }
const Q: UrlScript = { name: 'distinct-q', args: ['/v1/helplines'] }
/** The postcode list file is written by run.ts (postcode-keys.ts); its path is the first argument. */
export const POSTCODES: UrlScript = { name: 'distinct-postcodes', args: ['', '/v1/local-authorities/lookup'] }

export const SCENARIOS: readonly Scenario[] = [
  { name: 'helplines list', path: '/v1/helplines', kind: 'identity', target: 0.6 },
  { name: 'helplines list, br', path: '/v1/helplines', kind: 'br', target: 0.6 },
  { name: 'one helpline', path: '/v1/helplines/childline', kind: 'identity', target: 0.6 },
  { name: '304 revalidation', path: '/v1/helplines', kind: 'inm', target: 0.6 },
  { name: 'postcode lookup', path: '/v1/local-authorities/lookup?postcode=SW1A%202AA', kind: 'identity', target: 0.5 },
  { name: 'reporting routes + postcode', path: '/v1/reporting-routes?situation=online-grooming&postcode=SW1A%202AA', kind: 'identity', target: 0.5 },
  { name: 'miss: new ?at= each request', path: '/v1/helplines', kind: 'identity', target: 1.0, script: AT },
  { name: 'miss: new ?at=, br', path: '/v1/helplines', kind: 'br', target: 0.5, script: AT },
  { name: 'miss: new ?q= each request', path: '/v1/helplines', kind: 'identity', target: 1.0, script: Q },
  { name: 'miss: new ?q=, br', path: '/v1/helplines', kind: 'br', target: 0.5, script: Q },
  { name: 'miss: new postcode each request', path: '/v1/local-authorities/lookup', kind: 'identity', target: 1.0, script: POSTCODES },
  { name: 'miss: new postcode, br', path: '/v1/local-authorities/lookup', kind: 'br', target: 0.5, script: POSTCODES },
  { name: 'helplines list, after the misses', path: '/v1/helplines', kind: 'identity', target: 0.6, afterStorm: true },
  { name: 'postcode lookup, after the misses', path: '/v1/local-authorities/lookup?postcode=SW1A%202AA', kind: 'identity', target: 0.5, afterStorm: true }
]

/** The first URL a miss scenario's script asks for: the naive server answers every one with this URL's answer. */
export function sampleUrl (scenario: Scenario, firstPostcode: string): string {
  const name = scenario.script?.name
  if (name === 'distinct-at') return `${scenario.path}?at=${encodeURIComponent(new Date((AT_START + 7919) * 1000).toISOString().replace('.000Z', 'Z'))}`
  if (name === 'distinct-q') return `${scenario.path}?q=zq1`
  if (name === 'distinct-postcodes') return `${scenario.path}?postcode=${encodeURIComponent(firstPostcode)}`
  return scenario.path
}

/** Request headers of a scenario; `etag` is the list's ETag, for the revalidation. The naive baseline is always asked plainly. */
export function requestHeaders (scenario: Scenario, etag: string, naive = false): Record<string, string> {
  if (naive) return {}
  if (scenario.kind === 'br') return { 'Accept-Encoding': 'br' }
  if (scenario.kind === 'inm') return { 'If-None-Match': etag }
  return {}
}

/** What the expected status of a scenario is. */
export function expectedStatus (scenario: Scenario): number {
  return scenario.kind === 'inm' ? 304 : 200
}

/** Headers node:http writes itself on every response; the rest are replayed as the app sent them. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

export interface Recorded {
  path: string
  kind: Kind
  status: number
  headers: string[]
  body: string
}

/** A reply as the bare server will replay it. */
export function record (scenario: Scenario, reply: RawReply): Recorded {
  const headers: string[] = []
  for (let i = 0; i < reply.rawHeaders.length; i += 2) {
    const name = reply.rawHeaders[i] as string
    if (!PER_CONNECTION.has(name.toLowerCase())) headers.push(name, reply.rawHeaders[i + 1] as string)
  }
  return { path: scenario.path, kind: scenario.kind, status: reply.status, headers, body: reply.body.toString('base64') }
}

/** Why two replies differ in status, the headers that matter, or body bytes; null when they do not. */
export function difference (a: RawReply, b: RawReply): string | null {
  if (a.status !== b.status) return `status ${a.status} vs ${b.status}`
  for (const name of ['content-type', 'etag', 'content-encoding', 'cache-control', 'vary']) {
    if (a.header(name) !== b.header(name)) return `${name} ${a.header(name)} vs ${b.header(name)}`
  }
  if (!a.body.equals(b.body)) return `body ${a.body.length} vs ${b.body.length} bytes`
  return null
}
