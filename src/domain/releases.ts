import type { Catalogue } from '../catalogue/build-catalogue.js'
import { DATASETS, type DatasetName } from '../catalogue/datasets.js'
import type { LinkBuilder } from '../catalogue/links.js'
import { councilCoverage } from './council-coverage.js'
import { diffReleases, type ReleaseDiff } from './release-diff.js'

const stem = (name: DatasetName) => DATASETS[name].file.replace(/\.yaml$/, '')

/** A release's records by data file name (`reporting-channels`), for diffs. */
function byFile (catalogue: Catalogue): Record<string, ReadonlyArray<Record<string, unknown>>> {
  const out: Record<string, ReadonlyArray<Record<string, unknown>>> = {}
  for (const name of Object.keys(DATASETS) as DatasetName[]) {
    if (DATASETS[name].file in catalogue.release.manifest.files) out[stem(name)] = catalogue.records[name] as unknown as Array<Record<string, unknown>>
  }
  return out
}

/** A release as served. `links` must be unpinned: the release id is in the path. */
export function releaseView (catalogue: Catalogue, links: LinkBuilder) {
  const { release } = catalogue
  const self = `/v1/releases/${release.id}`
  return {
    id: release.id,
    published_at: release.published_at,
    previous: release.previous,
    summary: release.summary,
    latest: catalogue.isLatest,
    geography: release.manifest.geography ?? null,
    manifest_sha256: release.hash,
    council_contacts: councilCoverage(catalogue),
    files: Object.entries(release.manifest.files).map(([name, sha256]) => ({
      name,
      sha256,
      records: (Object.keys(DATASETS) as DatasetName[]).filter((d) => DATASETS[d].file === name).map((d) => catalogue.records[d].length)[0] ?? 0
    })),
    links: {
      self: links.to(self),
      changes: links.to(`${self}/changes`),
      bundle: links.to(`${self}/bundle`),
      previous: release.previous === null ? null : links.to(`/v1/releases/${release.previous}`)
    }
  }
}

/** What a release changed since its previous one (everything is added in the first). */
export function releaseChanges (catalogue: Catalogue, previous: Catalogue | undefined): ReleaseDiff & { release: string, previous: string | null } {
  return {
    release: catalogue.release.id,
    previous: previous?.release.id ?? null,
    ...diffReleases(previous === undefined ? null : byFile(previous), byFile(catalogue))
  }
}

/** Every dataset of a release in one document, in the current data format (older formats upgraded). */
export function releaseBundle (catalogue: Catalogue, links: LinkBuilder) {
  const { records } = catalogue
  // `latest` would change when a newer release is published; a bundle never changes.
  const { latest: _latest, ...release } = releaseView(catalogue, links)
  return {
    release,
    datasets: {
      sources: records.sources,
      organisations: records.organisations,
      helplines: records.helplines,
      reporting_channels: records.reportingChannels,
      local_authorities: records.localAuthorities,
      council_teams: records.councilTeams,
      council_sources: records.councilSources,
      reporting_routes: records.reportingRoutes,
      statistics: records.statistics
    }
  }
}
