import type { RawReply } from './http-get.js'

/** Which variant of a path the bare server replays: plain, Brotli, or the 304. */
export type Kind = 'identity' | 'br' | 'inm'

export interface Scenario {
  name: string
  path: string
  kind: Kind
  /** The target: app req/s at least this times the bare server's. */
  target: number
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'helplines list', path: '/v1/helplines', kind: 'identity', target: 0.8 },
  { name: 'helplines list, br', path: '/v1/helplines', kind: 'br', target: 0.8 },
  { name: 'one helpline', path: '/v1/helplines/childline', kind: 'identity', target: 0.8 },
  { name: '304 revalidation', path: '/v1/helplines', kind: 'inm', target: 0.9 },
  { name: 'postcode lookup', path: '/v1/local-authorities/lookup?postcode=SW1A%202AA', kind: 'identity', target: 0.5 },
  { name: 'reporting routes + postcode', path: '/v1/reporting-routes?situation=online-grooming&postcode=SW1A%202AA', kind: 'identity', target: 0.5 }
]

/** Request headers of a scenario; `etag` is the list's ETag, for the revalidation. */
export function requestHeaders (scenario: Scenario, etag: string): Record<string, string> {
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
