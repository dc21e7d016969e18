import type { OpenStatus } from '../../schemas/schedule.js'
import type { ContactBase } from '../catalogue/build-common.js'
import type { ServiceEntry } from '../catalogue/entries.js'
import { anyOpen, serviceAt, type Moment } from './moment.js'

export interface OpenFilter {
  /** true: only those with a contact open at the moment; false: only those with none. */
  open_now?: boolean
  /** Count only contacts of this kind (for `open_now`). */
  contact_kind?: string
}

/**
 * Records that pass `matches`, served at a moment and filtered by open-now, in the
 * catalogue's order; with the instant the answer stops being right (the earliest status
 * change among every record that passed `matches`, open or not, since either may flip).
 */
export function findServices<B extends { review_by: string }, C extends ContactBase = ContactBase> (
  entries: ReadonlyArray<ServiceEntry<B, C>>,
  matches: (entry: ServiceEntry<B, C>) => boolean,
  open: OpenFilter,
  moment: Moment
): { items: Array<B & { contacts: Array<C & OpenStatus>, stale: boolean }>, validUntil: number } {
  let validUntil = Number.POSITIVE_INFINITY
  const items: Array<B & { contacts: Array<C & OpenStatus>, stale: boolean }> = []
  for (const entry of entries) {
    if (!matches(entry)) continue
    const at = serviceAt(entry, moment)
    validUntil = Math.min(validUntil, at.validUntil)
    if (open.open_now === undefined || anyOpen(at.item.contacts, open.contact_kind) === open.open_now) items.push(at.item)
  }
  return { items, validUntil }
}
