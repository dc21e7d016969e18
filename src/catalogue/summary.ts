import type { Catalogue } from './build-catalogue.js'

export interface ReleaseSummary {
  /** Records per data file of the release. */
  counts: Record<string, number>
  /** `file: id (review_by date)` for each record past its review date. */
  overdue: string[]
}

/** Counts and overdue reviews of one release, for `npm run data:check`. */
export function summariseRelease (catalogue: Catalogue, today: string): ReleaseSummary {
  const datasets: Record<string, Array<{ id: string, review_by?: string }>> = {
    'sources.yaml': [...catalogue.sources.values()],
    'organisations.yaml': [...catalogue.organisations.values()],
    'helplines.yaml': catalogue.helplines.map((h) => h.base),
    'reporting-channels.yaml': catalogue.reportingChannels.map((c) => c.base),
    'local-authorities.yaml': catalogue.localAuthorities.map((la) => ({ id: la.base.code, review_by: la.base.review_by })),
    'reporting-routes.yaml': catalogue.routes.map((r) => r.record),
    'statistics.yaml': catalogue.statistics.map((st) => st.record)
  }
  const counts: Record<string, number> = {}
  const overdue: string[] = []
  for (const [file, records] of Object.entries(datasets)) {
    if (!(file in catalogue.release.manifest.files)) continue
    counts[file] = records.length
    for (const r of records) if (r.review_by !== undefined && r.review_by < today) overdue.push(`${file}: ${r.id} (review by ${r.review_by})`)
  }
  return { counts, overdue }
}
