import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import inject, { type Response } from 'light-my-request'
import t, { type Test } from 'tap'
import { buildApp } from '../src/app.js'
import { testConfig } from '../src/config.js'
import { build, REAL_DATA } from './helper.js'
import { ALLOWED_METHODS, ContractChecker, type CheckOptions, type Operation, type RequestLike, type Violation } from './support/openapi-contract.js'
import { collectKnownValues, fillPath, validRequests, type KnownValues } from './support/spec-requests.js'

// Every response below is checked against the checked-in openapi.yaml by a validator that
// shares no code with the app (test/support/openapi-contract.ts).
const checker = new ContractChecker()
const NO_LIMIT = { DATA_DIR: REAL_DATA, RATE_LIMIT_MAX: 100000 }

/** Sends each request to the shared app, checks each answer; fails with every violation found. */
async function expectConforming (t: Test, requests: RequestLike[], options: CheckOptions = {}): Promise<Array<{ request: RequestLike, response: Response }>> {
  const found: Violation[] = []
  const answers = []
  for (const request of requests) {
    const response = await app.inject({ method: (request.method ?? 'GET') as 'GET', url: request.url, headers: request.headers })
    found.push(...checker.check(request, response, options))
    answers.push({ request, response })
  }
  t.same(found, [], `${requests.length} responses conform to openapi.yaml`)
  return answers
}

/** One request for each operation, with a real id and its required parameters. */
function oneEach (): Array<{ op: Operation, url: string }> {
  return checker.operations.map((op) => ({ op, url: validRequests(op, known)[0] ?? op.template }))
}

/** The app on the real data, shared by the tests that change nothing; and its ids and codes. */
let app: FastifyInstance
let known: KnownValues

t.before(async () => {
  // Other test files share the CPU: only the overload subtest asks for the production threshold.
  app = await buildApp(testConfig(NO_LIMIT), { maxEventLoopDelay: 60_000 })
  known = await collectKnownValues(app, checker)
})
t.teardown(() => app.close())

t.test('answers every operation with every valid parameter as the spec says', async (t) => {
  const requests = checker.operations.flatMap((op) => validRequests(op, known)).map((url) => ({ url }))
  t.ok(requests.length > 200, `${requests.length} requests`)
  const answers = await expectConforming(t, requests)
  const failed = answers.filter((a) => a.response.statusCode !== 200).map((a) => `${a.request.url} → ${a.response.statusCode}`)
  t.same(failed, [], 'every valid request answers 200')
  const empty = checker.operations.filter((op) => validRequests(op, known).length === 0).map((op) => op.template)
  t.same(empty, [], 'the data has records for every operation to find')
})

t.test('answers HEAD like GET, without a body', async (t) => {
  await expectConforming(t, oneEach().map(({ url }) => ({ method: 'HEAD', url })))
})

t.test('answers CSV wherever the spec offers text/csv', async (t) => {
  const csvOps = checker.operations.filter((op) => (op.responses['200']?.content as Record<string, unknown> | undefined)?.['text/csv'] !== undefined)
  t.ok(csvOps.length >= 7, `${csvOps.length} operations offer CSV`)
  const requests: RequestLike[] = []
  for (const op of csvOps) {
    requests.push({ url: op.template, headers: { accept: 'text/csv' } })
    requests.push({ url: op.template, headers: { accept: 'text/csv', 'accept-encoding': 'gzip' } })
    if (op.parameters.some((p) => p.name === 'format')) requests.push({ url: `${op.template}?format=csv` })
  }
  const answers = await expectConforming(t, requests)
  for (const { request, response } of answers) {
    t.equal(response.statusCode, 200, request.url)
    t.match(response.headers['content-type'], /^text\/csv/, request.url)
  }
})

t.test('answers 304 with no body to If-None-Match with the current ETag', async (t) => {
  const requests: RequestLike[] = []
  const withoutEtag: string[] = []
  for (const { op, url } of oneEach()) {
    const first = await app.inject(url)
    const etag = first.headers.etag
    if (typeof etag !== 'string') {
      if (first.statusCode === 200) withoutEtag.push(op.id)
      continue
    }
    requests.push({ url, headers: { 'if-none-match': etag } }, { url, headers: { 'if-none-match': `"other", W/${etag}` } }, { url, headers: { 'if-none-match': '*' } })
  }
  t.same(withoutEtag.sort(), ['getLiveness', 'getReadiness'], 'every 200 but the health checks carries an ETag')
  const answers = await expectConforming(t, requests)
  t.same(answers.filter((a) => a.response.statusCode !== 304).map((a) => `${a.request.url} [${String(a.request.headers?.['if-none-match'])}] → ${a.response.statusCode}`), [], 'every one answers 304')
})

