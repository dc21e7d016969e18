import { ApiProblem, getData } from './api.js'
import { badgeFor, type BadgeMaker } from './contact-view.js'
import { h } from './dom.js'
import { helplinesView } from './helplines-view.js'
import { nextLondonMidnight } from './open-badge.js'
import { postcodeForm } from './postcode-form.js'
import { exitUrlOf, leave, watchEscape } from './quick-exit.js'
import { routeView } from './route-view.js'
import { adoptStyles } from './styles.js'
import type { Contact, Helpline, Lookup, ReportingRoute } from './types.js'
import { EXIT_HINT, WORDING } from './wording.js'

const LONGEST_TIMER_MS = 2 ** 31 - 1
const RETRY_MS = 60_000
// A status the API says has already changed: this clock runs ahead of the server's. Ask again soon.
const AHEAD_MS = 60_000

interface Built { node: Node, badges: HTMLElement[], nextChange: number }

/**
 * <safeguarding-help>: where to turn when a child may be at risk, from the Safeguarding API.
 * 999 is shown first, before anything is fetched, and stays whatever the network does.
 */
export class SafeguardingHelp extends HTMLElement {
  static observedAttributes = ['situation', 'nation', 'show', 'audience', 'exit-url', 'api', 'postcode']

  #root: ShadowRoot | undefined
  #content = h('div', { class: 'body' })
  #live = h('p', { class: 'small', role: 'status' })
  #badges: HTMLElement[] = []
  #timer: ReturnType<typeof setTimeout> | undefined
  #stopEscape: (() => void) | undefined
  // Kept in memory while shown, for this widget's own requests; never stored anywhere.
  #postcode = ''
  #generation = 0

  connectedCallback (): void {
    this.#stopEscape ??= watchEscape({ exitUrl: () => this.#exitUrl() })
    this.#frame()
    this.#show(false)
  }

