import { createHash } from 'node:crypto'
import type { CatalogueSet } from '../catalogue/load-catalogues.js'
import { releaseChanges } from './releases.js'

/** What one release changed, counted per data file. */
export interface ChangeCounts {
  added: number
  removed: number
  changed: number
  /** Per data file (`helplines`, `local-authorities`, …), only those with a change, by name. */
  datasets: Array<{ dataset: string, added: number, removed: number, changed: number }>
}

export interface FeedEntry {
  /** A permanent URN for the release, the same whatever address the API is served from. */
  id: string
  release: string
  title: string
  published: string
  summary: string
  previous: string | null
  counts: ChangeCounts
  links: { self: string, changes: string, bundle: string }
}

export interface ReleaseFeed {
  id: string
  title: string
  updated: string
  links: { self: string, releases: string }
  entries: FeedEntry[]
}

/** Name-based UUID (RFC 9562 version 5, URL namespace): a stable `urn:uuid:` for a name. */
export function nameUuid (name: string): string {
  const urlNamespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')
  const bytes = createHash('sha1').update(urlNamespace).update(name).digest().subarray(0, 16)
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function countChanges (diff: ReturnType<typeof releaseChanges>): ChangeCounts {
  const byDataset = new Map<string, { added: number, removed: number, changed: number }>()
  const tally = (dataset: string, kind: 'added' | 'removed' | 'changed') => {
    const counts = byDataset.get(dataset) ?? { added: 0, removed: 0, changed: 0 }
    counts[kind]++
    byDataset.set(dataset, counts)
  }
  for (const r of diff.added) tally(r.dataset, 'added')
  for (const r of diff.removed) tally(r.dataset, 'removed')
  for (const r of diff.changed) tally(r.dataset, 'changed')
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    datasets: [...byDataset].sort(([a], [b]) => a.localeCompare(b)).map(([dataset, counts]) => ({ dataset, ...counts }))
  }
}

/** The counts in words, e.g. "Since 2026-11-28, records 3 added, 12 changed (helplines: 1 added, 2 changed; …).". */
export function describeCounts (counts: ChangeCounts, previous: string | null): string {
  const parts = (c: { added: number, removed: number, changed: number }) =>
    [['added', c.added], ['removed', c.removed], ['changed', c.changed]].filter(([, n]) => n !== 0).map(([k, n]) => `${n} ${k}`)
  const total = parts(counts)
  if (total.length === 0) return previous === null ? 'First release: no records.' : `No record changed since ${previous}.`
  const since = previous === null ? 'In this first release' : `Since ${previous}`
  const perDataset = counts.datasets.map((d) => `${d.dataset}: ${parts(d).join(', ')}`).join('; ')
  return `${since}, records ${total.join(', ')} (${perDataset}).`
}

/**
 * The releases as a feed, newest first: each with what it changed since the one before, so
 * integrators can subscribe to data updates. Depends on nothing but the releases.
 */
export function releaseFeed (set: CatalogueSet): ReleaseFeed {
  const links = set.latest.links
  const entries = set.ids.map((id) => {
    const catalogue = set.byId.get(id)!
    const { release } = catalogue
    const previous = release.previous === null ? undefined : set.byId.get(release.previous)
    const counts = countChanges(releaseChanges(catalogue, previous))
    const self = `/v1/releases/${release.id}`
    return {
      id: nameUuid(`safeguarding-api:release:${release.id}`),
      release: release.id,
      title: `Data release ${release.id}`,
      published: release.published_at,
      summary: `${release.summary} ${describeCounts(counts, release.previous)}`,
      previous: release.previous,
      counts,
      links: { self: links.to(self), changes: links.to(`${self}/changes`), bundle: links.to(`${self}/bundle`) }
    }
  })
  return {
    id: nameUuid('safeguarding-api:releases-feed'),
    title: 'Safeguarding API: data releases',
    updated: set.latest.release.published_at,
    links: { self: links.to('/v1/releases.atom'), releases: links.to('/v1/releases') },
    entries
  }
}
