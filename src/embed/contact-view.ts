import { h } from './dom.js'
import { safeHref } from './safe-href.js'
import { openBadge } from './open-badge.js'
import type { Contact } from './types.js'

/** Makes a badge for a contact; the widget keeps them to update when a status changes. */
export type BadgeMaker = (contact: Contact) => HTMLElement

/** A badge element, saying whether the contact is open at `now`. */
export function badgeFor (contact: Contact, now: number): HTMLElement {
  const badge = openBadge(contact.open_now, contact.next_change, now, contact.hours?.always_open === true)
  return h('span', { class: `badge ${badge.state}`, part: `badge badge-${badge.state}` }, badge.text)
}

/**
 * One way to get in touch: a tap-to-call (or text, mail, web) link from the API's `uri`, the
 * hours in words and the badge. A contact without a uri (unverified, or an app) is text only,
 * never something to dial.
 */
export function contactView (contact: Contact, badge: BadgeMaker): HTMLElement {
  const words = [h('span', { class: 'label' }, contact.label), h('span', { class: 'value' }, contact.value)]
  const action = safeHref(contact.uri) && contact.verification !== 'unverified'
    ? h('a', { class: 'action', part: 'action', href: contact.uri }, ...words)
    : h('p', { class: 'action off' }, ...words, contact.verification === 'unverified' ? h('span', { class: 'note' }, 'Not confirmed: check before you use it') : null)
  const hours = contact.hours?.description ?? contact.hours_note
  return h('li', { class: 'contact', part: 'contact' }, action,
    h('p', { class: 'meta' }, badge(contact), hours === null ? null : h('span', {}, hours), contact.cost === null ? null : h('span', {}, contact.cost)))
}

/** A list of contacts; nothing when there are none. */
export function contactList (contacts: readonly Contact[], badge: BadgeMaker): HTMLElement | null {
  return contacts.length === 0 ? null : h('ul', { class: 'contacts' }, ...contacts.map((c) => contactView(c, badge)))
}
