import type { Nation } from '../../schemas/common.js'
import type { CouncilContactAudience } from '../../schemas/council-contact.js'
import type { NationNote } from '../../schemas/reporting-channel.js'
import type { ReportingRoute, RouteStep } from '../../schemas/reporting-route.js'
import type { Source } from '../../schemas/source.js'
import type { LocalAuthority } from '../../schemas/local-authority.js'
import type { Catalogue, LocalAuthorityEntry, RouteEntry } from '../catalogue/build-catalogue.js'
import type { AuthorityLookup } from './local-authorities.js'
import { serviceAt, staleness, type Moment } from './moment.js'
import { serviceSummary } from './service-summary.js'

/** The channel whose step is resolved to the child's own council. */
export const LOCAL_COUNCIL_CHANNEL = 'local-council-childrens-social-care'
/** GOV.UK's council finder, for when no postcode placed the child (not for NI trusts). */
export const FIND_YOUR_COUNCIL_URL = 'https://www.gov.uk/find-local-council'
const ALL_NATIONS: Nation[] = ['england', 'wales', 'scotland', 'northern-ireland']

interface Timed<T> { item: T, validUntil: number }

/**
 * A council as a route shows it to one audience: only that audience's contacts, and only the
 * sources of the record and of those contacts (a page's quote may hold the other audience's number).
 */
function forAudience (entry: LocalAuthorityEntry, served: LocalAuthority, audience: CouncilContactAudience): LocalAuthority {
  const contacts = served.contacts.filter((c) => c.audience === audience)
  const cited = new Set([...entry.recordSources, ...contacts.flatMap((c) => c.sources)])
  // With none left, the record's own note (about every contact) would not fit what is shown.
  const note = contacts.length > 0 || served.contacts.length === 0 ? served.contacts_note : NONE_FOR[audience]
  return { ...served, contacts, contacts_note: note, sources: served.sources.filter((s) => cited.has(s.id)) }
}

/** What applies in the route's nation for a step's channel (each nation's, when there is none). */
function adviceFor (catalogue: RouteCatalogue, kind: string, id: string, place: Nation | null): NationNote[] {
  const notes = kind === 'reporting-channel' ? catalogue.reportingChannelById.get(id)?.base.nation_notes ?? [] : []
  return place === null ? notes : notes.filter((n) => n.nations.includes(place))
}

/** What a route is composed from: a catalogue, or the typed client's offline one built from a bundle. */
export type RouteCatalogue = Pick<Catalogue, 'helplineById' | 'reportingChannelById' | 'sources' | 'localAuthorities'>

/** Said when a Northern Ireland route could not place the child with one Trust. */
const CHOOSE_A_TRUST: NationNote = {
  nations: ['northern-ireland'],
  text: 'The right Trust is the one for the area where the child lives: choose it from the five listed. Northern Ireland postcodes are not in the open data this service bundles, so a postcode alone cannot pick it here unless the server is set up with a postcode service.',
  sources: ['nidirect-reporting-child-abuse']
}

/** What to do when a step has nothing to call or open in the route's nation. */
function insteadOf (advice: readonly NationNote[]): string {
  const words = advice.map((a) => a.text).join(' ')
  return `${words === '' ? '' : `${words} `}Nothing to call or open is listed for this step here yet; the other steps of this route apply, and if a child is in immediate danger, call 999.`
}

const NONE_FOR: Record<CouncilContactAudience, string> = {
  public: 'No number for the public has been sourced for this council yet. Use the council\'s website or GOV.UK\'s council finder, or the national routes in this answer (999 if a child is in immediate danger).',
  professionals: 'No line for professionals has been sourced for this council: its numbers for the public are in the route without audience=professionals.'
}

/**
 * The ordered steps for a situation: for one nation when known (from the postcode, else
 * `?nation=`), otherwise every step with the nations it applies in. The council step names
 * the child's own council when a postcode placed them.
 */
export function composeRoute (
  catalogue: RouteCatalogue,
  entry: RouteEntry,
  nation: Nation | undefined,
  lookup: AuthorityLookup | null,
  moment: Moment,
  audience: CouncilContactAudience = 'public'
): Timed<ReportingRoute> {
  const place = lookup?.match.nation ?? nation ?? null
  const at: Moment = { ...moment, nation: place ?? undefined }
  const council = lookup?.authorities[0]
  let validUntil = Number.POSITIVE_INFINITY
  const sourceIds = new Set(entry.record.sources)
  const steps: RouteStep[] = entry.record.steps
    .filter((step) => place === null || step.nations === undefined || step.nations.includes(place))
    .map((step, i) => {
      // cross-check-links.ts has made sure every target exists
      const service = serviceSummary(catalogue, step.target.kind, step.target.id, at)!
      validUntil = Math.min(validUntil, service.validUntil)
      const isCouncil = step.target.id === LOCAL_COUNCIL_CHANNEL
      let localAuthority = null
      let chooseFrom: LocalAuthority[] = []
      if (isCouncil && council !== undefined) {
        const resolved = serviceAt(council, at)
        validUntil = Math.min(validUntil, resolved.validUntil)
        // A professionals' line is never offered to the public as the way to report, and
        // the public's are not what a practitioner is asked to use.
        localAuthority = forAudience(council, resolved.item, audience)
      } else if (isCouncil && place === 'northern-ireland') {
        // No Trust placed (NI postcodes are not in the bundled open data): all five, to choose from.
        chooseFrom = catalogue.localAuthorities.filter((la) => la.base.body_type === 'hsc-trust').map((trust) => {
          const resolved = serviceAt(trust, at)
          validUntil = Math.min(validUntil, resolved.validUntil)
          return forAudience(trust, resolved.item, audience)
        })
      }
      const findUrl = isCouncil && localAuthority === null && place !== 'northern-ireland' ? FIND_YOUR_COUNCIL_URL : null
      const advice = [...adviceFor(catalogue, step.target.kind, step.target.id, place), ...(chooseFrom.length > 0 ? [CHOOSE_A_TRUST] : [])]
      for (const id of [...(step.sources ?? []), ...advice.flatMap((a) => a.sources)]) sourceIds.add(id)
      const reachable = findUrl !== null || [...service.item.contacts, ...(localAuthority?.contacts ?? []), ...chooseFrom.flatMap((t) => t.contacts)].some((c) => c.uri !== null)
      return {
        order: i + 1,
        why: step.why,
        when: step.when ?? null,
        nations: step.nations ?? ALL_NATIONS,
        service: service.item,
        local_authority: localAuthority,
        choose_from: chooseFrom,
        find_your_council_url: findUrl,
        advice,
        instead: reachable ? null : insteadOf(advice),
        sources: step.sources ?? []
      }
    })
  const stale = staleness(entry.record.review_by, moment.instant)
  return {
    item: {
      situation: entry.situation,
      nation: place,
      audience,
      location: lookup === null ? null : { match: lookup.match, authorities: lookup.authorities.map((la) => la.ref), alternatives: lookup.alternatives },
      steps,
      sources: [...sourceIds].map((id) => catalogue.sources.get(id) as Source),
      verified_on: entry.record.verified_on,
      review_by: entry.record.review_by,
      stale: stale.stale
    },
    validUntil: Math.min(validUntil, stale.validUntil)
  }
}
