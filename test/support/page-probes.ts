/*
 * Functions that run inside the browser page (Playwright serialises them), reading the web
 * component as a person meets it: its text in reading order, its links, its badges, what
 * has focus. The test project has no DOM types, so the page's globals are declared loosely.
 */
declare const document: any
declare const window: any
declare function getComputedStyle (element: any): any

export interface WidgetContact { value: string, href: string | null, badge: string, inCouncil: boolean }

export interface WidgetView {
  text: string
  focusables: Array<{ tag: string, text: string, href: string | null }>
  contacts: WidgetContact[]
  smallestFont: number
  smallestTarget: { width: number, height: number, text: string }
  councilName: string | null
}

/** What the first <safeguarding-help> on the page shows. */
export function readWidget (): WidgetView {
  const root = document.querySelector('safeguarding-help').shadowRoot
  const focusables = [...root.querySelectorAll('a[href], button, input')]
  let smallestFont = Infinity
  for (const element of root.querySelectorAll('*')) {
    const hasText = [...element.childNodes].some((n: any) => n.nodeType === 3 && n.textContent.trim() !== '')
    if (hasText) smallestFont = Math.min(smallestFont, Number.parseFloat(getComputedStyle(element).fontSize))
  }
  let smallestTarget = { width: Infinity, height: Infinity, text: '' }
  for (const element of focusables) {
    const { width, height } = element.getBoundingClientRect()
    if (height < smallestTarget.height || width < smallestTarget.width) smallestTarget = { width, height, text: element.textContent }
  }
  return {
    text: root.querySelector('.sg').innerText,
    focusables: focusables.map((e: any) => ({ tag: e.tagName.toLowerCase(), text: e.textContent.trim(), href: e.getAttribute('href') })),
    contacts: [...root.querySelectorAll('li.contact')].map((li: any) => ({
      value: li.querySelector('.value').textContent,
      href: li.querySelector('a')?.getAttribute('href') ?? null,
      badge: li.querySelector('.badge').textContent,
      inCouncil: li.closest('.council') !== null
    })),
    smallestFont,
    smallestTarget,
    councilName: root.querySelector('[data-council]')?.textContent ?? null
  }
}

/** Where keyboard focus is: an index into the widget's focusable elements, or the page element's text. */
export function describeFocus (): string {
  let active = document.activeElement
  let widget: any = null
  while (active?.shadowRoot?.activeElement) {
    widget = active.shadowRoot
    active = active.shadowRoot.activeElement
  }
  if (widget === null) return `page: ${String(active?.textContent ?? '').trim()}`
  return `widget ${[...widget.querySelectorAll('a[href], button, input, [tabindex]')].indexOf(active)}: ${String(active.textContent).trim()}`
}

/** The widget's focusable elements described as describeFocus does. */
export function widgetFocusOrder (): string[] {
  const root = document.querySelector('safeguarding-help').shadowRoot
  return [...root.querySelectorAll('a[href], button, input, [tabindex]')]
    .map((e: any, i: number) => ({ e, i }))
    .filter(({ e }: any) => e.tabIndex >= 0)
    .map(({ e, i }: any) => `widget ${i}: ${String(e.textContent).trim()}`)
}

/** Everything a page could have kept in the browser, for the host page's origin. */
export async function readStorage (): Promise<{ session: number, local: number, databases: number, caches: number, workers: number }> {
  return {
    session: window.sessionStorage.length,
    local: window.localStorage.length,
    databases: (await window.indexedDB.databases()).length,
    caches: (await window.caches.keys()).length,
    workers: (await window.navigator.serviceWorker.getRegistrations()).length
  }
}

/** Records CSP violations from the first moment of every document (an init script). */
export function recordViolations (): void {
  window.__violations = []
  window.addEventListener('securitypolicyviolation', (e: any) => window.__violations.push(`${String(e.violatedDirective)} ${String(e.blockedURI)}`))
}

/** Runs axe-core (already evaluated into the page) for the given tags. */
export async function runAxe (tags: string[]): Promise<{ violations: Array<{ id: string, targets: unknown[] }>, checkedShadow: boolean, passes: number }> {
  const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
  return {
    violations: result.violations.map((v: any) => ({ id: v.id, targets: v.nodes.map((n: any) => n.target) })),
    // axe names a node inside a shadow root by a list of selectors, one per root.
    checkedShadow: result.passes.some((p: any) => p.nodes.some((n: any) => Array.isArray(n.target[0]))),
    passes: result.passes.length
  }
}
