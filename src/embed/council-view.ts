import { contactList, type BadgeMaker } from './contact-view.js'
import { h } from './dom.js'
import { safeHref } from './safe-href.js'
import type { Council, CouncilContact, Lookup } from './types.js'

/** Public contacts only: a line for professionals is never offered to the public. */
export function isPublic (contact: CouncilContact): boolean {
  return contact.audience === 'public'
}

/** The council a postcode found: its public numbers, its report page and its website. */
export function councilView (council: Council, badge: BadgeMaker): HTMLElement {
  const contacts = council.contacts.filter(isPublic)
  const report = council.report_url
  return h('div', { class: 'council', part: 'council' },
    h('h4', { tabindex: '-1', 'data-council': '' }, council.name),
    contactList(contacts, badge) ?? h('p', {}, council.contacts_note),
    safeHref(report) ? h('p', {}, h('a', { href: report, class: 'more' }, `Report a concern to ${council.short_name} online`)) : null,
    safeHref(council.homepage_url) ? h('p', {}, h('a', { href: council.homepage_url, class: 'more' }, `${council.name} website`)) : null)
}

/** What a postcode lookup could not settle, in the API's words, and the other bodies to consider. */
export function placeNote (lookup: Omit<Lookup, 'authorities'>): HTMLElement | null {
  const { match, alternatives } = lookup
  if (match.status === 'matched' && alternatives.length === 0 && (match.confidence ?? 1) >= 1) return null
  return h('div', { class: 'note' },
    h('p', {}, match.detail),
    alternatives.length === 0 ? null : h('p', {}, `Also covering this area: ${alternatives.map((a) => a.name).join(', ')}.`))
}
