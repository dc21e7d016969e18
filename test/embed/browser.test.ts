import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Frame, Page, Request } from 'playwright-core'
import t from 'tap'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { buildApp } from '../../src/app.js'
import { testConfig } from '../../src/config.js'
import { openBadge } from '../../src/embed/open-badge.js'
import { projectRoot } from '../../src/paths.js'
import { REAL_DATA } from '../helper.js'
import { CHROMIUM, launchChromium, serveSite, unescapeHtml } from '../support/browser.js'
import { describeFocus, readStorage, readWidget, recordViolations, runAxe, widgetFocusOrder } from '../support/page-probes.js'

// The embed as a charity's visitor meets it: the demo's snippet pasted into a page on another
// origin with a strict CSP, in Debian's Chromium, against the API on the real data. One browser
// for the file. The API's clock and the page's stand at the same moment, so what the badges
// say can be checked against what the API says.

const T0 = Date.parse('2026-12-01T21:30:00Z') // a Tuesday evening (GMT): the NSPCC Helpline is open until 10pm
const AFTER_TEN = Date.parse('2026-12-01T22:00:30Z')
const EXIT = 'https://www.bbc.co.uk/weather'
const SHOTS = join(projectRoot, '.artifacts', 'embed')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const BUDGET = 12 * 1024
// UK short codes dialled as written (emergency, police, NHS, Samaritans, text relay).
const SHORT_CODES = new Set(['999', '112', '101', '111', '116123', '18000'])

/** Whether a link is a tel: URI a phone can dial: E.164, a short code, or a relay prefix before one. */
function validTel (href: string): boolean {
  const number = /^tel:(\+?\d+)$/.exec(href)?.[1]
  if (number === undefined) return false
  if (number.startsWith('+')) return parsePhoneNumberFromString(number)?.isValid() === true
  if (SHORT_CODES.has(number)) return true
  const relayed = number.startsWith('18001') ? number.slice(5) : undefined
  return relayed !== undefined && (SHORT_CODES.has(relayed) || parsePhoneNumberFromString(relayed, 'GB')?.isValid() === true)
}
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

