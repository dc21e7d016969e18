import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import t from 'tap'
import { parse } from 'yaml'
import { build, LATEST_RELEASE, REAL_DATA } from '../helper.js'
import { addRelease, copyFixtureData, FIXTURE_RELEASE } from '../support/releases.js'

const FIRST = '2026-11-28'
const SECOND = '2026-11-28.2'
const COUNCILS = '2026-12-01'
const LATEST = LATEST_RELEASE
const KNOWN_RELEASES = [LATEST, COUNCILS, SECOND, FIRST]

// Bundle keys and the data files they come from.
const DATASET_FILES: Record<string, string> = {
  sources: 'sources',
  organisations: 'organisations',
  helplines: 'helplines',
  reporting_channels: 'reporting-channels',
  local_authorities: 'local-authorities',
  council_teams: 'council-teams',
  council_sources: 'council-sources',
  reporting_routes: 'reporting-routes',
  statistics: 'statistics'
}

type DataRecord = Record<string, unknown>
const dir = (release: string) => join(REAL_DATA, 'releases', release)
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
/** A data file as published, read with the YAML library itself (core schema: dates stay text). */
const readYaml = (release: string, file: string) => parse(readFileSync(join(dir(release), file), 'utf8'), { schema: 'core' }) as unknown
const manifestOf = (release: string) => readYaml(release, 'manifest.yaml') as { files: Record<string, string>, summary: string, published_at: string }
const recordsOf = (release: string, stem: string) => readYaml(release, `${stem}.yaml`) as DataRecord[]
const keyOf = (record: DataRecord) => String(record.id ?? record.code)
const byCodeUnit = (a: string, b: string) => a < b ? -1 : a > b ? 1 : 0

const app = await build(t, { DATA_DIR: REAL_DATA })

