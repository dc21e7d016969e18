import t from 'tap'
import { createSafeguardingClient } from '../src/index.js'
import { API_URL, offline, online, UNREACHABLE_URL } from './support.js'

/** A fetch that records what was sent and how the API answered. */
function recordingFetch () {
  const seen: Array<{ url: string, ifNoneMatch: string | null, accept: string | null, status: number }> = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    const response = await globalThis.fetch(request)
    seen.push({ url: request.url, ifNoneMatch: request.headers.get('if-none-match'), accept: request.headers.get('accept'), status: response.status })
    return response
  }
  return { fetch, seen }
}

t.test('asks for JSON and returns typed data from every page', async (t) => {
  const { fetch, seen } = recordingFetch()
  const sg = online({ fetch })
  const councils = await sg.localAuthority('E06000052')
  t.equal(councils.ok && councils.data.name, 'Cornwall Council')
  t.equal(seen[0]?.accept, 'application/json')
  const all = await createSafeguardingClient({ baseUrl: API_URL, fetch }).situations()
  t.ok(all.ok && all.data.length >= 9)
})

t.test('a mistake is answered with typed problem details, never offline', async (t) => {
  const sg = online()
  const wrong = await sg.helplines({ nation: 'wale' as 'wales' })
  t.equal(wrong.ok, false)
  if (wrong.ok) return
  t.equal(wrong.status, 400)
  t.equal(wrong.problem.status, 400)
  t.same(wrong.problem.errors?.map((e) => e.name), ['nation'])
  const unknown = await sg.localAuthority('E99999999')
  t.equal(!unknown.ok && unknown.problem.status, 404)
})

t.test('revalidates with If-None-Match and turns a 304 back into the answer', async (t) => {
  const { fetch, seen } = recordingFetch()
  const sg = online({ fetch })
  const first = await sg.localAuthority('E09000012')
  const second = await sg.localAuthority('E09000012')
  t.equal(seen.length, 2)
  t.equal(seen[0]?.ifNoneMatch, null)
  t.match(seen[1]?.ifNoneMatch, /^"/)
  t.equal(seen[1]?.status, 304)
  t.same(second, first)
})

t.test('never keeps a postcode answer for revalidation', async (t) => {
  const { fetch, seen } = recordingFetch()
  const sg = online({ fetch })
  await sg.reportingRoute({ situation: 'online-grooming', postcode: 'SW1A 2AA' })
  await sg.reportingRoute({ situation: 'online-grooming', postcode: 'SW1A 2AA' })
  t.same(seen.map((s) => [s.status, s.ifNoneMatch]), [[200, null], [200, null]])
  t.equal(sg.cachedAnswers(), 0)
})

t.test('answers from the stored pack when the network fails, and when the API fails', async (t) => {
  const pack = await online().downloadOfflinePack()
  const down = await offline(pack).helplines({ nation: 'wales' })
  t.equal(down.ok && down.from, 'offline')
  const failing: typeof globalThis.fetch = async () => new Response('{}', { status: 503, headers: { 'content-type': 'application/problem+json' } })
  const overloaded = await offline(pack, { baseUrl: API_URL, fetch: failing }).localAuthority('E10000020')
  t.equal(overloaded.ok && overloaded.from, 'offline')
  t.equal(overloaded.ok && overloaded.data.name, 'Norfolk County Council')
  const missing = await offline(pack).localAuthority('E99999999')
  t.equal(!missing.ok && missing.status, 404)
})

t.test('without a stored pack, a network failure is an error the app sees', async (t) => {
  const sg = createSafeguardingClient({ baseUrl: UNREACHABLE_URL, timeoutMs: 2000 })
  await t.rejects(sg.helplines())
})
