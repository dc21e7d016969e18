import t from 'tap'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPostcodesIoClient } from '../../../src/domain/geography/postcodes-io-client.js'

type Handler = (req: IncomingMessage, res: ServerResponse) => void
const seen: string[] = []
let handler: Handler = (_req, res) => res.end()

const server = createServer((req, res) => {
  seen.push(req.url ?? '')
  handler(req, res)
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
// Sockets held open by the timeout case must not keep the test process alive.
t.teardown(() => { server.closeAllConnections(); server.close() })
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

const json = (status: number, body: unknown): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

t.test('returns the district and NI trust codes of a found postcode', async (t) => {
  handler = json(200, { status: 200, result: { postcode: 'BT48 6DQ', codes: { admin_district: 'N09000005', ccg: 'ZC050' } } })
  const client = createPostcodesIoClient(base, { timeoutMs: 1000 })
  t.same(await client.lookup('bt48 6dq'), { status: 'found', postcode: 'BT48 6DQ', lad_code: 'N09000005', ni_trust_code: 'ZC050' })
  t.equal(seen.at(-1), '/postcodes/BT486DQ', 'asks for the compact postcode under the base path')
})

t.test('keeps the district but no trust for a GB postcode', async (t) => {
  handler = json(200, { status: 200, result: { postcode: 'SW1A 1AA', codes: { admin_district: 'E09000033', ccg: 'E38000031' } } })
  t.same(await createPostcodesIoClient(base).lookup('SW1A 1AA'), { status: 'found', postcode: 'SW1A 1AA', lad_code: 'E09000033', ni_trust_code: null })
})

t.test('returns not-found on a 404', async (t) => {
  handler = json(404, { status: 404, error: 'Postcode not found' })
  t.same(await createPostcodesIoClient(base).lookup('ZZ9 9ZZ'), { status: 'not-found' })
})

t.test('returns null when the upstream is too slow', async (t) => {
  handler = () => { /* never answers */ }
  const started = Date.now()
  t.equal(await createPostcodesIoClient(base, { timeoutMs: 100 }).lookup('SW1A 1AA'), null)
  t.ok(Date.now() - started < 2000, 'gives up after the timeout')
})

t.test('returns null for malformed JSON', async (t) => {
  handler = (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"result": ') }
  t.equal(await createPostcodesIoClient(base).lookup('SW1A 1AA'), null)
})

t.test('returns null for a body without usable codes', async (t) => {
  for (const body of [null, [], { result: null }, { result: { codes: 'x' } }, { result: { postcode: 1, codes: { admin_district: 'nonsense' } } }]) {
    handler = json(200, body)
    t.equal(await createPostcodesIoClient(base).lookup('SW1A 1AA'), null, JSON.stringify(body))
  }
})

t.test('returns null for a server error or an unreachable host', async (t) => {
  handler = json(500, { status: 500, error: 'boom' })
  t.equal(await createPostcodesIoClient(base).lookup('SW1A 1AA'), null)
  t.equal(await createPostcodesIoClient('http://127.0.0.1:1', { timeoutMs: 500 }).lookup('SW1A 1AA'), null)
})

t.test('uses an injected fetch', async (t) => {
  const calls: string[] = []
  const fake = (async (url: string | URL | Request) => {
    calls.push(String(url))
    return new Response(JSON.stringify({ result: { postcode: 'BT1 1AA', codes: { admin_district: 'N09000003', ccg: 'ZC010' } } }))
  }) as typeof fetch
  const client = createPostcodesIoClient('https://example.test///', { fetch: fake })
  t.match(await client.lookup('BT1 1AA'), { ni_trust_code: 'ZC010' })
  t.same(calls, ['https://example.test/postcodes/BT11AA'])
})