t.test('lists the releases newest first, with their files, hashes and record counts', async (t) => {
  const res = await app.inject('/v1/releases')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  const body = res.json()
  t.same(body.data.map((r: { id: string }) => r.id), [LATEST, COUNCILS, SECOND, FIRST])
  t.same(body.meta, { release: LATEST, total: 4, page: 1, per_page: 20 })
  t.same(body.links, { self: '/v1/releases', first: '/v1/releases', last: '/v1/releases', next: null, prev: null })
  const [latest, councils, second, first] = body.data
  t.match(latest, { id: LATEST, previous: COUNCILS, latest: true, geography: 'onspd-2025-11', summary: /^Each nation's route shows only what applies there/ })
  t.match(councils, { id: COUNCILS, previous: SECOND, latest: false, summary: /^Council children's services contacts/ })
  t.match(second, { id: SECOND, previous: FIRST, latest: false, geography: 'onspd-2025-11', published_at: '2026-11-28T15:16:07Z', summary: /29 cited statistics/ })
  t.match(first, { id: FIRST, previous: null, latest: false, geography: 'onspd-2025-11', published_at: '2026-11-28T12:00:00Z', summary: /^First release/ })
  t.same(latest.links, {
    self: `/v1/releases/${LATEST}`,
    changes: `/v1/releases/${LATEST}/changes`,
    bundle: `/v1/releases/${LATEST}/bundle`,
    previous: `/v1/releases/${COUNCILS}`
  })
  t.same(first.links, { self: `/v1/releases/${FIRST}`, changes: `/v1/releases/${FIRST}/changes`, bundle: `/v1/releases/${FIRST}/bundle`, previous: null })

  for (const release of body.data) {
    const manifest = manifestOf(release.id)
    t.equal(release.summary, manifest.summary, release.id)
    t.equal(release.manifest_sha256, sha256(readFileSync(join(dir(release.id), 'manifest.yaml'))), `${release.id} manifest hash`)
    t.same(release.files.map((f: { name: string }) => f.name), Object.keys(manifest.files), `${release.id} files`)
    for (const file of release.files) {
      t.equal(file.sha256, sha256(readFileSync(join(dir(release.id), file.name))), `${release.id} ${file.name} hash`)
      t.equal(file.sha256, manifest.files[file.name], `${release.id} ${file.name} as in the manifest`)
      t.equal(file.records, (readYaml(release.id, file.name) as unknown[]).length, `${release.id} ${file.name} records`)
    }
  }
  t.same(second.files.map((f: { name: string, records: number }) => [f.name, f.records]), [
    ['helplines.yaml', 7],
    ['local-authorities.yaml', 212],
    ['organisations.yaml', 11],
    ['reporting-channels.yaml', 9],
    ['reporting-routes.yaml', 9],
    ['sources.yaml', 99],
    ['statistics.yaml', 29]
  ])
  t.same(latest.files.map((f: { name: string }) => f.name), [
    'council-sources.yaml', 'council-teams.yaml', 'helplines.yaml', 'local-authorities.yaml', 'organisations.yaml',
    'reporting-channels.yaml', 'reporting-routes.yaml', 'sources.yaml', 'statistics.yaml'
  ])
  t.notOk(first.files.some((f: { name: string }) => f.name === 'statistics.yaml'), 'the first release has no statistics file')
})

t.test('serves each release on its own, as listed', async (t) => {
  const listed = (await app.inject('/v1/releases')).json().data
  for (const release of listed) {
    const res = await app.inject(`/v1/releases/${release.id}`)
    t.equal(res.statusCode, 200, release.id)
    t.same(res.json(), { data: release }, release.id)
  }
})

t.test('answers 404 problem details listing the known releases for an unknown id', async (t) => {
  for (const url of ['/v1/releases/2019-01-01', '/v1/releases/2019-01-01/changes', '/v1/releases/2026-11-28.3/bundle']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/, url)
    const body = res.json()
    t.match(body, { type: '/problems/unknown-release', status: 404 }, url)
    t.same(body.known_releases, KNOWN_RELEASES, url)
    // The release is named in the path here: a client must not be sent looking for a query parameter.
    t.match(body.errors, [{ name: 'id', in: 'path' }], `${url} names the path parameter`)
    t.notMatch(body.detail, /query/, `${url} does not blame the query`)
  }
  const malformed = await app.inject('/v1/releases/latest')
  t.equal(malformed.statusCode, 400)
  t.match(malformed.json().errors, [{ name: 'id', in: 'path' }])
  t.equal((await app.inject('/v1/releases?release=2026-11-28')).statusCode, 400, 'the list takes no release parameter')
})

t.test('lists what a release added and changed, field by field', async (t) => {
  const res = await app.inject(`/v1/releases/${SECOND}/changes`)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
  const { data } = res.json()
  t.equal(data.release, SECOND)
  t.equal(data.previous, FIRST)
  const firstSources = new Set(recordsOf(FIRST, 'sources').map(keyOf))
  const newSources = recordsOf(SECOND, 'sources').map(keyOf).filter((id) => !firstSources.has(id)).sort(byCodeUnit)
  t.equal(newSources.length, 34, 'the summary promises 34 new sources')
  const statistics = recordsOf(SECOND, 'statistics').map(keyOf).sort(byCodeUnit)
  t.equal(statistics.length, 29)
  t.same(data.added, [
    ...newSources.map((id) => ({ dataset: 'sources', id })),
    ...statistics.map((id) => ({ dataset: 'statistics', id }))
  ])
  t.same(data.removed, [])
  t.same(data.changed, [{
    dataset: 'helplines',
    id: 'nspcc-helpline',
    fields: [
      {
        pointer: '/contacts/1/sources',
        old: ['nspcc-report-concern', 'nspcc-news-2020-helpline-funding', 'nspcc-learning-positions-of-trust'],
        new: ['nspcc-report-concern', 'nspcc-news-2020-helpline-funding', 'nspcc-learning-positions-of-trust', 'nation-cymru-nspcc-cymru-2024']
      },
      { pointer: '/contacts/1/languages', old: null, new: ['en', 'cy'] },
      { pointer: '/contacts/1/notes', old: null, new: 'A reply in Welsh was reported to be available in April 2024.' }
    ]
  }])
})

t.test('lists every council whose contacts the council-contacts release added or changed', async (t) => {
  const { data } = (await app.inject(`/v1/releases/${COUNCILS}/changes`)).json()
  t.equal(data.previous, SECOND)
  const before = new Map(recordsOf(SECOND, 'local-authorities').map((r) => [keyOf(r), r]))
  const now = recordsOf(COUNCILS, 'local-authorities')
  // Written in format 1, the earlier councils are compared in the current shape: a council whose
  // contacts were only upgraded (same numbers, now with role and audience) may still differ in sources.
  const withContacts = now.filter((r) => (r.contacts as unknown[]).length > 0 || (r.shared_teams as unknown[]).length > 0).map(keyOf)
  t.ok(withContacts.length >= 150, `${withContacts.length} councils have contacts`)
  const changed = new Map(data.changed.filter((c: { dataset: string }) => c.dataset === 'local-authorities').map((c: { id: string, fields: Array<{ pointer: string }> }) => [c.id, c.fields.map((f) => f.pointer)]))
  for (const code of withContacts) {
    const was = before.get(code) as DataRecord
    if ((was.contacts as unknown[]).length === 0) t.ok((changed.get(code) as string[] | undefined)?.some((p) => p.startsWith('/contacts') || p === '/shared_teams'), `${code}: its contacts are listed as added`)
  }
  const added = data.added.map((a: { dataset: string, id: string }) => `${a.dataset}/${a.id}`)
  t.ok(added.includes('council-teams/out-of-hours-inverclyde-renfrewshire-west-dunbartonshire-glasgow-city'), 'a shared team is added')
  t.ok(added.includes('council-sources/leeds-contacts-and-referrals'), 'the pages are added as sources')
  t.same(data.removed.map((r: { id: string }) => r.id).sort(byCodeUnit), [
    'cornwall-council-child-protection', 'cornwall-council-out-of-hours', 'hackney-education-child-protection',
    'norfolk-county-council-report-concerns', 'westminster-child-abuse-prevention'
  ], 'the desk-checked pages moved to council-sources.yaml')
})

t.test('lists every record of the first release as added', async (t) => {
  const { data } = (await app.inject(`/v1/releases/${FIRST}/changes`)).json()
  t.equal(data.release, FIRST)
  t.equal(data.previous, null)
  const stems = Object.keys(manifestOf(FIRST).files).map((f) => f.replace(/\.yaml$/, '')).sort(byCodeUnit)
  t.same(stems, ['helplines', 'local-authorities', 'organisations', 'reporting-channels', 'reporting-routes', 'sources'])
  const expected = stems.flatMap((dataset) => recordsOf(FIRST, dataset).map(keyOf).sort(byCodeUnit).map((id) => ({ dataset, id })))
  t.equal(expected.length, 7 + 212 + 11 + 9 + 9 + 65)
  t.same(data.added, expected)
  t.same(data.removed, [])
  t.same(data.changed, [])
})

t.test('bundles every dataset of a release as its data files hold them, older formats upgraded', async (t) => {
  for (const release of [FIRST, SECOND, COUNCILS, LATEST]) {
    const res = await app.inject(`/v1/releases/${release}/bundle`)
    t.equal(res.statusCode, 200, release)
    t.match(res.headers['content-type'], /^application\/json/, release)
    t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', release)
    const bundle = res.json()
    t.same(Object.keys(bundle.datasets).sort(), Object.keys(DATASET_FILES).sort(), release)
    // All but `latest`, which a newer release changes while the bundle is cached as immutable.
    const { latest: _latest, ...described } = (await app.inject(`/v1/releases/${release}`)).json().data
    t.match(bundle.release, described, `${release} describes itself as /v1/releases does`)
    const files = manifestOf(release).files
    for (const [key, stem] of Object.entries(DATASET_FILES)) {
      const expected = `${stem}.yaml` in files ? recordsOf(release, stem) : []
      // Format-1 councils are upgraded (checked below); every other file is served as written.
      if (key === 'local_authorities' && (release === FIRST || release === SECOND)) t.same(bundle.datasets[key].map(keyOf), expected.map(keyOf), `${release} ${key}`)
      else t.same(bundle.datasets[key], expected, `${release} ${key}`)
    }
  }
  // Cornwall in format 1: two phone contacts and its report-a-concern page as a `website` contact.
  const cornwall = (await app.inject(`/v1/releases/${SECOND}/bundle`)).json().datasets.local_authorities.find((la: DataRecord) => la.code === 'E06000052')
  t.equal(cornwall.report_url, 'https://www.cornwall.gov.uk/health-and-social-care/childrens-services/child-protection-and-safeguarding/')
  t.same(cornwall.contacts.map((c: DataRecord) => [c.role, c.audience, c.value]), [['front-door', 'public', '0300 123 1116'], ['out-of-hours', 'public', '01208 251300']])
  t.same(cornwall.shared_teams, [])
  const first = (await app.inject(`/v1/releases/${FIRST}/bundle`)).json()
  t.same(first.datasets.statistics, [], 'the first release has no statistics')
  const latest = (await app.inject(`/v1/releases/${SECOND}/bundle`)).json()
  const email = latest.datasets.helplines.find((h: DataRecord) => h.id === 'nspcc-helpline').contacts[1]
  t.same(email.languages, ['en', 'cy'])
  const oldEmail = first.datasets.helplines.find((h: DataRecord) => h.id === 'nspcc-helpline').contacts[1]
  t.notOk('languages' in oldEmail, 'the first release wrote no languages: the bundle adds no defaults')
  const estimate = latest.datasets.statistics.find((s: DataRecord) => s.id === 'nca-80000-online-threat-2018')
  t.match(estimate, { value: 80000, qualifier: 'around', period: { start: '2018-09', end: '2018-09' }, superseded_by: 'nca-estimate-300000-2020' })
  t.notOk('value_high' in estimate, 'optional fields stay absent, as in the file')
})

t.test('revalidates a bundle with its ETag and compresses it with Brotli', async (t) => {
  const url = `/v1/releases/${FIRST}/bundle`
  const plain = await app.inject(url)
  const etag = plain.headers.etag as string
  t.match(etag, /^"[A-Za-z0-9_-]+"$/)
  t.not(etag, (await app.inject(`/v1/releases/${LATEST}/bundle`)).headers.etag, 'each release its own ETag')
  const notModified = await app.inject({ url, headers: { 'if-none-match': etag } })
  t.equal(notModified.statusCode, 304)
  t.equal(notModified.body, '')
  t.equal(notModified.headers.etag, etag)
  t.equal(notModified.headers['cache-control'], 'public, max-age=31536000, immutable')
  t.equal((await app.inject({ url, headers: { 'if-none-match': '"something-else"' } })).statusCode, 200)
  const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } })
  t.equal(br.statusCode, 200)
  t.equal(br.headers['content-encoding'], 'br')
  t.match(br.headers.vary, /Accept-Encoding/)
  t.ok(br.rawPayload.length < plain.rawPayload.length / 4, 'much smaller')
  t.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body)
  t.equal(br.headers.etag, etag)
})

