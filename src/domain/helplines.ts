import type { Nation } from '../../schemas/common.js'
import type { ContactKind } from '../../schemas/contact.js'
import type { Audience, Helpline, Topic } from '../../schemas/helpline.js'
import type { Catalogue, HelplineEntry } from '../catalogue/build-catalogue.js'
import { searchKey } from './search-key.js'
import { findServices } from './find-services.js'
import { serviceAt, type Moment } from './moment.js'

export interface HelplineFilters {
  nation?: Nation
  audience?: Audience
  topic?: Topic
  contact_kind?: ContactKind
  q?: string
  open_now?: boolean
}

/** A helpline with its contacts' open-now status and staleness at a moment. */
export function helplineAt (entry: HelplineEntry, moment: Moment): { item: Helpline, validUntil: number } {
  return serviceAt(entry, moment)
}

function matchesStatic (entry: HelplineEntry, filters: HelplineFilters, needle: string | undefined): boolean {
  const { base } = entry
  return (filters.nation === undefined || base.nations.includes(filters.nation)) &&
    (filters.audience === undefined || base.audiences.includes(filters.audience)) &&
    (filters.topic === undefined || base.topics.includes(filters.topic)) &&
    (filters.contact_kind === undefined || entry.contacts.some((c) => c.base.kind === filters.contact_kind && (filters.nation === undefined || c.only === null || c.only.includes(filters.nation)))) &&
    (needle === undefined || entry.search.includes(needle))
}

/**
 * Helplines matching the filters at a moment, in the catalogue's stable order (by name),
 * and until when the answer stays right (the earliest status change among them).
 * `open_now` counts the contacts of `contact_kind` when given, else any contact.
 */
export function findHelplines (catalogue: Pick<Catalogue, 'helplines'>, filters: HelplineFilters, moment: Moment): { items: Helpline[], validUntil: number } {
  const needle = filters.q === undefined ? undefined : searchKey(filters.q.trim())
  return findServices(catalogue.helplines, (entry) => matchesStatic(entry, filters, needle), filters, moment)
}
