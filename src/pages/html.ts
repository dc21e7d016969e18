import { createHash } from 'node:crypto'

/** Markup that is already safe: only `html` and `page` make one. */
export class Html {
  constructor (readonly text: string) {}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

type Value = Html | string | number | null | undefined | false | readonly Value[]

function render (value: Value): string {
  if (value instanceof Html) return value.text
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}

/** A template whose every interpolated value is escaped, unless it is already Html. */
export function html (strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? ''
  values.forEach((value, i) => { out += render(value) + (strings[i + 1] ?? '') })
  return new Html(out)
}

/** The CSP source that allows exactly this inline text (a <style> element's contents). */
export function cspHash (text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`
}

/** A whole HTML document: UTF-8, mobile viewport, no referrer, its one stylesheet inline. */
export function page (options: { title: string, css: string, head?: Html, body: Html }): string {
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>${new Html(options.css)}</style>
${options.head}</head>
<body>
${options.body}
</body>
</html>
`.text
}