  disconnectedCallback (): void {
    clearTimeout(this.#timer)
    this.#stopEscape?.()
    this.#stopEscape = undefined
  }

  attributeChangedCallback (): void {
    if (this.#root === undefined) return
    this.#frame()
    this.#show(false)
  }

  #words () { return WORDING[this.getAttribute('audience') === 'children' ? 'children' : 'adults'] }
  #exitUrl (): string { return exitUrlOf(this.getAttribute('exit-url')) }

  /** The API's base URL: the `api` attribute, else where this script was loaded from. */
  #api (): string {
    const base = new URL(this.getAttribute('api') ?? new URL('../../', import.meta.url).href, document.baseURI)
    return base.href.endsWith('/') ? base.href : `${base.href}/`
  }

  /** 999, quick exit and a place for the content. */
  #frame (): void {
    if (this.#root === undefined) {
      this.#root = this.attachShadow({ mode: 'open' })
      adoptStyles(this.#root)
    }
    const words = this.#words()
    const exit = h('button', { type: 'button', part: 'quick-exit' }, 'Quick exit')
    exit.addEventListener('click', () => leave(this.#exitUrl()))
    this.#content.replaceChildren(h('p', { role: 'status' }, 'Loading help…'))
    this.#root.replaceChildren(h('section', { class: 'sg', part: 'container', 'aria-label': 'Where to get help', lang: 'en-GB' },
      h('div', { class: 'top' },
        h('p', { class: 'emergency', part: 'emergency' }, `${words.emergency}.`, h('br'), h('a', { href: 'tel:999', part: 'call-999' }, 'Call 999')),
        h('div', { class: 'exit' }, exit, h('p', {}, EXIT_HINT))),
      this.#content,
      this.#live))
  }

  /** Fetches and shows the content; `toCouncil` moves focus to the council a postcode found. */
  async #show (toCouncil: boolean): Promise<void> {
    const generation = ++this.#generation
    clearTimeout(this.#timer)
    try {
      const built = await this.#build()
      if (generation !== this.#generation) return
      this.#content.replaceChildren(built.node)
      this.#badges = built.badges
      this.#schedule(built.nextChange)
      if (toCouncil) this.#focusCouncil()
    } catch (error) {
      if (generation !== this.#generation) return
      const retry = h('button', { type: 'button', part: 'button' }, 'Try again')
      retry.addEventListener('click', () => { this.#show(false) })
      this.#content.replaceChildren(h('p', { class: 'error', role: 'alert' }, `This help could not be loaded: ${error instanceof ApiProblem ? error.message : 'the service could not be reached.'}`), retry)
    }
  }

  #focusCouncil (): void {
    const heading = this.#content.querySelector<HTMLElement>('[data-council]')
    const input = this.#content.querySelector<HTMLInputElement>('input[aria-invalid]')
    const error = this.#content.querySelector('.postcode .error')?.textContent
    this.#live.textContent = error ?? (heading === null ? 'No council was found for that postcode.' : `Showing ${heading.textContent ?? 'the council'}.`)
    ;(input ?? heading)?.focus()
  }

  /** Builds the content off the page, noting each badge and when the next one changes. */
  async #build (refresh = false): Promise<Built> {
    const now = Date.now()
    const cache: RequestCache = refresh ? 'no-cache' : 'default'
    const badges: HTMLElement[] = []
    let nextChange = nextLondonMidnight(now)
    const badge: BadgeMaker = (contact: Contact) => {
      const changes = contact.next_change === null ? Number.NaN : Date.parse(contact.next_change)
      if (!Number.isNaN(changes)) nextChange = Math.min(nextChange, changes > now ? changes : now + AHEAD_MS)
      const element = badgeFor(contact, now)
      badges.push(element)
      return element
    }
    const api = this.#api()
    const nation = this.getAttribute('nation') ?? undefined
    const words = this.#words()
    const wantsPostcode = this.hasAttribute('postcode')
    let postcodeError: string | null = null
    const field = () => wantsPostcode ? postcodeForm(words.postcodeLabel, this.#postcode, postcodeError, (postcode) => this.#lookUp(postcode)) : null

    if (this.getAttribute('show') === 'helplines') {
      const helplines = await getData<Helpline[]>(api, 'v1/helplines', { nation, per_page: '100' }, cache)
      let lookup: Lookup | null = null
      if (this.#postcode !== '') {
        try {
          lookup = await getData<Lookup>(api, 'v1/local-authorities/lookup', { postcode: this.#postcode }, 'no-store')
        } catch (error) {
          postcodeError = problemText(error)
        }
      }
      return { node: helplinesView(helplines, words, this.getAttribute('audience') === 'children', badge, lookup, field()), badges, nextChange }
    }
    // The public's council numbers (the API's default, asked for by name all the same).
    const params = { situation: this.getAttribute('situation') ?? 'worried-about-a-child', nation, audience: 'public' }
    let route: ReportingRoute | undefined
    if (this.#postcode !== '') {
      try {
        route = await getData<ReportingRoute>(api, 'v1/reporting-routes', { ...params, postcode: this.#postcode }, 'no-store')
      } catch (error) {
        postcodeError = problemText(error)
      }
    }
    route ??= await getData<ReportingRoute>(api, 'v1/reporting-routes', params, cache)
    return { node: routeView(route, badge, field()), badges, nextChange }
  }

  #lookUp (postcode: string): void {
    this.#postcode = postcode
    this.#show(true)
  }

  /** When a badge's status changes (or the day does), fetch again and update the badges in place. */
  #schedule (at: number): void {
    const delay = Math.min(LONGEST_TIMER_MS, Math.max(1000, at - Date.now() + 1000))
    this.#timer = setTimeout(() => { this.#refresh() }, delay)
  }

  async #refresh (): Promise<void> {
    const generation = this.#generation
    try {
      const built = await this.#build(true)
      if (generation !== this.#generation) return
      // Same answer, new times: update the badges where they are, so focus and reading place stay.
      if (built.badges.length === this.#badges.length) {
        built.badges.forEach((badge, i) => this.#badges[i]?.replaceWith(badge))
        this.#badges = built.badges
      } else {
        this.#content.replaceChildren(built.node)
        this.#badges = built.badges
      }
      this.#schedule(built.nextChange)
    } catch {
      if (generation === this.#generation) this.#timer = setTimeout(() => { this.#refresh() }, RETRY_MS)
    }
  }
}

/** Why a postcode found nothing, in words for anyone (the API's own are for developers). */
function problemText (error: unknown): string {
  return error instanceof ApiProblem && error.status === 400
    ? 'That does not look like a UK postcode. Check it and try again.'
    : 'The postcode could not be looked up just now. Try again, or use the other ways to get help here.'
}
