import { contactList, type BadgeMaker } from './contact-view.js'
import { councilView, placeNote } from './council-view.js'
import { h } from './dom.js'
import type { Helpline, Lookup } from './types.js'
import type { Wording } from './wording.js'

const CHILDREN = new Set(['children', 'young-people'])

/** For children, services for children first; for adults, services only for children last. */
export function byAudience (helplines: readonly Helpline[], children: boolean): Helpline[] {
  const forChildren = (hl: Helpline) => children ? hl.audiences.some((a) => CHILDREN.has(a)) : !hl.audiences.every((a) => CHILDREN.has(a))
  return [...helplines.filter(forChildren), ...helplines.filter((hl) => !forChildren(hl))]
}

/** The helplines, then (with the postcode field) the council a postcode found. */
export function helplinesView (helplines: readonly Helpline[], words: Wording, children: boolean, badge: BadgeMaker, lookup: Lookup | null, postcodeField: HTMLElement | null): HTMLElement {
  const council = lookup?.authorities[0]
  return h('div', {},
    h('h2', { part: 'title' }, words.helplines),
    h('p', {}, words.helplinesIntro),
    h('ul', { class: 'steps', part: 'steps' }, ...byAudience(helplines, children).map((hl) => h('li', { class: 'step', part: 'step' },
      h('h3', {}, hl.name),
      h('p', {}, hl.summary),
      contactList(hl.contacts, badge)))),
    postcodeField === null
      ? null
      : h('section', { class: 'step', part: 'step' },
        h('h3', {}, words.councilTitle),
        lookup === null ? null : placeNote(lookup),
        council === undefined ? null : councilView(council, badge),
        postcodeField))
}