// Debian's chromium package (.ci/run installs it). Missing on a developer's machine, the tests
// are skipped and say why; missing in CI, that is a failure.
const missing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`
if (missing !== false && process.env.CI !== undefined) t.fail(`${missing}, and CI must run the browser tests`)

t.test('the embed in Chromium', { skip: missing }, async (t) => {
  let serverNow = T0
  const app = await buildApp(testConfig({ DATA_DIR: REAL_DATA, RATE_LIMIT_MAX: 100_000 }), { clock: () => serverNow, maxEventLoopDelay: 60_000 })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  t.teardown(() => app.close())

  // What a charity pastes, from the demo page. Its addresses are relative to the API (the page
  // says so): on another site they get the API's origin in front.
  const demoHtml = await (await fetch(`${api}/embed`)).text()
  const snippet = unescapeHtml(/<pre data-embed-snippet><code>([\s\S]*?)<\/code><\/pre>/.exec(demoHtml)?.[1] ?? '')
  const pasted = snippet.replaceAll('src="/', `src="${api}/`)

  // The host pages allow scripts and connections from the API only; nothing inline, no eval. A
  // lax referrer policy of their own: the widget must still send no referrer.
  const strict = { 'content-security-policy': `default-src 'none'; script-src ${api}; connect-src ${api}`, 'referrer-policy': 'unsafe-url' }
  const host = await serveSite({
    '/': { headers: strict, body: '<!doctype html><html lang="en"><title>Start</title><h1>Start</h1><a href="/help">Get help</a></html>' },
    '/help': {
      headers: strict,
      body: `<!doctype html><html lang="en"><head><title>A charity</title></head><body><header><a href="/about">About us</a></header><main><h1>Get help</h1>\n${pasted}\n</main><footer><a href="/contact">Contact us</a></footer></body></html>`
    },
    '/framed': {
      headers: { 'content-security-policy': `default-src 'none'; frame-src ${api}` },
      body: `<!doctype html><html lang="en"><title>Framed</title><h1>Help</h1><iframe title="Where to get help" src="${api}/embed/v1/route.html?situation=online-grooming&amp;nation=wales"></iframe><iframe title="Helplines" src="${api}/embed/v1/helplines.html?nation=scotland"></iframe></html>`
    }
  })
  t.teardown(host.close)

  const chromium = await launchChromium()
  t.teardown(chromium.close)
  const { context } = chromium
  await context.clock.install({ time: T0 })
  await context.addInitScript(recordViolations)
  await context.route(EXIT, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Weather</title><h1>Weather</h1></html>' }))
  const requests: Request[] = []
  const consoleErrors: string[] = []
  context.on('request', (r) => { requests.push(r) })
  context.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text()) })
  context.on('weberror', (e) => { consoleErrors.push(String(e.error())) })
  await mkdir(SHOTS, { recursive: true })

  async function axe (target: Page | Frame) {
    await target.evaluate(axeSource)
    return target.evaluate(runAxe, AXE_TAGS)
  }

  const violationsOf = (target: Page | Frame) => target.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations)
  /** The page's globals, inside functions that run in the browser (the test has no DOM types). */
  type InPage = any

  interface ContactJson { value: string, uri: string | null, kind: string, open_now: boolean | null, next_change: string | null, hours: { always_open: boolean } | null, audience?: string }
  interface RouteJson { steps: Array<{ service: { contacts: ContactJson[] }, local_authority: { name: string, contacts: ContactJson[] } | null }> }

  /** The contacts of a route in reading order, as the API gives them; the council's public ones only. */
  function routeContacts (route: RouteJson): ContactJson[] {
    return route.steps.flatMap((s) => [...s.service.contacts, ...(s.local_authority?.contacts.filter((c) => c.audience === 'public') ?? [])])
  }
  const apiRoute = async (query: string) => ((await (await fetch(`${api}/v1/reporting-routes?${query}`)).json()) as { data: RouteJson }).data
  const badgeOf = (c: ContactJson, now: number) => openBadge(c.open_now, c.next_change, now, c.hours?.always_open === true).text
  const widgetReady = () => (globalThis as InPage).document.querySelector('safeguarding-help')?.shadowRoot?.querySelector('.steps') != null

  let page: Page

  t.test('the pasted snippet shows the route on another origin, 999 first, with the API\'s numbers and statuses', async (t) => {
    t.match(snippet, /^<script type="module" src="\/embed\/v1\/help\.js"[^>]*><\/script>\n<safeguarding-help [^>]*><\/safeguarding-help>$/, 'the demo\'s snippet: a module script and the element')
    page = await context.newPage()
    await page.goto(`${host.origin}/`)
    await page.goto(`${host.origin}/help`)
    await page.waitForFunction(widgetReady)
    const view = await page.evaluate(readWidget)
    t.match(view.text, /^If a child is in immediate danger, call 999\.\s*Call 999/, 'the first words read are 999')
    t.same(view.focusables[0], { tag: 'a', text: 'Call 999', href: 'tel:999' }, 'the first control calls 999')

    const expected = routeContacts(await apiRoute('situation=worried-about-a-child'))
    t.equal(view.contacts.length, expected.length, 'every contact of the route is shown')
    t.same(view.contacts.map((c) => c.badge), expected.map((c) => badgeOf(c, T0)), 'each badge says what the API says at this moment')
    t.same(view.contacts.map((c) => c.href), expected.map((c) => c.uri), 'each link is the API\'s uri; a contact without one is not a link')
    const tel = view.contacts.filter((c) => c.href?.startsWith('tel:'))
    t.ok(tel.length >= 8, `${tel.length} phone links`)
    t.same(tel.filter((c) => !validTel(c.href ?? '')).map((c) => c.href), [], 'every phone link is a valid tel: URI (E.164, a UK short code or a relay prefix)')
    t.equal(view.contacts.find((c) => c.value === '0808 800 5000')?.badge, 'Open until 10pm', 'the NSPCC Helpline is open until 10pm on a Tuesday at 9:30pm')
    t.equal(view.contacts.find((c) => c.value === '999')?.badge, 'Open 24 hours')
    t.ok(view.smallestFont >= 16, `no text smaller than 16px (smallest ${view.smallestFont}px)`)
    t.ok(view.smallestTarget.height >= 44 && view.smallestTarget.width >= 44, `every target at least 44px (smallest ${view.smallestTarget.width}×${view.smallestTarget.height}, "${view.smallestTarget.text}")`)

    const script = requests.find((r) => r.url() === `${api}/embed/v1/help.js`)
    t.equal(await script?.headerValue('referer') ?? null, null, 'help.js is loaded without a referrer')
    const served = await script?.response()
    t.equal(served?.headers()['content-encoding'], 'br', 'help.js is served with Brotli')
    const size = script === undefined ? 0 : (await script.sizes()).responseBodySize
    t.ok(size > 0 && size <= BUDGET, `help.js is ${size} bytes with Brotli (budget ${BUDGET})`)
  })

  t.test('axe finds no WCAG 2 A/AA violation in the component, its shadow DOM included, light and dark', async (t) => {
    const light = await axe(page)
    t.same(light.violations, [], 'light: no violations')
    t.ok(light.checkedShadow, 'axe checked nodes inside the shadow root')
    await page.emulateMedia({ colorScheme: 'dark' })
    t.same((await axe(page)).violations, [], 'dark: no violations')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  t.test('the keyboard alone reaches every control, in reading order, between the host page\'s own links', async (t) => {
    const order = await page.evaluate(widgetFocusOrder)
    t.ok(order.length > 10, `${order.length} controls`)
    t.match(order[1], /Quick exit/, 'quick exit right after Call 999')
    const expected = ['page: About us', ...order, 'page: Contact us']
    const seen: string[] = []
    await page.evaluate(() => (globalThis as InPage).document.activeElement?.blur())
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab')
      seen.push(await page.evaluate(describeFocus))
    }
    t.same(seen, expected)
  })

  t.test('the postcode field finds the council and its public numbers, asking the API only', async (t) => {
    const before = requests.length
    const field = page.getByLabel('Postcode where the child lives')
    await field.fill('not a postcode')
    await field.press('Enter')
    await page.waitForFunction(() => (globalThis as InPage).document.querySelector('safeguarding-help').shadowRoot.querySelector('.postcode .error') != null)
    t.match(await page.evaluate(readWidget), { text: /That does not look like a UK postcode\. Check it and try again\./ }, 'a mistyped postcode: said beside the field')
    t.match(await page.evaluate(describeFocus), /^widget \d+: $/, 'focus returns to the field')
    t.equal(await field.getAttribute('aria-invalid'), 'true')
    t.match(consoleErrors.splice(0), [/status of 400/], 'the browser noted the 400, and nothing else')
    await field.fill('SW1A 2AA')
    await field.press('Enter')
    await page.waitForFunction(() => (globalThis as InPage).document.querySelector('safeguarding-help').shadowRoot.querySelector('[data-council]') != null)
    const view = await page.evaluate(readWidget)
    t.equal(view.councilName, 'City of Westminster')
    t.match(await page.evaluate(describeFocus), /City of Westminster/, 'focus moves to the council found')
    t.equal(page.url(), `${host.origin}/help`, 'the postcode never reaches the host page\'s address')
    const expected = routeContacts(await apiRoute('situation=worried-about-a-child&postcode=SW1A%202AA'))
    t.same(view.contacts.map((c) => [c.value, c.badge]), expected.map((c) => [c.value, badgeOf(c, T0)]), 'the council\'s public contacts join the route, with the API\'s statuses')
    t.ok(view.contacts.some((c) => c.inCouncil && c.value === '020 7641 4000' && c.badge === 'Opens 9am tomorrow'), 'the council\'s daytime line opens at 9am tomorrow')
    const asked = requests.slice(before).filter((r) => r.url().includes('postcode='))
    t.ok(asked.length >= 1, 'the postcode was sent')
    for (const r of asked) {
      t.equal(new URL(r.url()).origin, api, 'only to the API')
      const headers = await r.allHeaders()
      t.equal(headers.referer, undefined, 'without a referrer')
      t.equal(headers.cookie, undefined, 'without cookies')
    }
    t.same((await axe(page)).violations, [], `with the council shown (${view.contacts.length} contacts), no axe violations`)
  })

  t.test('a badge changes when the status does, without moving focus', async (t) => {
    const focused = await page.evaluate(describeFocus)
    serverNow = AFTER_TEN
    await context.clock.fastForward(AFTER_TEN - T0)
    await page.waitForFunction(() => {
      const root = (globalThis as InPage).document.querySelector('safeguarding-help').shadowRoot
      return [...root.querySelectorAll('li.contact')].some((li: InPage) => li.querySelector('.value').textContent === '0808 800 5000' && li.querySelector('.badge').textContent !== 'Open until 10pm')
    })
    const view = await page.evaluate(readWidget)
    t.equal(view.contacts.find((c) => c.value === '0808 800 5000')?.badge, 'Opens 8am tomorrow', 'the NSPCC Helpline closed at 10pm')
    const expected = routeContacts(await apiRoute('situation=worried-about-a-child&postcode=SW1A%202AA'))
    t.same(view.contacts.map((c) => c.badge), expected.map((c) => badgeOf(c, AFTER_TEN)), 'every badge says what the API says now')
    t.equal(await page.evaluate(describeFocus), focused, 'focus stays where it was')
  })

  t.test('screenshots at 1280px and 360px, and nothing wider than the screen down to 320px', async (t) => {
    await page.screenshot({ path: join(SHOTS, 'help-1280.png'), fullPage: true })
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 800 })
      t.ok(await page.evaluate(() => (globalThis as InPage).document.documentElement.scrollWidth) <= width, `fits ${width}px`)
      if (width !== 360) continue
      await page.screenshot({ path: join(SHOTS, 'help-360.png'), fullPage: true })
      // What a phone shows first (README's "Embed it" has a copy of one).
      await page.evaluate(() => (globalThis as InPage).scrollTo(0, 0))
      await page.screenshot({ path: join(SHOTS, 'help-360-first-screen.png') })
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  t.test('nothing went anywhere but the API, nothing was stored, no CSP was violated', async (t) => {
    t.same(await violationsOf(page), [], 'no CSP violation')
    const elsewhere = requests.filter((r) => {
      const origin = new URL(r.url()).origin
      return origin !== api && !(origin === host.origin && r.resourceType() === 'document')
    }).map((r) => `${r.resourceType()} ${r.url()}`)
    t.same(elsewhere, [], 'every request but the host\'s own pages went to the API')
    const leaky = []
    for (const r of requests.filter((r) => new URL(r.url()).origin === api)) {
      const headers = await r.allHeaders()
      if (headers.referer !== undefined || headers.cookie !== undefined) leaky.push(r.url())
    }
    t.same(leaky, [], `none of ${requests.length} requests sent a referrer or a cookie to the API`)
    t.same(await page.evaluate(readStorage), { session: 0, local: 0, databases: 0, caches: 0, workers: 0 }, 'no storage on the host page')
    t.same(await context.storageState({ indexedDB: true }), { cookies: [], origins: [] }, 'no cookie and no stored data for any origin')
    t.same(consoleErrors, [], 'no errors or warnings in the console')
    // The control: the host's CSP is strict, and a violation would have been seen.
    await page.evaluate(() => { const d = (globalThis as InPage).document; d.head.append(Object.assign(d.createElement('style'), { textContent: 'h1{color:red}' })) })
    await page.waitForFunction(() => (globalThis as InPage).__violations.length > 0)
    t.match(await violationsOf(page), [/^style-src-elem inline/], 'an inline style of the host\'s own is refused and reported')
    t.match(consoleErrors.splice(0), [/Content Security Policy/], 'and said so in the console')
  })

  t.test('quick exit leaves at once, and Back does not return to the page', async (t) => {
    const length = await page.evaluate(() => (globalThis as InPage).history.length)
    await page.getByRole('button', { name: 'Quick exit' }).click()
    await page.waitForURL(EXIT)
    t.equal(await page.evaluate(() => (globalThis as InPage).history.length), length, 'the exit page took the help page\'s place in the history')
    await page.goBack()
    t.equal(page.url(), `${host.origin}/`, 'Back goes to the page before the help')
  })

  t.test('Escape twice leaves too; Escape once does nothing', async (t) => {
    await page.goto(`${host.origin}/help`)
    await page.waitForFunction(widgetReady)
    await page.keyboard.press('Escape')
    await page.waitForTimeout(1200)
    t.equal(page.url(), `${host.origin}/help`, 'one Escape: still here')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.waitForURL(EXIT)
    await page.goBack()
    t.equal(page.url(), `${host.origin}/`, 'Back goes to the page before the help')
  })

  t.test('the pages without JavaScript work in another site\'s iframes: 999 first, tel: links, no axe violation', async (t) => {
    serverNow = T0
    const framed = await context.newPage()
    await framed.goto(`${host.origin}/framed`)
    const frames = framed.frames().filter((f) => f.url().startsWith(`${api}/embed/v1/`))
    t.equal(frames.length, 2, 'both pages load inside the frames')
    for (const frame of frames) {
      await frame.waitForSelector('h1')
      const text = await frame.evaluate(() => (globalThis as InPage).document.body.innerText as string)
      t.match(text, /^If a child is in immediate danger, call 999\.\s*Call 999/, `${frame.url()}: 999 first`)
      const links = await frame.evaluate(() => [...(globalThis as InPage).document.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') as string, target: a.getAttribute('target') as string | null })))
      t.same(links.filter((l) => l.href.startsWith('tel:') && !validTel(l.href)), [], 'every phone link is a valid tel: URI')
      t.same(links.filter((l) => l.target !== '_top'), [], 'every link opens in the whole window, not the frame')
      t.same((await axe(frame)).violations, [], 'no axe violations')
      t.same(await violationsOf(frame), [], 'no CSP violation')
    }
    await framed.emulateMedia({ colorScheme: 'dark' })
    for (const frame of frames) t.same((await axe(frame)).violations, [], 'dark: no axe violations')
    await framed.emulateMedia({ colorScheme: 'light' })
    const route = frames.find((f) => f.url().includes('route.html'))
    await route?.getByRole('link', { name: 'Quick exit' }).click()
    await framed.waitForURL(EXIT)
    t.pass('quick exit in a frame leaves the whole page')
    await framed.setViewportSize({ width: 360, height: 800 })
    await framed.goto(`${api}/embed/v1/route.html?situation=online-grooming`)
    await framed.screenshot({ path: join(SHOTS, 'route-page-360.png'), fullPage: true })
    await framed.close()
  })

  t.test('the demo page works under the API\'s own CSP', async (t) => {
    const demo = await context.newPage()
    await demo.goto(`${api}/embed`)
    await demo.waitForFunction(() => [...(globalThis as InPage).document.querySelectorAll('safeguarding-help')].every((e) => e.shadowRoot?.querySelector('.steps') != null))
    t.equal(await demo.evaluate(() => (globalThis as InPage).document.querySelectorAll('safeguarding-help').length), 3, 'three live examples')
    // The helplines example, spoken to children, for England, with the postcode field: attributes apply at once.
    const helplines = demo.locator('safeguarding-help[show="helplines"]')
    const firstHelpline = () => helplines.evaluate((e: InPage) => e.shadowRoot.querySelector('.steps h3').textContent as string)
    const listed = async (nation: string) => ((await (await fetch(`${api}/v1/helplines?nation=${nation}&per_page=100`)).json()) as { data: Array<{ name: string, audiences: string[] }> }).data
    const onlyChildren = (h: { audiences: string[] }) => h.audiences.every((a) => a === 'children' || a === 'young-people')
    t.equal(await firstHelpline(), (await listed('wales')).find((h) => !onlyChildren(h))?.name, 'for adults, services only for children come last')
    await helplines.evaluate((e: InPage) => { e.setAttribute('audience', 'children'); e.setAttribute('nation', 'england'); e.setAttribute('postcode', '') })
    await helplines.getByLabel('Your postcode').fill('LS1 4AP')
    await helplines.getByLabel('Your postcode').press('Enter')
    await helplines.locator('[data-council]').waitFor()
    const shown = await helplines.evaluate((e: InPage) => ({
      emergency: e.shadowRoot.querySelector('.emergency').textContent as string,
      council: e.shadowRoot.querySelector('[data-council]').textContent as string,
      numbers: [...e.shadowRoot.querySelectorAll('.council .value')].map((v: InPage) => v.textContent as string)
    }))
    t.match(shown.emergency, /^If you or another child are in danger right now, call 999\./, 'children\'s wording, 999 first')
    t.equal(await firstHelpline(), (await listed('england')).find((h) => h.audiences.includes('children') || h.audiences.includes('young-people'))?.name, 'for children, a service for children comes first')
    t.equal(shown.council, 'Leeds City Council', 'the postcode found the council')
    const leeds = ((await (await fetch(`${api}/v1/local-authorities/lookup?postcode=LS1%204AP`)).json()) as { data: { authorities: Array<{ contacts: ContactJson[] }> } }).data.authorities[0]?.contacts ?? []
    t.ok(leeds.some((c) => c.audience === 'professionals'), 'the council has lines for professionals')
    t.same(shown.numbers, leeds.filter((c) => c.audience === 'public').map((c) => c.value), 'only its public numbers are shown')
    // In Northern Ireland without a postcode, the route offers the five HSC Trusts to choose from.
    const route = demo.locator('safeguarding-help[situation="worried-about-a-child"]:not([postcode])')
    await route.evaluate((e: InPage) => { e.setAttribute('nation', 'northern-ireland') })
    await route.locator('.council').first().waitFor()
    const trusts = await route.evaluate((e: InPage) => [...e.shadowRoot.querySelectorAll('.council h4')].map((h: InPage) => h.textContent as string))
    const ni = ((await (await fetch(`${api}/v1/reporting-routes?situation=worried-about-a-child&nation=northern-ireland`)).json()) as { data: { steps: Array<{ choose_from: Array<{ name: string }> }> } }).data
    const expected = ni.steps.flatMap((s) => s.choose_from.map((c) => c.name))
    t.equal(expected.length, 5, 'the API lists five Trusts')
    t.same(trusts, expected, 'the widget shows them, in the API\'s order')
    t.same(await violationsOf(demo), [], 'no CSP violation')
    t.same((await axe(demo)).violations, [], 'no axe violations')
    await demo.close()
    t.same(consoleErrors, [], 'no errors or warnings in the console')
  })
})
