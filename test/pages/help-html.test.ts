import t from 'tap'
import type { Helpline } from '../../schemas/helpline.js'
import type { ReportingRoute } from '../../schemas/reporting-route.js'
import { errorPage } from '../../src/pages/error-page.js'
import { helplinesHtml, routeHtml } from '../../src/pages/help-html.js'
import { escapeHtml } from '../../src/pages/html.js'

// The server-rendered pages escape every value from the data: a hostile or mistaken string in
// a data file can never become markup, a script or a link.

const EVIL = '<script>alert(1)</script>"\' onmouseover="x'
const contact = (over: Record<string, unknown>) => ({
  kind: 'phone', label: EVIL, value: EVIL, uri: 'tel:+448088005000', cost: EVIL, languages: [], hours: null, hours_note: EVIL, open_now: null, next_change: null, verification: 'confirmed', notes: null, sources: [], ...over
})
const route = {
  situation: { id: 'x', title: EVIL, summary: EVIL, asked_by: [], notes: [], links: { self: '', route: '' } },
  nation: null,
  location: null,
  steps: [{
    order: 1,
    why: EVIL,
    when: EVIL,
    nations: [],
    local_authority: null,
    find_your_council_url: 'javascript:alert(1)',
    choose_from: [],
    advice: [{ nations: ['scotland'], text: EVIL, sources: [] }],
    instead: null,
    sources: [],
    service: {
      kind: 'helpline',
      id: 'x',
      name: EVIL,
      summary: EVIL,
      urgency: null,
      anonymity: { anonymous: null, note: '' },
      do_not: [EVIL],
      links: { self: '' },
      contacts: [contact({}), contact({ kind: 'website', uri: 'javascript:alert(1)' }), contact({ uri: 'data:text/html,hi' }), contact({ verification: 'unverified', uri: 'tel:+448088005000' })]
    }
  }],
  sources: [],
  verified_on: '2026-11-28',
  review_by: '2027-05-28',
  stale: false
} as unknown as ReportingRoute

t.test('escapes every value of a route, and links only tel, sms, mailto and https', async (t) => {
  const html = routeHtml(route, Date.parse('2026-12-01T12:00:00Z')).text
  t.notMatch(html, /<script/i, 'no script element')
  t.notMatch(html, /onmouseover="/, 'no attribute smuggled in')
  t.ok(html.includes(escapeHtml(EVIL)), 'the text is shown, escaped')
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
  t.same(hrefs.filter((h) => !/^(?:tel:|https:\/\/)/.test(h ?? '')), [], 'every link is tel: or https:')
  t.notOk(html.includes('javascript:'), 'a javascript: URI is never a link, nor shown')
  t.equal(hrefs.filter((h) => h === 'tel:+448088005000').length, 1, 'the unverified contact is not a link')
  t.match(html, /Not confirmed: check before you use it/)
  t.ok(html.indexOf('call 999') < html.indexOf('<h1>'), '999 comes before the title')
  t.ok(html.includes(`<p class="advice">Scotland: ${escapeHtml(EVIL)}</p>`), 'advice for some nations names them when the route is for none')
})

t.test('says what to do instead when a step has nothing to call', async (t) => {
  const [step] = route.steps
  const bare = { ...route, nation: 'scotland', steps: [{ ...step, service: { ...step!.service, contacts: [] }, instead: 'Call the council on its own number.' }] } as unknown as ReportingRoute
  const html = routeHtml(bare, Date.parse('2026-12-01T12:00:00Z')).text
  t.match(html, /<p class="advice">Call the council on its own number\.<\/p>/)
  t.notMatch(html, /Scotland: /, 'the advice is not repeated: the instead text holds it')
})

t.test('escapes every value of a helpline list', async (t) => {
  const helpline = { id: 'x', name: EVIL, summary: EVIL, contacts: [contact({})] } as unknown as Helpline
  const html = helplinesHtml([helpline], Date.parse('2026-12-01T12:00:00Z')).text
  t.notMatch(html, /<script|onmouseover="/i)
  t.ok(html.includes(escapeHtml(EVIL)))
})

t.test('an error page escapes the problem and still shows 999 and quick exit', async (t) => {
  const html = errorPage({ type: '/problems/invalid-parameter', title: EVIL, status: 400, detail: EVIL, instance: '/embed/v1/route.html', request_id: 'r1', errors: [{ name: EVIL, in: 'query', reason: EVIL }] })
  t.notMatch(html, /<script|onmouseover="/i)
  t.match(html, /call 999/)
  t.match(html, /href="tel:999"/)
  t.match(html, /Quick exit/)
})
