import type { Source } from '../../schemas/source.js'
import type { Statistic, StatisticRecord } from '../../schemas/statistic.js'
import type { LinkBuilder } from './links.js'

/** A statistic as served, minus staleness (which depends on the day asked about). */
export interface StatisticEntry {
  base: Omit<Statistic, 'stale'>
  record: StatisticRecord
}

/** Builds a statistic with its sources expanded and its links. */
export function buildStatistic (record: StatisticRecord, sources: ReadonlyMap<string, Source>, links: LinkBuilder): StatisticEntry {
  const self = `/v1/statistics/${record.id}`
  return {
    record,
    base: {
      id: record.id,
      title: record.title,
      value: record.value,
      value_high: record.value_high ?? null,
      unit: record.unit,
      qualifier: record.qualifier,
      period: record.period,
      geography: record.geography,
      topics: record.topics,
      publisher: record.publisher,
      source_tier: record.source_tier,
      verification: record.verification,
      superseded_by: record.superseded_by,
      comparability_note: record.comparability_note ?? null,
      change: record.change ?? null,
      notes: record.notes ?? [],
      sources: record.sources.map((id) => sources.get(id) as Source),
      verified_on: record.verified_on,
      review_by: record.review_by,
      links: { self: links.to(self), citation: links.to(`${self}/citation`) }
    }
  }
}
