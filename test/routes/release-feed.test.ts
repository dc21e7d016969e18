import { DOMParser, type Element } from '@xmldom/xmldom'
import t from 'tap'
import { build, REAL_DATA } from '../helper.js'

const ATOM = 'http://www.w3.org/2005/Atom'
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

/** Parses XML strictly: any warning or error fails the parse, as a feed reader might. */
function parseXml (text: string) {
  return new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`) } }).parseFromString(text, 'application/xml')
}
const children = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ATOM && (n as Element).localName === name)
const text = (el: Element, name: string) => children(el, name)[0]?.textContent ?? null
const linkOf = (el: Element, rel: string) => children(el, 'link').find((l) => l.getAttribute('rel') === rel)?.getAttribute('href') ?? null

const app = await build(t, { DATA_DIR: REAL_DATA })

t.test('serves an RFC 4287 Atom feed with one entry per release, newest first', async (t) => {
  const res = await app.inject('/v1/releases.atom')
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8')
  t.ok(res.headers.etag)
  const feed = parseXml(res.body).documentElement as unknown as Element
  t.equal(feed.namespaceURI, ATOM)
  t.equal(feed.localName, 'feed')
  // atom:feed MUST have id, title, updated, and an author unless every entry has one.
  t.match(text(feed, 'id'), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  t.ok(text(feed, 'title'))
  t.match(text(feed, 'updated'), RFC3339)
  t.ok(text(children(feed, 'author')[0] as Element, 'name'))
  t.equal(linkOf(feed, 'self'), '/v1/releases.atom')

  const releases = (await app.inject('/v1/releases')).json().data as Array<{ id: string, published_at: string, summary: string }>
  const entries = children(feed, 'entry')
  t.same(entries.map((e) => text(e, 'title')), releases.map((r) => `Data release ${r.id}`))
  t.equal(text(feed, 'updated'), releases[0]?.published_at)
  const ids = new Set<string | null>()
  for (const [i, entry] of entries.entries()) {
    const release = releases[i]!
    ids.add(text(entry, 'id'))
    t.match(text(entry, 'id'), /^urn:uuid:/)
    t.equal(text(entry, 'updated'), release.published_at)
    t.match(text(entry, 'updated'), RFC3339)
    t.ok(text(entry, 'summary')?.startsWith(release.summary), 'the summary starts with the release\'s own')
    t.equal(linkOf(entry, 'alternate'), `/v1/releases/${release.id}`)
    t.equal(linkOf(entry, 'related'), `/v1/releases/${release.id}/changes`)
    t.equal(linkOf(entry, 'enclosure'), `/v1/releases/${release.id}/bundle`)
    for (const rel of ['alternate', 'related', 'enclosure']) {
      t.equal((await app.inject(linkOf(entry, rel)!)).statusCode, 200, `${rel} link answers`)
    }
    // The counts are those of the release's own changes.
    const changes = (await app.inject(`/v1/releases/${release.id}/changes`)).json().data as Record<'added' | 'removed' | 'changed', unknown[]>
    const terms = children(entry, 'category').map((c) => c.getAttribute('term'))
    t.same(terms, ['added', 'removed', 'changed'].map((k) => `${k}:${changes[k as 'added'].length}`))
    // The summary counts each kind of change there was, in words.
    for (const kind of ['added', 'removed', 'changed'] as const) {
      const n = changes[kind].length
      if (n > 0) t.match(text(entry, 'summary'), new RegExp(`\\b${n} ${kind}\\b`), `says ${n} ${kind}`)
      else t.notMatch(text(entry, 'summary'), new RegExp(`\\b\\d+ ${kind}\\b`), `says nothing of ${kind}`)
    }
  }
  t.equal(ids.size, entries.length, 'entry ids are unique')
})

t.test('answers 304 to its ETag and 406 to a client that accepts only JSON', async (t) => {
  const first = await app.inject('/v1/releases.atom')
  t.equal((await app.inject({ url: '/v1/releases.atom', headers: { 'if-none-match': first.headers.etag as string } })).statusCode, 304)
  const json = await app.inject({ url: '/v1/releases.atom', headers: { accept: 'application/json' } })
  t.equal(json.statusCode, 406)
  t.equal(json.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal((await app.inject({ url: '/v1/releases.atom', headers: { accept: 'application/atom+xml, */*;q=0.1' } })).statusCode, 200)
})

t.test('is linked from the front door', async (t) => {
  const root = (await app.inject('/')).json() as { links: Record<string, string> }
  t.equal(root.links.releases_feed, '/v1/releases.atom')
})

t.test('serves the bank-holiday calendar open-now is computed with', async (t) => {
  const res = await app.inject('/v1/bank-holidays')
  t.equal(res.statusCode, 200)
  const { data } = res.json() as { data: { source: { covers: { from: number, to: number } }, divisions: Record<string, Array<{ date: string, name: string }>> } }
  t.same(Object.keys(data.divisions), ['england-and-wales', 'scotland', 'northern-ireland'])
  t.ok(data.divisions.scotland?.some((h) => h.date === '2026-01-02'), 'Scotland has 2 January')
  t.notOk(data.divisions['england-and-wales']?.some((h) => h.date === '2026-01-02'), 'England and Wales do not')
  t.ok(data.source.covers.from <= 2026 && data.source.covers.to >= 2026)
})
