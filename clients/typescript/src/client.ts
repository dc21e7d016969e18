import createClient from 'openapi-fetch'
import type { Moment } from '../../../src/domain/moment.js'
import type { paths } from '../generated/openapi.js'
import { calendarsOf, offlineHelplines, offlineLocalAuthority, offlineReportingChannels, offlineReportingRoute, offlineSituations, type HelplineFilters, type ReportingChannelFilters } from './offline/answers.js'
import { offlineCatalogue, type OfflineCatalogue } from './offline/catalogue.js'
import { revalidation } from './revalidate.js'
import type { ApiClient, ClientMedia, ClientOptions, HelplineQuestion, ReportingChannelQuestion, RouteQuestion, SafeguardingClient } from './api.js'
import type { Answer, Helpline, LocalAuthority, Nation, OfflinePack, Problem, ReportingChannel, ReportingRoute, Situation } from './types.js'

/** The network failed (or the server did): the cases in which offline answers are given. */
class Unreachable extends Error {}

const POSTCODE_OFFLINE = 'The postcode could not be looked up offline: the postcode index is not part of a release bundle. These are the national steps; pass `nation` for one nation\'s steps, or `localAuthority` (the council\'s code) to name the council.'
const AT_OFFLINE = 'Answered from the stored release: open-now computed on this device from the stored hours and bank holidays.'

function problem (status: number, title: string, detail: string, instance: string): Problem {
  return { type: status === 404 ? '/problems/not-found' : '/problems/offline', title, status, detail, instance, request_id: 'offline' }
}

/**
 * A typed client of the Safeguarding API. `api` is the plain openapi-fetch client (every
 * endpoint, typed from openapi.yaml); the named helpers ask the common questions, follow
 * pages, and answer from the stored offline pack when the network fails.
 */
