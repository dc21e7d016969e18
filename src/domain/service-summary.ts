import type { ServiceSummary } from '../../schemas/reporting-route.js'
import type { Catalogue } from '../catalogue/build-catalogue.js'
import { serviceAt, type Moment } from './moment.js'

export type ServiceKind = ServiceSummary['kind']

/** A helpline or reporting channel in brief at a moment, and until when that holds. */
export function serviceSummary (catalogue: Pick<Catalogue, 'helplineById' | 'reportingChannelById'>, kind: ServiceKind, id: string, moment: Moment): { item: ServiceSummary, validUntil: number } | undefined {
  if (kind === 'helpline') {
    const entry = catalogue.helplineById.get(id)
    if (entry === undefined) return undefined
    const { item, validUntil } = serviceAt(entry, moment)
    return { item: { kind, id, name: item.name, summary: item.summary, urgency: null, anonymity: item.anonymity, do_not: [], contacts: item.contacts, links: item.links }, validUntil }
  }
  const entry = catalogue.reportingChannelById.get(id)
  if (entry === undefined) return undefined
  const { item, validUntil } = serviceAt(entry, moment)
  return { item: { kind, id, name: item.name, summary: item.summary, urgency: item.urgency, anonymity: item.anonymity, do_not: item.do_not, contacts: item.contacts, links: item.links }, validUntil }
}

/**
 * What is open at a moment when nothing asked for is: every helpline and reporting channel
 * of the nation (all, without one) with a contact open, showing only its open contacts.
 */
export function openAlternatives (catalogue: Catalogue, moment: Moment): { items: ServiceSummary[], validUntil: number } {
  let validUntil = Number.POSITIVE_INFINITY
  const items: ServiceSummary[] = []
  const candidates = [
    ...catalogue.reportingChannels.map((e) => ['reporting-channel', e.base.id, e.nations] as const),
    ...catalogue.helplines.map((e) => ['helpline', e.base.id, e.nations] as const)
  ]
  for (const [kind, id, nations] of candidates) {
    if (moment.nation !== undefined && !nations.includes(moment.nation)) continue
    const summary = serviceSummary(catalogue, kind, id, moment)!
    validUntil = Math.min(validUntil, summary.validUntil)
    const open = summary.item.contacts.filter((c) => c.open_now === true)
    if (open.length > 0) items.push({ ...summary.item, contacts: open })
  }
  return { items, validUntil }
}
