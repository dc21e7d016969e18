import type { CrawlResult } from './crawl.js'

/** The export's own README: what is in it, what cannot be, and how to serve it. */
export function exportReadme (result: CrawlResult, count: number): string {
  const reasons = new Map<string, Set<string>>()
  for (const e of result.excluded) (reasons.get(e.reason) ?? reasons.set(e.reason, new Set()).get(e.reason))!.add(e.template)
  return `# Safeguarding API: static mirror

Written by \`npm run export:static\`. It holds ${count} answers of the latest data release, each
exactly as the API serves it (the same bytes, ETag, Content-Type, Cache-Control, CORS and
security headers), with Brotli (\`.br\`) and gzip (\`.gz\`) copies where the API compresses.

- \`urls.txt\`: every URL in the mirror, one a line, query strings included.
- \`manifest.json\`: for each URL its file, ETag, content type and headers (for CDNs that
  take headers per object).
- \`nginx.conf\`: serves this folder as the API would: \`nginx -c $PWD/nginx.conf\`.

## What is not here, and why

A mirror is frozen; some answers are not. The API's own Cache-Control decides:

${[...reasons].map(([reason, templates]) => `- ${reason}: ${[...templates].sort().map((t) => `\`${t}\``).join(', ')}`).join('\n')}
- needs a postcode (\`/v1/local-authorities/lookup\`, and routes with \`postcode=\`): an answer
  about where someone lives is private and never stored.

**Open-now answers and postcode lookups are not exportable.** Helplines, reporting channels,
councils and statistics carry \`open_now\` and \`stale\`, which change with the clock. An app
that must work without the API stores the release bundle (\`/v1/releases/{id}/bundle\`, in this
mirror) and the bank holidays (\`/v1/bank-holidays\`, too), and answers those questions on the
device with the typed client's offline mode (\`clients/typescript\`, \`downloadOfflinePack\`),
which computes open-now with the server's own code. The postcode index is not in a bundle:
offline, a route names the council only when the app knows its code.
`
}
