import { contactList, type BadgeMaker } from './contact-view.js'
import { councilView, placeNote } from './council-view.js'
import { h } from './dom.js'
import { safeHref } from './safe-href.js'
import type { ReportingRoute } from './types.js'
import { nationNames } from './wording.js'

/** The channel the API resolves to the child's own council when a postcode is given. */
export const COUNCIL_STEP = 'local-council-childrens-social-care'

/**
 * The ordered steps of a route, in the API's order (999 first wherever it applies). The
 * council step names the council a postcode found, and carries the postcode field.
 */
export function routeView (route: ReportingRoute, badge: BadgeMaker, postcodeField: HTMLElement | null): HTMLElement {
  const council = route.steps.some((s) => s.service.id === COUNCIL_STEP)
  return h('div', {},
    h('h2', { part: 'title' }, route.situation.title),
    h('p', {}, route.situation.summary),
    h('ol', { class: 'steps', part: 'steps' }, ...route.steps.map((step) => {
      const { service } = step
      const here = service.id === COUNCIL_STEP
      return h('li', { class: 'step', part: 'step' },
        h('h3', {}, service.name),
        step.when === null ? null : h('p', { class: 'when' }, step.when),
        h('p', {}, step.why),
        service.do_not.length === 0 ? null : h('ul', { class: 'warn' }, ...service.do_not.map((d) => h('li', {}, d))),
        // What applies in this nation, or (a step with nothing to call here) what to do instead.
        ...(step.instead === null
          ? step.advice.map((a) => h('p', { class: 'advice' }, route.nation === null ? `${nationNames(a.nations)}: ${a.text}` : a.text))
          : [h('p', { class: 'advice' }, step.instead)]),
        contactList(service.contacts, badge),
        here && route.location !== null ? placeNote(route.location) : null,
        here && step.local_authority !== null ? councilView(step.local_authority, badge) : null,
        ...step.choose_from.map((trust) => councilView(trust, badge)),
        safeHref(step.find_your_council_url) ? h('p', {}, h('a', { href: step.find_your_council_url, class: 'more' }, 'Find the council on GOV.UK')) : null,
        here ? postcodeField : null)
    })),
    council ? null : postcodeField,
    h('p', { class: 'small' }, `Checked ${route.verified_on}.`))
}
