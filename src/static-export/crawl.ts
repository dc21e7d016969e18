import type { FastifyInstance } from 'fastify'
import type { RouteRecord } from '../plugins/route-table.js'
import { ASSET_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../http/send-prepared.js'
import { WARM_UP_HEADER, WARM_UP_TOKEN } from '../http/warm-up.js'

/**
 * GET routes that no answer links to and that need a value only a person can give: never
 * exported, and named here so a new route cannot be missed silently (test/static-export).
 */
export const NEVER_EXPORTED: Record<string, string> = {
  '/v1/local-authorities/lookup': 'needs a postcode: an answer about where someone lives is private and never stored',
  '/docs': 'the interactive docs page, not an API answer',
  '/docs/*': 'the interactive docs\' own files',
  '/docs/static/*': 'the interactive docs\' own files'
}

/** Query parameters never varied: the release is the latest, the moment is now, pages come from links. */
const NOT_VARIED = new Set(['release', 'at', 'page', 'per_page', 'q'])

export interface Answer {
  url: string
  template: string
  status: number
  headers: Record<string, string>
  body: Buffer
}

export interface CrawlResult {
  /** Answers that are the same for everyone until the release changes: the mirror's files. */
  exported: Answer[]
  /** Every other URL visited, with why it is not exported. */
  excluded: Array<{ url: string, template: string, reason: string }>
  /** GET route templates for which no URL was found (and not in NEVER_EXPORTED). */
  unreached: string[]
}

/** The app's Cache-Control for answers that change only with a release (or a deploy, for the embed's assets). */
const FROZEN = new Set([PUBLIC_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, ASSET_CACHE_CONTROL])

/** Why an answer cannot be a file, or null when it can: the answer's own Cache-Control says. */
export function exclusionReason (status: number, cacheControl: string | undefined): string | null {
  if (status !== 200) return `answers ${status}`
  if (cacheControl !== undefined && FROZEN.has(cacheControl)) return null
  if (cacheControl?.startsWith('private') === true) return 'private (personal data): never stored'
  // cacheControlFor's count-down to the end of an open-now or review-date window.
  if (cacheControl !== undefined && /^public, max-age=\d+, stale-if-error=\d+$/.test(cacheControl)) return 'changes with the clock (open now, review dates)'
  return `not cached as release data (Cache-Control: ${cacheControl ?? 'none'})`
}

interface Template { url: string, pattern: RegExp, statics: number, route: RouteRecord }

function templatesOf (routes: readonly RouteRecord[]): Template[] {
  const seen = new Map<string, Template>()
  for (const route of routes) {
    if (route.method !== 'GET' || seen.has(route.url)) continue
    const segments = route.url.split('/')
    const pattern = new RegExp('^' + segments.map((s) => s === '*' ? '.*' : s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('/') + '$')
    seen.set(route.url, { url: route.url, pattern, statics: segments.filter((s) => s !== '' && !s.startsWith(':') && s !== '*').length, route })
  }
  return [...seen.values()]
}

/** The route template a path belongs to: the most specific one, as the router picks. */
function templateOf (templates: readonly Template[], path: string): Template | undefined {
  return templates.filter((t) => t.pattern.test(path)).sort((a, b) => b.statics - a.statics)[0]
}

interface Property { enum?: unknown[], type?: string, anyOf?: Property[] }
/** The values a query parameter can take when they are few (enums, booleans). */
function fewValues (schema: Property): string[] | null {
  if (Array.isArray(schema.enum)) return schema.enum.map(String)
  if (schema.type === 'boolean') return ['true', 'false']
  if (Array.isArray(schema.anyOf) && schema.anyOf.every((s) => 'const' in s)) return schema.anyOf.map((s) => String((s as { const: unknown }).const))
  return null
}

/** One query variant per value of each parameter with few values, one parameter at a time. */
function queryVariants (template: Template, path: string): string[] {
  const props = (template.route.querystring?.properties ?? {}) as Record<string, Property>
  const required = (template.route.querystring?.required ?? []) as string[]
  if (required.length > 0) return []
  const out: string[] = []
  for (const [name, schema] of Object.entries(props)) {
    if (NOT_VARIED.has(name)) continue
    const values = fewValues(schema)
    // JSON is the default format: ?format=json is the same answer under another URL.
    for (const value of values ?? []) if (!(name === 'format' && value === 'json')) out.push(`${path}?${new URLSearchParams([[name, value]]).toString()}`)
  }
  return out
}

/** Same-site paths in an answer: every string in JSON, href/src in HTML. */
function linksIn (answer: Answer, base: string): string[] {
  const type = answer.headers['content-type'] ?? ''
  const found: string[] = []
  const keep = (value: string) => {
    const path = base !== '' && value.startsWith(base + '/') ? value.slice(base.length) : value
    if (path.startsWith('/') && !path.startsWith('//')) found.push(path)
  }
  if (type.startsWith('application/json')) {
    const walk = (v: unknown): void => {
      if (typeof v === 'string') keep(v)
      else if (Array.isArray(v)) v.forEach(walk)
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(JSON.parse(answer.body.toString('utf8')))
  } else if (type.startsWith('text/html')) {
    for (const m of answer.body.toString('utf8').matchAll(/\b(?:href|src)="([^"]+)"/g)) keep((m[1] as string).replaceAll('&amp;', '&'))
  }
  return found
}

/** Item ids in a list answer (`data`, `contents` or the body itself), for `list/:param` routes no answer links to. */
function idsIn (answer: Answer): string[] {
  if (!(answer.headers['content-type'] ?? '').startsWith('application/json')) return []
  const body = JSON.parse(answer.body.toString('utf8')) as unknown
  const list = Array.isArray(body) ? body : (body as { data?: unknown, contents?: unknown }).data ?? (body as { contents?: unknown }).contents
  if (!Array.isArray(list)) return []
  return list.map((item) => (item as { id?: unknown, code?: unknown }).id ?? (item as { code?: unknown }).code).filter((id): id is string => typeof id === 'string')
}

/**
 * Finds every answer of the app by walking it as a client would: from every GET route
 * without parameters, through the links in each answer (items, pages, changes, bundles,
 * citations), one query variant per value of each parameter with few values, and the ids
 * of a list for the item routes under it. Nothing here names an endpoint: a new route is
 * found by the same rules.
 */
export async function crawl (app: FastifyInstance, base: string): Promise<CrawlResult> {
  const templates = templatesOf(app.routeTable)
  const visited = new Map<string, Answer>()
  const queue: string[] = templates.filter((t) => !t.url.includes(':') && !t.url.includes('*')).map((t) => t.url)
  const enqueue = (url: string) => { if (!visited.has(url) && !url.includes('release=')) queue.push(url) }

  const drain = async () => {
    while (queue.length > 0) {
      const url = queue.shift() as string
      if (visited.has(url)) continue
      const path = url.split('?')[0] as string
      const template = templateOf(templates, path)
      if (template === undefined || template.url in NEVER_EXPORTED) continue
      // The warm-up token: the export is the server reading itself, neither limited nor logged.
      const res = await app.inject({ url, headers: { [WARM_UP_HEADER]: WARM_UP_TOKEN } })
      const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]))
      const answer: Answer = { url, template: template.url, status: res.statusCode, headers, body: res.rawPayload }
      // A mirror with a hole where the API failed would be wrong, not smaller.
      if (res.statusCode >= 500) throw new Error(`the API answered ${res.statusCode} to ${url}: not exporting a broken mirror`)
      visited.set(url, answer)
      if (res.statusCode !== 200) continue
      for (const link of linksIn(answer, base)) enqueue(link)
      if (!url.includes('?')) for (const variant of queryVariants(template, url)) enqueue(variant)
    }
  }

  await drain()
  // Item routes no answer linked to: ids from the list above them, then their own sub-routes.
  for (let grown = true; grown;) {
    grown = false
    for (const t of templates.filter((t) => /\/:[^/]+$/.test(t.url))) {
      if ([...visited.values()].some((a) => a.template === t.url)) continue
      const list = visited.get(t.url.replace(/\/:[^/]+$/, ''))
      for (const id of list === undefined ? [] : idsIn(list)) { enqueue(t.url.replace(/:[^/]+$/, encodeURIComponent(id))); grown = true }
    }
    for (const t of templates.filter((t) => /\/:[^/]+\/[^:]+$/.test(t.url))) {
      if ([...visited.values()].some((a) => a.template === t.url)) continue
      const parent = t.url.replace(/\/[^/:]+$/, '')
      const suffix = t.url.slice(parent.length)
      for (const a of visited.values()) if (a.template === parent && a.status === 200 && !a.url.includes('?')) { enqueue(a.url + suffix); grown = true }
    }
    await drain()
  }

  const exported: Answer[] = []
  const excluded: CrawlResult['excluded'] = []
  for (const answer of visited.values()) {
    const reason = exclusionReason(answer.status, answer.headers['cache-control'])
    if (reason === null) exported.push(answer)
    else excluded.push({ url: answer.url, template: answer.template, reason })
  }
  const reached = new Set([...visited.values()].map((a) => a.template))
  const unreached = templates.map((t) => t.url).filter((u) => !reached.has(u) && !(u in NEVER_EXPORTED))
  return { exported: exported.sort((a, b) => a.url.localeCompare(b.url)), excluded, unreached }
}
