// What a maintainer should look at next in a release's council contacts (npm run data:check).
import type { Catalogue } from '../../src/catalogue/build-catalogue.js'
import { councilCoverage } from '../../src/domain/council-coverage.js'
import { CONFLICT_NOTES } from './convert.js'

const DAY_MS = 86_400_000

/** Lines of the review: coverage, councils with no public number, conflicts, single-page values, reviews due. */
export function councilReview (catalogue: Catalogue, today: string): string[] {
  const gb = catalogue.localAuthorities.filter((la) => la.base.nation !== 'northern-ireland')
  const coverage = councilCoverage(catalogue)
  const lines = [`council contacts: ${coverage.with_public_daytime} of ${coverage.councils} GB councils with a public daytime number, ${coverage.with_public_out_of_hours} out of hours, ${coverage.with_neither} with neither (${coverage.with_professionals_only} of them with professionals' lines only)`]
  const noPublic = gb.filter((la) => !la.contacts.some((c) => c.base.audience === 'public' && c.base.kind === 'phone' && c.base.uri !== null))
  lines.push(`  no public number (${noPublic.length}): ${noPublic.map((la) => la.base.short_name).join(', ')}`)
  for (const la of gb) {
    for (const { base: c } of la.contacts) {
      if (c.notes !== null && CONFLICT_NOTES.some((words) => c.notes?.includes(words))) lines.push(`  conflict kept: ${la.base.code} ${la.base.short_name}: ${c.value} (${c.audience} ${c.role})`)
    }
  }
  for (const la of gb) {
    const single = la.contacts.filter(({ base: c }) => c.sources.length === 1 && c.shared_with.length === 0).map(({ base: c }) => c.value)
    if (single.length > 0) lines.push(`  seen on one page only: ${la.base.code} ${la.base.short_name}: ${single.join(', ')}`)
  }
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * DAY_MS).toISOString().slice(0, 10)
  const due = gb.filter((la) => la.base.review_by <= soon)
  lines.push(due.length === 0 ? `  no council review due by ${soon}` : `  review due by ${soon} (${due.length}): ${due.map((la) => `${la.base.short_name} (${la.base.review_by})`).join(', ')}`)
  return lines
}