t.test('answers 400 problem details for unknown, missing and badly typed parameters', async (t) => {
  const wrong = (schema: Record<string, unknown>): string[] => {
    if (Array.isArray(schema.enum)) return ['not-one-of-them']
    if (schema.type === 'boolean') return ['maybe', '1']
    if (schema.type === 'integer') return ['abc', '1.5', String(Number(schema.minimum ?? 0) - 1), String(Number(schema.maximum ?? 1e9) + 1)]
    // A value the parameter's own pattern refuses (checked here, not assumed).
    const refused = ['NOT VALID!', 'a\u0001b'].filter((v) => typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v))
    return [...(typeof schema.maxLength === 'number' ? ['x'.repeat(schema.maxLength + 1)] : []), ...refused.slice(0, 1), '']
  }
  const requests: RequestLike[] = []
  for (const { op, url } of oneEach()) {
    const [path = url, query = ''] = url.split('?')
    const base = new URLSearchParams(query)
    requests.push({ url: `${path}?${new URLSearchParams([...base, ['no_such_parameter', '1']])}` })
    for (const p of op.parameters) {
      if (p.in === 'path') {
        requests.push({ url: fillPath(op.template, { [p.name]: 'NOT_AN_ID!' }) })
        continue
      }
      for (const value of wrong(p.schema)) {
        const params = new URLSearchParams(base)
        params.set(p.name, value)
        requests.push({ url: `${path}?${params}` })
      }
      if (p.required === true) requests.push({ url: `${path}?${new URLSearchParams([...base].filter(([k]) => k !== p.name))}` })
    }
  }
  const answers = await expectConforming(t, requests)
  const not400 = answers.filter((a) => a.response.statusCode !== 400).map((a) => `${a.request.url} → ${a.response.statusCode}`)
  t.same(not400, [], 'every one answers 400')
})

t.test('answers 404 problem details for unknown records, releases and paths', async (t) => {
  const requests: RequestLike[] = []
  for (const { op, url } of oneEach()) {
    const pathParam = op.parameters.find((p) => p.in === 'path')
    if (pathParam !== undefined) {
      const unknown = pathParam.schema.pattern === '^(?:[EWSN]\\d{8}|ZC0[1-5]0)$' ? 'E99999999' : op.template.startsWith('/v1/releases/') ? '2000-01-01' : 'no-such-record'
      requests.push({ url: fillPath(op.template, { [pathParam.name]: unknown }) + (url.includes('?') ? url.slice(url.indexOf('?')) : '') })
    }
    if (op.parameters.some((p) => p.name === 'release' && p.in === 'query')) {
      const params = new URLSearchParams(url.split('?')[1] ?? '')
      params.set('release', '2000-01-01')
      requests.push({ url: `${url.split('?')[0]}?${params}` })
    }
  }
  requests.push({ url: '/v1/no-such-endpoint' }, { url: '/v2/helplines' }, { url: '/nowhere?postcode=SW1A2AA' })
  const answers = await expectConforming(t, requests)
  const not404 = answers.filter((a) => a.response.statusCode !== 404).map((a) => `${a.request.url} → ${a.response.statusCode}`)
  t.same(not404, [], 'every one answers 404')
})

t.test('answers an Accept header it cannot satisfy as the spec says', async (t) => {
  const requests = oneEach().flatMap(({ url }) => [
    { url, headers: { accept: 'application/xml' } },
    { url, headers: { accept: 'text/csv' } }
  ])
  const answers = await expectConforming(t, requests)
  t.ok(answers.some((a) => a.response.statusCode === 406), 'some operations answer 406')
  for (const { request, response } of answers) {
    if (response.statusCode === 406) t.match(response.json(), { status: 406, title: 'No acceptable representation' }, request.url)
  }
})

