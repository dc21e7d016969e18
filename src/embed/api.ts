/*
 * Requests to the Safeguarding API, and only to it. No cookies or other credentials, no
 * referrer (the host page's address stays with the host), and a personal question (a
 * postcode) is never kept in the browser's cache.
 */

/** A problem the API reported, in its own words (RFC 9457 `detail`), and its status. */
export class ApiProblem extends Error {
  constructor (message: string, readonly status: number) {
    super(message)
  }
}

/**
 * GETs `path` from the API at `base`; returns the envelope's `data`. `cache`: 'no-store' for
 * a postcode, 'no-cache' (revalidate) when refreshing a status that has just changed.
 */
export async function getData<T> (base: string, path: string, params: Record<string, string | undefined>, cache: RequestCache = 'default'): Promise<T> {
  const url = new URL(path, base)
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') url.searchParams.set(name, value)
  }
  const response = await fetch(url, {
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    mode: 'cors',
    redirect: 'error',
    cache
  })
  const body = await response.json() as { data?: T, detail?: string }
  if (!response.ok || body.data === undefined) throw new ApiProblem(body.detail ?? `The service answered ${response.status}.`, response.status)
  return body.data
}
