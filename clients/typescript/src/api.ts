import type { Client } from 'openapi-fetch'
import type { paths } from '../generated/openapi.js'
import type { Answer, Audience, ContactKind, Helpline, LocalAuthority, Nation, OfflinePack, ReportingChannel, ReportingRoute, Situation, Topic, Urgency } from './types.js'

/**
 * The media types the client asks for and reads: JSON for data and problem details for
 * errors. The lists' 200 also offers text/csv; naming the media types here is what types
 * `data` as the JSON body (not `object | string`) and `error` as a Problem.
 */
export type ClientMedia = 'application/json' | 'application/problem+json'
export type ApiClient = Client<paths, ClientMedia>

export interface ClientOptions {
  /** Where the API is, e.g. `https://api.example.org` (no trailing slash). */
  baseUrl: string
  /** A stored offline pack (see `downloadOfflinePack`): answers come from it when the network fails. */
  offline?: OfflinePack
  /** How long to wait for the API before answering offline (ms); default 8000. */
  timeoutMs?: number
  /** Revalidate repeated GETs with If-None-Match (default true). */
  revalidate?: boolean
  /** Another fetch (tests, React Native polyfills); default globalThis.fetch. */
  fetch?: typeof globalThis.fetch
}

export interface RouteQuestion {
  situation: string
  /** A UK postcode: online it picks the nation and the council; offline it cannot (see notices). */
  postcode?: string
  nation?: Nation
  /** The council's GSS code: offline, it names the council on the council step. */
  localAuthority?: string
  audience?: 'public' | 'professionals'
  /** ISO 8601 date-time to ask about instead of now. */
  at?: string
}

export interface HelplineQuestion {
  nation?: Nation
  openNow?: boolean
  audience?: Audience
  topic?: Topic
  contactKind?: ContactKind
  q?: string
  at?: string
}

export interface ReportingChannelQuestion {
  nation?: Nation
  openNow?: boolean
  topic?: Topic
  anonymous?: boolean
  urgency?: Urgency
  contactKind?: ContactKind
  q?: string
  at?: string
}

/** The client: the typed openapi-fetch client and the common questions by name. */
export interface SafeguardingClient {
  /** Every endpoint, typed from openapi.yaml: `data` is the JSON body, `error` the problem details. */
  api: ApiClient
  /** How many answers are kept for revalidation. */
  cachedAnswers: () => number
  /** Helplines matching the filters, every page; offline from the stored bundle. */
  helplines: (q?: HelplineQuestion) => Promise<Answer<Helpline[]>>
  /** Places to report, every page; offline from the stored bundle. */
  reportingChannels: (q?: ReportingChannelQuestion) => Promise<Answer<ReportingChannel[]>>
  /** The situations a route can be asked for. */
  situations: () => Promise<Answer<Situation[]>>
  /** One council by its GSS code (or an older alias code). */
  localAuthority: (code: string, q?: { at?: string }) => Promise<Answer<LocalAuthority>>
  /**
   * The ordered steps for a situation. Online, a postcode names the child's council; offline
   * it cannot (the postcode index is not in a bundle): the answer then gives the national
   * steps (for `nation`, or the council's nation when `localAuthority` is given) and says so
   * in `notices`.
   */
  reportingRoute: (q: RouteQuestion) => Promise<Answer<ReportingRoute>>
  /**
   * Downloads what offline mode needs (the latest release's bundle and the bank holidays) and
   * starts using it. Store the result (plain JSON) and pass it as `offline` next time.
   */
  downloadOfflinePack: () => Promise<OfflinePack>
}