export function createSafeguardingClient (options: ClientOptions): SafeguardingClient {
  const baseFetch = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? 8000
  const api: ApiClient = createClient<paths, ClientMedia>({
    baseUrl: options.baseUrl,
    headers: { accept: 'application/json' },
    fetch: (request: Request) => baseFetch(new Request(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) }))
  })
  const cache = revalidation()
  if (options.revalidate !== false) api.use(cache)

  let pack = options.offline
  let catalogue: OfflineCatalogue | undefined
  const offline = () => {
    if (pack === undefined) return undefined
    catalogue ??= offlineCatalogue(pack.bundle)
    return { catalogue, pack }
  }
  const momentAt = (at: string | undefined, nation: Nation | undefined): Moment => {
    const instant = at === undefined ? Date.now() : Date.parse(at)
    return { instant, nation, calendars: calendarsOf(pack?.bank_holidays ?? null) }
  }

  /** Calls the API; network errors and 5xx become Unreachable, 4xx a problem answer. */
  async function call<T> (request: () => Promise<{ data?: T, error?: Problem, response: Response }>): Promise<{ ok: true, data: T } | { ok: false, status: number, problem: Problem }> {
    let result
    try {
      result = await request()
    } catch (err) {
      throw new Unreachable((err as Error).message, { cause: err })
    }
    if (result.response.status >= 500) throw new Unreachable(`the API answered ${result.response.status}`)
    if (result.data !== undefined) return { ok: true, data: result.data }
    return { ok: false, status: result.response.status, problem: result.error as Problem }
  }

  /** Online first; when unreachable and a pack is stored, the offline answer. */
  async function answer<T> (online: () => Promise<Answer<T>>, fallback: (o: NonNullable<ReturnType<typeof offline>>) => Answer<T>): Promise<Answer<T>> {
    try {
      return await online()
    } catch (err) {
      const stored = offline()
      if (!(err instanceof Unreachable) || stored === undefined) throw err
      return fallback(stored)
    }
  }

  /** Every page of a list (per_page 100). */
  async function allPages<T> (get: (page: number) => Promise<{ data?: { data: T[], meta: { release: string, total: number, page: number, per_page: number } }, error?: Problem, response: Response }>): Promise<Answer<T[]>> {
    const items: T[] = []
    let release = ''
    for (let page = 1; ; page++) {
      const result = await call(() => get(page))
      if (!result.ok) return { ...result, from: 'network' }
      items.push(...result.data.data)
      release = result.data.meta.release
      if (page * result.data.meta.per_page >= result.data.meta.total) break
    }
    return { ok: true, data: items, release, from: 'network', notices: [] }
  }

  return {
    api,
    /** How many answers are kept for revalidation. */
    cachedAnswers: () => cache.size(),

    /** Helplines matching the filters, every page; offline from the stored bundle. */
    helplines (q: HelplineQuestion = {}): Promise<Answer<Helpline[]>> {
      const filters: HelplineFilters = { nation: q.nation, audience: q.audience, topic: q.topic, contact_kind: q.contactKind, q: q.q, open_now: q.openNow }
      return answer(
        () => allPages((page) => api.GET('/v1/helplines', { params: { query: { ...filters, at: q.at, page, per_page: 100 } } })),
        ({ catalogue }) => ({ ok: true, data: offlineHelplines(catalogue, filters, momentAt(q.at, q.nation)), release: catalogue.release, from: 'offline', notices: [AT_OFFLINE] })
      )
    },

    /** Places to report, every page; offline from the stored bundle. */
    reportingChannels (q: ReportingChannelQuestion = {}): Promise<Answer<ReportingChannel[]>> {
      const filters: ReportingChannelFilters = { nation: q.nation, topic: q.topic, anonymous: q.anonymous, urgency: q.urgency, contact_kind: q.contactKind, q: q.q, open_now: q.openNow }
      return answer(
        () => allPages((page) => api.GET('/v1/reporting-channels', { params: { query: { ...filters, at: q.at, page, per_page: 100 } } })),
        ({ catalogue }) => ({ ok: true, data: offlineReportingChannels(catalogue, filters, momentAt(q.at, q.nation)), release: catalogue.release, from: 'offline', notices: [AT_OFFLINE] })
      )
    },

    /** The situations a route can be asked for. */
    situations (): Promise<Answer<Situation[]>> {
      return answer(
        () => allPages((page) => api.GET('/v1/situations', { params: { query: { page, per_page: 100 } } })),
        ({ catalogue }) => ({ ok: true, data: offlineSituations(catalogue), release: catalogue.release, from: 'offline', notices: [] })
      )
    },

    /** One council by its GSS code (or an older alias code). */
    localAuthority (code: string, q: { at?: string } = {}): Promise<Answer<LocalAuthority>> {
      return answer(async () => {
        const result = await call(() => api.GET('/v1/local-authorities/{code}', { params: { path: { code }, query: { at: q.at } } }))
        return result.ok ? { ok: true, data: result.data.data, release: result.data.meta.release, from: 'network', notices: [] } : { ...result, from: 'network' }
      }, ({ catalogue }) => {
        const found = offlineLocalAuthority(catalogue, code, momentAt(q.at, undefined))
        return found === undefined
          ? { ok: false, status: 404, problem: problem(404, 'Not found', `No local authority with code ${code} in the stored release.`, `/v1/local-authorities/${code}`), from: 'offline' }
          : { ok: true, data: found, release: catalogue.release, from: 'offline', notices: [AT_OFFLINE] }
      })
    },

    /**
     * The ordered steps for a situation. Online, a postcode names the child's council;
     * offline it cannot (the postcode index is not in a bundle): then the answer gives the
     * national steps (for `nation`, or the council's nation when `localAuthority` is given)
     * and says so in `notices`.
     */
    reportingRoute (q: RouteQuestion): Promise<Answer<ReportingRoute>> {
      return answer(async () => {
        const query = { situation: q.situation, postcode: q.postcode, nation: q.nation, audience: q.audience, at: q.at }
        const result = await call(() => api.GET('/v1/reporting-routes', { params: { query } }))
        return result.ok ? { ok: true, data: result.data.data, release: result.data.meta.release, from: 'network', notices: [] } : { ...result, from: 'network' }
      }, ({ catalogue }) => {
        const moment = momentAt(q.at, q.nation)
        const route = offlineReportingRoute(catalogue, q.situation, q.nation, q.localAuthority, q.audience ?? 'public', moment)
        if (route === undefined) return { ok: false, status: 404, problem: problem(404, 'Not found', `No situation ${q.situation} in the stored release.`, '/v1/reporting-routes'), from: 'offline' }
        const notices = [AT_OFFLINE]
        if (q.postcode !== undefined) notices.push(POSTCODE_OFFLINE)
        if (q.localAuthority !== undefined && !catalogue.localAuthorityByCode.has(q.localAuthority)) notices.push(`No local authority with code ${q.localAuthority} in the stored release: the council step does not name one.`)
        return { ok: true, data: route, release: catalogue.release, from: 'offline', notices }
      })
    },

    /**
     * Downloads what offline mode needs (the latest release's bundle and the bank holidays)
     * and starts using it. Store the result (it is plain JSON) and pass it as `offline` next time.
     */
    async downloadOfflinePack (): Promise<OfflinePack> {
      const root = await call(() => api.GET('/'))
      if (!root.ok) throw new Error(`could not read the API root: ${root.problem.detail}`)
      const id = root.data.latest_release.id
      const [bundle, holidays] = await Promise.all([
        call(() => api.GET('/v1/releases/{id}/bundle', { params: { path: { id } } })),
        call(() => api.GET('/v1/bank-holidays'))
      ])
      if (!bundle.ok) throw new Error(`could not download release ${id}: ${bundle.problem.detail}`)
      pack = { bundle: bundle.data, bank_holidays: holidays.ok ? holidays.data.data : null, downloaded_at: new Date().toISOString() }
      catalogue = undefined
      return pack
    }
  }
}
