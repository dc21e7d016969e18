import type { Nation } from '../../schemas/common.js'
import type { ContactKind } from '../../schemas/contact.js'
import type { Audience, Helpline, Topic } from '../../schemas/helpline.js'
import type { Catalogue, HelplineEntry } from '../catalogue/build-catalogue.js'
import { searchKey } from '../catalogue/build-common.js'
import { contactsAt, staleness, type Moment } from './moment.js'

export interface HelplineFilters {
  nation?: Nation
  audience?: Audience
  topic?: Topic
  contact_kind?: ContactKind
  q?: string
  open_now?: boolean
}

/** A helpline as served at a moment, and until when that answer stays right. */
export interface HelplineAt {
  helpline: Helpline
  validUntil: number
}

/** A helpline with its contacts' open-now status and staleness at a moment. */
export function helplineAt (entry: HelplineEntry, moment: Moment): HelplineAt {
  const { contacts, validUntil } = contactsAt(entry.contacts, entry.base.nations, moment)
  const stale = staleness(entry.base.review_by, moment.instant)
  return {
    helpline: { ...entry.base, contacts, stale: stale.stale },
    validUntil: Math.min(validUntil, stale.validUntil)
  }
}

function matchesStatic (entry: HelplineEntry, filters: HelplineFilters, needle: string | undefined): boolean {
  const { base } = entry
  return (filters.nation === undefined || base.nations.includes(filters.nation)) &&
    (filters.audience === undefined || base.audiences.includes(filters.audience)) &&
    (filters.topic === undefined || base.topics.includes(filters.topic)) &&
    (filters.contact_kind === undefined || entry.contacts.some((c) => c.base.kind === filters.contact_kind)) &&
    (needle === undefined || entry.search.includes(needle))
}

/** Open now by the contacts asked about: any of them, or any of `contact_kind`. */
function isOpen (helpline: Helpline, kind: ContactKind | undefined): boolean {
  return helpline.contacts.some((c) => (kind === undefined || c.kind === kind) && c.open_now === true)
}

/**
 * Helplines matching the filters at a moment, in the catalogue's stable order (by name),
 * and until when the answer stays right (the earliest status change among them).
 */
export function findHelplines (catalogue: Catalogue, filters: HelplineFilters, moment: Moment): { items: Helpline[], validUntil: number } {
  const needle = filters.q === undefined ? undefined : searchKey(filters.q.trim())
  let validUntil = Number.POSITIVE_INFINITY
  const items: Helpline[] = []
  for (const entry of catalogue.helplines) {
    if (!matchesStatic(entry, filters, needle)) continue
    const at = helplineAt(entry, moment)
    validUntil = Math.min(validUntil, at.validUntil)
    if (filters.open_now === undefined || isOpen(at.helpline, filters.contact_kind) === filters.open_now) items.push(at.helpline)
  }
  return { items, validUntil }
}
