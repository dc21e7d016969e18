import type { Topic } from '../../schemas/helpline.js'
import type { Geography, StatisticRecord } from '../../schemas/statistic.js'
import { searchKey } from './search-key.js'

/** The fields filtering and ordering read; both a StatisticRecord and a served Statistic fit. */
export type StatisticLike = Pick<StatisticRecord, 'id' | 'period' | 'geography' | 'topics' | 'publisher' | 'superseded_by'>

export interface StatisticFilters {
  topic?: Topic
  geography?: Geography
  /** Keep figures whose period reaches into this year or later. */
  year_from?: number
  /** Keep figures whose period starts in this year or earlier. */
  year_to?: number
  /**
   * Case-insensitive text to find in the publisher's name ("nspcc", "crime agency"). Names
   * are free text such as "NSPCC (Freedom of Information requests to police)", not ids, so
   * a substring match is the one a reader can predict.
   */
  publisher?: string
  /** Leave out figures a newer one has replaced. */
  current_only?: boolean
}

const yearOf = (partialDate: string): number => Number(partialDate.slice(0, 4))
// Code-unit order, not locale order: ids and ISO dates must sort the same on every machine.
const byText = (a: string, b: string): number => a < b ? -1 : a > b ? 1 : 0

/**
 * The last day a partial date can mean, as sortable text: `2018` → `2018-12-31`,
 * `2018-09` → `2018-09-31`. The day need not exist; it only has to sort after every real one.
 */
export function periodEndKey (partialDate: string): string {
  if (partialDate.length === 4) return `${partialDate}-12-31`
  if (partialDate.length === 7) return `${partialDate}-31`
  return partialDate
}

/** Newest period end first, then by id, so equal periods always come out in one order. */
export function compareStatistics (a: StatisticLike, b: StatisticLike): number {
  return byText(periodEndKey(b.period.end), periodEndKey(a.period.end)) || byText(a.id, b.id)
}

function matches (statistic: StatisticLike, filters: StatisticFilters, needle: string | undefined): boolean {
  return (filters.topic === undefined || statistic.topics.includes(filters.topic)) &&
    (filters.geography === undefined || statistic.geography === filters.geography) &&
    // A period overlaps the years asked for when it ends no earlier and starts no later.
    (filters.year_from === undefined || yearOf(statistic.period.end) >= filters.year_from) &&
    (filters.year_to === undefined || yearOf(statistic.period.start) <= filters.year_to) &&
    (needle === undefined || searchKey(statistic.publisher).includes(needle)) &&
    (filters.current_only !== true || statistic.superseded_by === null)
}

/**
 * Statistics matching every filter given, newest period first (ties by id). The input is
 * not changed. A `geography` filter is exact: `england` does not match `england-and-wales`.
 */
export function findStatistics<T extends StatisticLike> (statistics: readonly T[], filters: StatisticFilters = {}): T[] {
  const trimmed = filters.publisher?.trim()
  const needle = trimmed === undefined || trimmed === '' ? undefined : searchKey(trimmed)
  return statistics.filter((s) => matches(s, filters, needle)).sort(compareStatistics)
}

/**
 * The line of figures `id` belongs to, oldest period first (ties by id): those that replaced
 * it up to the current figure, and every figure replaced, directly or not, by one of those.
 * Just `[statistic]` when it stands alone; undefined for an unknown id. A cycle in the data
 * (rejected by the data checks) cannot make it loop.
 */
export function supersessionChain<T extends StatisticLike> (statistics: readonly T[], id: string): T[] | undefined {
  const byId = new Map(statistics.map((s) => [s.id, s]))
  const start = byId.get(id)
  if (start === undefined) return undefined
  const found = new Map<string, T>([[start.id, start]])
  // Forward: follow superseded_by to the current figure.
  for (let next = start.superseded_by; next !== null && !found.has(next);) {
    const statistic = byId.get(next)
    if (statistic === undefined) break
    found.set(next, statistic)
    next = statistic.superseded_by
  }
  // Backward: whatever points at a figure already found, until nothing new turns up.
  for (let grew = true; grew;) {
    grew = false
    for (const s of statistics) {
      if (!found.has(s.id) && s.superseded_by !== null && found.has(s.superseded_by)) {
        found.set(s.id, s)
        grew = true
      }
    }
  }
  const oldestFirst = (a: T, b: T) => byText(periodEndKey(a.period.end), periodEndKey(b.period.end)) || byText(a.id, b.id)
  return [...found.values()].sort(oldestFirst)
}