t.test('answers write methods 405 with Allow (outside the spec by design: OUTSIDE_SPEC.write)', async (t) => {
  const paths = [...new Set(oneEach().map(({ url }) => url.split('?')[0] ?? url))]
  const requests = paths.flatMap((url) => ['POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ method, url })))
  const answers = await expectConforming(t, requests, { outsideSpec: true })
  for (const { request, response } of answers) {
    t.equal(response.statusCode, 405, `${request.method} ${request.url}`)
    t.equal(response.headers.allow, ALLOWED_METHODS)
  }
})

t.test('answers 429 problem details with Retry-After once a client passes the limit', async (t) => {
  const limited = await build(t, { DATA_DIR: REAL_DATA, RATE_LIMIT_MAX: 1 })
  const found: Violation[] = []
  for (const { op, url } of oneEach()) {
    // Health checks are never limited: a load balancer must always reach them.
    if (op.template.startsWith('/health/')) continue
    let response = await limited.inject(url)
    for (let i = 0; i < 3 && response.statusCode !== 429; i++) response = await limited.inject(url)
    t.equal(response.statusCode, 429, url)
    t.match(response.headers['retry-after'], /^\d+$/, `${url} says when to retry`)
    found.push(...checker.check({ url }, response))
  }
  t.same(found, [], 'every 429 conforms to openapi.yaml')
})

/** A postcodes.io stand-in on loopback that knows no postcode and takes its time to say so. */
async function slowUpstream (t: Test, delayMs: number): Promise<string> {
  const server: Server = createServer((_req, res) => {
    setTimeout(() => res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":404}'), delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

t.test('answers 503 problem details to requests that arrive while the server closes', async (t) => {
  // A Northern Ireland postcode is asked of the upstream: that request is still in flight
  // when the server starts to close.
  const closingApp = await buildApp(testConfig({ ...NO_LIMIT, POSTCODES_IO_URL: await slowUpstream(t, 300) }), { maxEventLoopDelay: 60_000 })
  const urls = oneEach().map(({ url }) => url)
  const inFlight = closingApp.inject('/v1/local-authorities/lookup?postcode=BT1%201AA')
  await new Promise((resolve) => setTimeout(resolve, 50))
  const closing = closingApp.close()
  // app.inject refuses a closing app; a request still reaching the server (a kept-alive
  // connection) goes through its router, as here.
  const send = (url: string) => inject(closingApp.routing, { url })
  let probe = await send('/health/live')
  for (let i = 0; i < 100 && probe.statusCode !== 503; i++) {
    await new Promise((resolve) => setImmediate(resolve))
    probe = await send('/health/live')
  }
  const found: Violation[] = []
  for (const url of urls) {
    const response = await send(url)
    t.equal(response.statusCode, 503, url)
    t.match(response.headers['retry-after'], /^\d+$/, `${url} says when to retry`)
    t.equal(response.headers.connection, 'close')
    found.push(...checker.check({ url }, response))
  }
  t.same(found, [], 'every 503 conforms to openapi.yaml')
  t.equal((await inFlight).statusCode, 200, 'the request in flight completes')
  await closing
})

t.test('answers 503 problem details at once when the event loop is saturated', async (t) => {
  const pressed = await build(t, NO_LIMIT, { maxEventLoopDelay: 5 })
  // The first two seconds after start-up are the boot's own load, not overload (overload.ts).
  await new Promise((resolve) => setTimeout(resolve, 2200))
  let response = await pressed.inject('/health/live')
  const until = Date.now() + 10_000
  while (response.statusCode !== 503 && Date.now() < until) {
    const busyUntil = Date.now() + 300
    while (Date.now() < busyUntil) { /* saturate the event loop */ }
    await new Promise((resolve) => setTimeout(resolve, 20))
    response = await pressed.inject('/health/live')
  }
  t.equal(response.statusCode, 503, 'refused while saturated')
  t.match(response.headers['retry-after'], /^\d+$/)
  const found = checker.check({ url: '/health/live' }, response)
  for (const { url } of oneEach()) {
    const res = await pressed.inject(url)
    if (res.statusCode === 503) found.push(...checker.check({ url }, res))
  }
  t.same(found, [], 'every 503 conforms to openapi.yaml')
})

t.test('exercises every operation and every status the spec lists', async (t) => {
  const missing: string[] = []
  for (const op of checker.operations) {
    for (const status of Object.keys(op.responses)) {
      // 500 cannot be provoked without breaking the app; its shape is the Problem all
      // other errors were checked against.
      if (status === '500') continue
      // Health checks are exempt from the rate limit (rate-limit.ts), so never answer 429.
      if (status === '429' && op.template.startsWith('/health/')) continue
      if (!checker.observed.has(`${op.id} ${status}`)) missing.push(`${op.id} ${status}`)
    }
  }
  t.same(missing, [], `every listed status was seen conforming (${checker.observed.size} operation/status pairs)`)
})
