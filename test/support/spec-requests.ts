import type { FastifyInstance } from 'fastify'
import type { ContractChecker, Operation, Parameter } from './openapi-contract.js'

/** Values the real data holds, for building requests that should succeed. */
export interface KnownValues {
  /** Ids (or codes) for each path template with a parameter, e.g. `/v1/helplines/{id}`. */
  ids: Map<string, string[]>
  releases: string[]
  situations: string[]
}

/** Postcodes of each kind the lookup treats differently: unit, sector, district, NI, islands, unknown. */
export const POSTCODES = ['SW1A 2AA', 'sw1a2aa', 'CF10 1EP', 'EH1 1YZ', 'M1 1AE', 'SW1A 1', 'SW1A', 'BT1 1AA', 'GY1 1AA', 'IM1 1AA', 'JE2 3AB', 'ZZ99 9ZZ']

/** Instants with known answers: a bank holiday, a summer afternoon with an offset, a night. */
export const INSTANTS = ['2026-12-25T10:00:00Z', '2026-07-01T15:30:00+05:30', '2026-02-02T03:00:00.123Z']

/** The list path whose records a parameterised path names: `/v1/helplines/{id}/x` → `/v1/helplines`. */
export function listPathOf (template: string): string {
  return template.slice(0, template.indexOf('/{'))
}

/** Fills a path template; values are percent-encoded unless `raw`. */
export function fillPath (template: string, values: Record<string, string>, raw = false): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name] ?? ''
    return raw ? value : encodeURIComponent(value)
  })
}

/** A query string from pairs, each side percent-encoded. */
export function queryString (pairs: Array<[string, string]>): string {
  return pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}

interface Listed { id?: string, code?: string }

/** Reads every id the app lists, page by page, for each parameterised path of the spec. */
export async function collectKnownValues (app: FastifyInstance, checker: ContractChecker): Promise<KnownValues> {
  const ids = new Map<string, string[]>()
  const lists = new Map<string, string[]>()
  for (const op of checker.operations) {
    if (!op.template.includes('{')) continue
    const list = listPathOf(op.template)
    if (!lists.has(list)) {
      const found: string[] = []
      for (let page = 1; page < 50; page++) {
        const res = await app.inject(`${list}?per_page=100&page=${page}`)
        // Our lists are {data, meta}; the Open Referral UK ones (/hsds) are the profile's {contents, total_items}.
        const body = res.json() as { data?: Listed[], meta?: { total: number }, contents?: Listed[], total_items?: number }
        found.push(...(body.data ?? body.contents ?? []).map((r) => r.id ?? r.code ?? ''))
        if (found.length >= (body.meta?.total ?? body.total_items ?? 0)) break
      }
      lists.set(list, found)
    }
    ids.set(op.template, lists.get(list) ?? [])
  }
  return { ids, releases: lists.get('/v1/releases') ?? [], situations: lists.get('/v1/situations') ?? [] }
}

/** Values the spec says a parameter takes, drawn from the real data where it names records. */
export function validValues (param: Parameter, known: KnownValues): string[] {
  const schema = param.schema
  // A distance from a postcode: without one it is refused, so it has no valid value alone.
  if (param.name === 'proximity') return []
  if (Array.isArray(schema.enum)) return schema.enum.map(String)
  if (schema.type === 'boolean') return ['true', 'false']
  if (schema.type === 'integer') {
    const min = Number(schema.minimum ?? 1)
    const max = Number(schema.maximum ?? min + 10)
    return [...new Set([min, Math.min(max, min + 1), max])].map(String)
  }
  switch (param.name) {
    case 'at': return INSTANTS
    case 'q': return ['child', 'NSPCC', 'line']
    case 'publisher': return ['NSPCC', 'Office for National Statistics']
    case 'release': return known.releases.slice(0, 2) // newest first
    case 'postcode': return POSTCODES
    case 'situation': return known.situations
    default: return []
  }
}

/** One request per valid value of each optional query parameter, plus the bare request. */
export function validRequests (op: Operation, known: KnownValues): string[] {
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const required = op.parameters.filter((p) => p.in === 'query' && p.required === true)
  const optional = op.parameters.filter((p) => p.in === 'query' && p.required !== true)
  const ids = known.ids.get(op.template) ?? []
  const paths = pathParams.length === 0 ? [op.template] : ids.map((id) => fillPath(op.template, { [pathParams[0]!.name]: id }))
  // A release without records of this kind (no release has statistics yet) has nothing to ask for.
  if (paths.length === 0) return []
  const base = required.map((p) => [p.name, validValues(p, known)[0] ?? ''] as [string, string])
  const urls: string[] = []
  for (const path of paths) urls.push(path + queryString(base))
  const first = paths[0] as string
  for (const p of [...required, ...optional]) {
    // A record need not exist in an older release: items are asked of the latest only.
    const values = p.name === 'release' && pathParams.length > 0 ? validValues(p, known).slice(0, 1) : validValues(p, known)
    for (const value of values) {
      urls.push(first + queryString([...base.filter(([k]) => k !== p.name), [p.name, value]]))
    }
  }
  return [...new Set(urls)]
}
