import { create } from 'xmlbuilder2'
import type { ReleaseFeed } from '../domain/release-feed.js'

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'
const ATOM_NS = 'http://www.w3.org/2005/Atom'

/** The release feed as an RFC 4287 Atom document; xmlbuilder2 escapes every value. */
export function atomFeed (feed: ReleaseFeed): string {
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(ATOM_NS, 'feed')
  root.ele(ATOM_NS, 'id').txt(feed.id)
  root.ele(ATOM_NS, 'title').txt(feed.title)
  root.ele(ATOM_NS, 'subtitle').txt('Each published data release of the Safeguarding API, with what it changed.')
  root.ele(ATOM_NS, 'updated').txt(feed.updated)
  root.ele(ATOM_NS, 'author').ele(ATOM_NS, 'name').txt('Safeguarding API')
  root.ele(ATOM_NS, 'link', { rel: 'self', type: 'application/atom+xml', href: feed.links.self })
  root.ele(ATOM_NS, 'link', { rel: 'alternate', type: 'application/json', href: feed.links.releases })
  for (const entry of feed.entries) {
    const e = root.ele(ATOM_NS, 'entry')
    e.ele(ATOM_NS, 'id').txt(entry.id)
    e.ele(ATOM_NS, 'title').txt(entry.title)
    e.ele(ATOM_NS, 'published').txt(entry.published)
    e.ele(ATOM_NS, 'updated').txt(entry.published)
    e.ele(ATOM_NS, 'summary', { type: 'text' }).txt(entry.summary)
    e.ele(ATOM_NS, 'link', { rel: 'alternate', type: 'application/json', title: 'The release', href: entry.links.self })
    e.ele(ATOM_NS, 'link', { rel: 'related', type: 'application/json', title: 'What it changed', href: entry.links.changes })
    e.ele(ATOM_NS, 'link', { rel: 'enclosure', type: 'application/json', title: 'The whole release, for offline use', href: entry.links.bundle })
    for (const kind of ['added', 'removed', 'changed'] as const) {
      // Machine-readable counts: term "added:63", for readers that filter on categories.
      e.ele(ATOM_NS, 'category', { term: `${kind}:${entry.counts[kind]}`, label: `records ${kind}: ${entry.counts[kind]}` })
    }
  }
  return root.end({ prettyPrint: true }) + '\n'
}
