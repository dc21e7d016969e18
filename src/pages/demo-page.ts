import { DEFAULT_EXIT_URL } from '../embed/wording.js'
import { html, page } from './html.js'
import { PAGE_CSS } from './page-styles.js'

/** What a charity pastes: the script and one element. `base` is '' (relative) or PUBLIC_BASE_URL. */
export function embedSnippet (base: string): string {
  return [
    `<script type="module" src="${base}/embed/v1/help.js" referrerpolicy="no-referrer"></script>`,
    '<safeguarding-help situation="worried-about-a-child" postcode></safeguarding-help>'
  ].join('\n')
}

const ATTRIBUTES: Array<[string, string]> = [
  ['situation', 'Which route to show: an id from /v1/situations. Default worried-about-a-child.'],
  ['nation', 'england, wales, scotland or northern-ireland: only what applies there, with its bank holidays.'],
  ['show', 'route (the default): the ordered steps for the situation; helplines: the helplines.'],
  ['audience', 'adults (the default) or children: the wording, and which helplines come first.'],
  ['postcode', 'When present, a field to find the child\'s council and its public numbers. The postcode goes only to this API and is not stored.'],
  ['exit-url', `Where quick exit goes. Default ${DEFAULT_EXIT_URL}.`],
  ['api', 'The API\'s base URL. Default: where help.js was loaded from.']
]

const PROPERTIES = ['--sg-font', '--sg-text', '--sg-background', '--sg-muted', '--sg-link', '--sg-border', '--sg-emergency', '--sg-emergency-text', '--sg-exit', '--sg-exit-text', '--sg-radius']
const PARTS = ['container', 'emergency', 'call-999', 'quick-exit', 'title', 'steps', 'step', 'contact', 'action', 'badge', 'badge-open', 'badge-closed', 'badge-unknown', 'council', 'postcode-form', 'input', 'button']

/** GET /embed: the snippet to paste, what it takes, and live examples, under the API's strict CSP. */
export function demoPage (base: string): string {
  const snippet = embedSnippet(base)
  const frame = `${base}/embed/v1/route.html?situation=worried-about-a-child`
  return page({
    title: 'Embed the Safeguarding API\'s help on your website',
    css: PAGE_CSS,
    head: html`<script type="module" src="${base}/embed/v1/help.js" referrerpolicy="no-referrer"></script>\n`,
    body: html`<main>
<h1>Embed the Safeguarding API's help on your website</h1>
<p>Two lines put the help on any page: 999 first, then where to turn, in order, with tap-to-call numbers, opening hours in words, whether each is open now, and a quick exit. It sets no cookies, stores nothing, and sends requests to this API only, without a referrer. It works under a strict Content Security Policy: allow this server in <code>script-src</code> and <code>connect-src</code>.</p>
<h2>Paste this</h2>
<pre data-embed-snippet><code>${snippet}</code></pre>
<p>The addresses are relative to this server: on your site, put this server's address in front of <code>${`${base}/embed/v1/help.js`}</code>.</p>
<h2>Attributes</h2>
<table><thead><tr><th scope="col">Attribute</th><th scope="col">What it does</th></tr></thead>
<tbody>${ATTRIBUTES.map(([name, what]) => html`<tr><td><code>${name}</code></td><td>${what}</td></tr>`)}</tbody></table>
<p>Quick exit: the button, or Escape pressed twice, replaces the page with the exit page, so Back does not return to it.</p>
<h2>Examples</h2>
<h3>A route: worried about a child</h3>
<div class="example"><safeguarding-help situation="worried-about-a-child"></safeguarding-help></div>
<h3>Helplines in Wales</h3>
<div class="example"><safeguarding-help show="helplines" nation="wales"></safeguarding-help></div>
<h3>With the postcode field</h3>
<div class="example"><safeguarding-help situation="online-grooming" postcode></safeguarding-help></div>
<h2>Without JavaScript</h2>
<p>The same help as a page rendered on the server, for an iframe or a link: <code>/embed/v1/route.html?situation=&amp;nation=</code> and <code>/embed/v1/helplines.html?nation=</code>. Only these pages may be framed.</p>
<pre><code>${`<iframe src="${frame}" title="Where to get help" width="100%" height="600"></iframe>`}</code></pre>
<div class="example"><iframe src="${frame}" title="Where to get help, without JavaScript" loading="lazy"></iframe></div>
<h2>Theming</h2>
<p>Custom properties on the element: ${PROPERTIES.map((p, i) => html`${i === 0 ? '' : ', '}<code>${p}</code>`)}.</p>
<p>Parts, for <code>safeguarding-help::part(name)</code>: ${PARTS.map((p, i) => html`${i === 0 ? '' : ', '}<code>${p}</code>`)}.</p>
<p>It follows the reader's colour scheme, reduced motion and forced colours.</p>
</main>`
  })
}