t.test('keeps a published release\'s bundle and changes byte for byte after a newer release', async (t) => {
  const dataDir = copyFixtureData(t.testdir({}))
  const fixture = await build(t, { DATA_DIR: dataDir })
  const urls = [`/v1/releases/${FIXTURE_RELEASE}/bundle`, `/v1/releases/${FIXTURE_RELEASE}/changes`]
  const before = await Promise.all(urls.map(async (url) => fixture.inject(url)))
  for (const res of before) t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
  addRelease(dataDir, {
    id: '2026-02-01',
    previous: FIXTURE_RELEASE,
    publishedAt: '2026-02-01T09:00:00Z',
    edits: { 'sources.yaml': (text) => text.replace('title: Opening hours page', 'title: Opening hours') }
  })
  t.match(await fixture.reloadData(), { ok: true })
  const next = (await fixture.inject('/v1/releases/2026-02-01/changes')).json().data
  t.same(next, {
    release: '2026-02-01',
    previous: FIXTURE_RELEASE,
    added: [],
    removed: [],
    changed: [{ dataset: 'sources', id: 'fixture-hours', fields: [{ pointer: '/title', old: 'Opening hours page', new: 'Opening hours' }] }]
  })
  for (const [i, url] of urls.entries()) {
    const after = await fixture.inject(url)
    // Cached as immutable for a year: the same URL must never answer differently.
    t.equal(after.body, before[i]?.body, `${url} is unchanged`)
    t.equal(after.headers.etag, before[i]?.headers.etag, `${url} keeps its ETag`)
  }
  t.equal((await fixture.inject(`/v1/releases/${FIXTURE_RELEASE}`)).json().data.latest, false, 'the release itself is no longer the latest')
})
