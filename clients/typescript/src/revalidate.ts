import type { Middleware } from 'openapi-fetch'

interface Stored { etag: string, body: ArrayBuffer, headers: [string, string][] }

/**
 * Revalidation with If-None-Match: the last answer of each URL is kept with its ETag, sent
 * back as If-None-Match, and a 304 is turned back into that answer, so unchanged data costs
 * a few bytes. Answers marked `no-store` or `private` (postcode answers) are never kept.
 */
export function revalidation (maxEntries = 200): Middleware & { size: () => number } {
  const stored = new Map<string, Stored>()
  return {
    size: () => stored.size,
    onRequest ({ request }) {
      if (request.method !== 'GET' || request.headers.has('if-none-match')) return undefined
      const hit = stored.get(request.url)
      if (hit === undefined) return undefined
      request.headers.set('if-none-match', hit.etag)
      return request
    },
    async onResponse ({ request, response }) {
      if (request.method !== 'GET') return undefined
      const hit = stored.get(request.url)
      if (response.status === 304 && hit !== undefined) {
        // The least recently used entry is the first in the map: move this one to the end.
        stored.delete(request.url)
        stored.set(request.url, hit)
        return new Response(hit.body.slice(0), { status: 200, headers: [...hit.headers, ['x-revalidated', 'true']] })
      }
      const etag = response.headers.get('etag')
      const cacheControl = response.headers.get('cache-control') ?? ''
      if (response.status !== 200 || etag === null || /no-store|private/.test(cacheControl)) return undefined
      const body = await response.clone().arrayBuffer()
      stored.delete(request.url)
      stored.set(request.url, { etag, body, headers: [...response.headers].filter(([name]) => name !== 'content-encoding' && name !== 'content-length') })
      if (stored.size > maxEntries) stored.delete(stored.keys().next().value as string)
      return undefined
    }
  }
}
