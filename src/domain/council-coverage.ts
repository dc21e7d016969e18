import type { Catalogue, LocalAuthorityEntry } from '../catalogue/build-catalogue.js'

/** How many GB councils the release gives a number to call, for the public and otherwise. */
export interface CouncilCoverage {
  councils: number
  with_public_daytime: number
  with_public_out_of_hours: number
  with_neither: number
  with_professionals_only: number
}

/** A public number someone can dial (confirmed, so it has a `tel:`), by when it answers. */
function publicLines (la: LocalAuthorityEntry): { daytime: boolean, outOfHours: boolean, professionals: boolean } {
  const dialable = la.contacts.filter((c) => c.base.kind === 'phone' && c.base.uri !== null)
  const pub = dialable.filter((c) => c.base.audience === 'public')
  return {
    daytime: pub.some((c) => c.base.role === 'front-door' || c.base.role === 'all-hours'),
    outOfHours: pub.some((c) => c.base.role === 'out-of-hours' || c.base.role === 'all-hours'),
    professionals: dialable.some((c) => c.base.audience === 'professionals')
  }
}

/**
 * Coverage of the councils of England, Wales and Scotland (Northern Ireland's HSC Trusts
 * are counted apart: their Gateway numbers are not yet confirmed).
 */
export function councilCoverage (catalogue: Catalogue): CouncilCoverage {
  const councils = catalogue.localAuthorities.filter((la) => la.base.nation !== 'northern-ireland')
  const coverage: CouncilCoverage = { councils: councils.length, with_public_daytime: 0, with_public_out_of_hours: 0, with_neither: 0, with_professionals_only: 0 }
  for (const la of councils) {
    const lines = publicLines(la)
    if (lines.daytime) coverage.with_public_daytime++
    if (lines.outOfHours) coverage.with_public_out_of_hours++
    if (!lines.daytime && !lines.outOfHours) {
      coverage.with_neither++
      if (lines.professionals) coverage.with_professionals_only++
    }
  }
  return coverage
}
