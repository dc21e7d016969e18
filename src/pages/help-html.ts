import type { Contact } from '../../schemas/contact.js'
import type { LocalAuthority } from '../../schemas/local-authority.js'
import type { Helpline } from '../../schemas/helpline.js'
import type { ReportingRoute } from '../../schemas/reporting-route.js'
import { openBadge } from '../embed/open-badge.js'
import { safeHref } from '../embed/safe-href.js'
import { DEFAULT_EXIT_URL, nationNames, WORDING } from '../embed/wording.js'
import { html, type Html } from './html.js'

/*
 * The help as server-rendered HTML, for pages without JavaScript: the same order, words and
 * badges as the web component (they share the wording and the badge), every value escaped.
 */

const words = WORDING.adults

/**
 * 999 first, then quick exit as a plain link that leaves the whole page (`target="_top"`
 * when framed). Without script it cannot keep the page out of the history, so it says so.
 */
export function topHtml (): Html {
  return html`<div class="top">
<p class="emergency">${words.emergency}.<br><a class="button call" href="tel:999" target="_top">Call 999</a></p>
<div class="exit"><a class="button" href="${DEFAULT_EXIT_URL}" target="_top" rel="noreferrer">Quick exit</a>
<p>Quick exit leaves this page at once. It stays in your history: to hide this visit, clear your browsing history.</p></div>
</div>`
}

function contactHtml (contact: Contact, now: number): Html {
  const badge = openBadge(contact.open_now, contact.next_change, now, contact.hours?.always_open === true)
  const text = html`<span class="label">${contact.label}</span> <span class="value">${contact.value}</span>`
  // A contact without a uri (unverified, or an app) is never a link to dial. Links open in
  // the whole window: most services' pages refuse to be framed.
  const action = safeHref(contact.uri) && contact.verification !== 'unverified'
    ? html`<a class="action" href="${contact.uri}" target="_top">${text}</a>`
    : html`<p class="action off">${text}${contact.verification === 'unverified' ? html` <span class="note">Not confirmed: check before you use it</span>` : null}</p>`
  const hours = contact.hours?.description ?? contact.hours_note
  return html`<li class="contact">${action}<p class="meta"><span class="badge ${badge.state}">${badge.text}</span>${hours === null ? null : html` <span>${hours}</span>`}${contact.cost === null ? null : html` <span>${contact.cost}</span>`}</p></li>`
}

function contactsHtml (contacts: readonly Contact[], now: number): Html | null {
  return contacts.length === 0 ? null : html`<ul class="contacts">${contacts.map((c) => contactHtml(c, now))}</ul>`
}

/** A council or HSC Trust to choose from: its public contacts, else its own note, and its website. */
function councilHtml (council: LocalAuthority, now: number): Html {
  return html`<div class="council"><h3>${council.name}</h3>
${contactsHtml(council.contacts.filter((c) => c.audience === 'public'), now) ?? html`<p>${council.contacts_note}</p>`}
${safeHref(council.report_url) ? html`<p><a href="${council.report_url}" target="_top">Report a concern to ${council.short_name} online</a></p>` : null}
${safeHref(council.homepage_url) ? html`<p><a href="${council.homepage_url}" target="_top">${council.name} website</a></p>` : null}
</div>`
}

/** A route's steps in order, as the API gives them (999 first where it applies). */
export function routeHtml (route: ReportingRoute, now: number): Html {
  const steps = route.steps.map((step) => html`<li class="step">
<h2>${step.service.name}</h2>
${step.when === null ? null : html`<p class="when">${step.when}</p>`}
<p>${step.why}</p>
${step.service.do_not.length === 0 ? null : html`<ul>${step.service.do_not.map((d) => html`<li>${d}</li>`)}</ul>`}
${step.instead === null
  ? step.advice.map((a) => html`<p class="advice">${route.nation === null ? `${nationNames(a.nations)}: ${a.text}` : a.text}</p>`)
  : html`<p class="advice">${step.instead}</p>`}
${contactsHtml(step.service.contacts, now)}
${step.choose_from.map((trust) => councilHtml(trust, now))}
${safeHref(step.find_your_council_url) ? html`<p><a href="${step.find_your_council_url}" target="_top">Find the council on GOV.UK</a></p>` : null}
</li>`)
  return html`<main>
${topHtml()}
<h1>${route.situation.title}</h1>
<p>${route.situation.summary}</p>
<ol class="steps">${steps}</ol>
<p class="small">Checked ${route.verified_on}. From the Safeguarding API.</p>
</main>`
}

/** Helplines, each with its contacts, in the API's order. */
export function helplinesHtml (helplines: readonly Helpline[], now: number): Html {
  const items = helplines.map((hl) => html`<li class="step">
<h2>${hl.name}</h2>
<p>${hl.summary}</p>
${contactsHtml(hl.contacts, now)}
</li>`)
  return html`<main>
${topHtml()}
<h1>${words.helplines}</h1>
<p>${words.helplinesIntro}</p>
<ul class="steps">${items}</ul>
<p class="small">From the Safeguarding API.</p>
</main>`
}
