/** One page in the profile's paging envelope (`Page`). A page past the end is empty, not an error. */
export interface HsdsPageOf<T> {
  total_items: number
  total_pages: number
  page_number: number
  size: number
  first_page: boolean
  last_page: boolean
  empty: boolean
  contents: T[]
}

export function hsdsPage<T> (all: readonly T[], page: number, perPage: number): HsdsPageOf<T> {
  const contents = all.slice((page - 1) * perPage, page * perPage)
  const totalPages = Math.ceil(all.length / perPage)
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents
  }
}
