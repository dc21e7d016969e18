import type { Nation } from '../../schemas/common.js'
import type { ContactBase, ContactEntry } from './build-common.js'

/**
 * A record with contacts, built once per release: everything but the fields that depend on
 * the moment asked about (contacts' open-now status, staleness).
 */
export interface ServiceEntry<B extends { review_by: string }, C = ContactBase> {
  base: B
  contacts: Array<ContactEntry<C>>
  /** Nations served: picks the bank-holiday calendar when the request names none. */
  nations: readonly Nation[]
  /** Lower-cased, accent-free text searched by `q`. */
  search: string
}
