export interface Page<T> {
  items: T[]
  total: number
  page: number
  perPage: number
  lastPage: number
}

/** One page of a list. A page past the end is empty, not an error: the total says why. */
export function paginate<T> (all: readonly T[], page: number, perPage: number): Page<T> {
  const start = (page - 1) * perPage
  return {
    items: all.slice(start, start + perPage),
    total: all.length,
    page,
    perPage,
    lastPage: Math.max(1, Math.ceil(all.length / perPage))
  }
}
