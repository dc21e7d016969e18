import type { LinkBuilder } from '../catalogue/links.js'
import type { Page } from '../domain/paginate.js'
import { DEFAULT_PER_PAGE } from '../../schemas/query.js'

/**
 * self/first/last/next/prev for a page of a list. Filters are carried over in a fixed
 * order; `page` and `per_page` only when they differ from the defaults.
 */
export function listLinks (links: LinkBuilder, path: string, filters: Array<[string, string | number | boolean | undefined]>, page: Page<unknown>) {
  const kept = filters.filter((f): f is [string, string | number | boolean] => f[1] !== undefined).map(([k, v]) => [k, String(v)] as [string, string])
  const at = (n: number) => {
    const paging: Array<[string, string]> = []
    if (n !== 1) paging.push(['page', String(n)])
    if (page.perPage !== DEFAULT_PER_PAGE) paging.push(['per_page', String(page.perPage)])
    return links.to(path, [...kept, ...paging])
  }
  // Most answers are one page: self, first and last are then one link, built once.
  const built = new Map<number, string>()
  const link = (n: number) => {
    let made = built.get(n)
    if (made === undefined) built.set(n, made = at(n))
    return made
  }
  return {
    self: link(page.page),
    first: link(1),
    last: link(page.lastPage),
    next: page.page < page.lastPage ? link(page.page + 1) : null,
    prev: page.page > 1 ? link(Math.min(page.page - 1, page.lastPage)) : null
  }
}
