/**
 * Builds links for one release. Links are absolute when the public base URL is configured,
 * else paths. A release other than the latest is pinned with `?release=` so a link always
 * leads to the same data it came with.
 */
export interface LinkBuilder {
  /** A path plus optional query parameters (already normalised, in order). */
  to: (path: string, params?: Array<[string, string]>) => string
}

export function linkBuilder (base: string, releaseId: string, isLatest: boolean): LinkBuilder {
  return {
    to (path, params = []) {
      const all = isLatest ? params : [...params, ['release', releaseId] as [string, string]]
      const query = all.length === 0 ? '' : '?' + new URLSearchParams(all).toString()
      return `${base}${path}${query}`
    }
  }
}
