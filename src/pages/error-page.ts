import type { Problem } from '../../schemas/problem.js'
import type { Static } from '@sinclair/typebox'
import type { ProblemFieldErrorSchema } from '../../schemas/problem.js'
import { topHtml } from './help-html.js'
import { html, page } from './html.js'
import { PAGE_CSS } from './page-styles.js'

/**
 * A problem (RFC 9457) as a page, for a browser or an iframe that asked for HTML: a child
 * looking at a mistyped embed still sees 999 and quick exit, not raw JSON or a blocked frame.
 */
export function errorPage (problem: Problem): string {
  return page({
    title: problem.title,
    css: PAGE_CSS,
    body: html`<main>
${topHtml()}
<h1>This help page could not be shown</h1>
<p>${problem.detail}</p>
${problem.errors === undefined ? null : html`<ul>${(problem.errors as Array<Static<typeof ProblemFieldErrorSchema>>).map((e) => html`<li><code>${e.name}</code> ${e.reason}</li>`)}</ul>`}
<p class="small">${problem.title} (${problem.status}). Request id ${problem.request_id}.</p>
</main>`
  })
}
