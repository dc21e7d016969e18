import { createServer, request, Agent, type IncomingHttpHeaders, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import t from 'tap'
import { REAL_DATA } from './helper.js'
import { accepts, eventually, sleep, startServer } from './support/server-process.js'

/** CLOSE_GRACE_MS in src/server.ts: in-flight requests get this long before the process exits anyway. */
const CLOSE_GRACE_MS = 10_000
const IN_FLIGHT = 100

/**
 * A postcodes.io stand-in that holds every lookup until released. A Northern Ireland postcode
 * is not in the bundled index, so the server asks the upstream and the request stays in its
 * handler, really in flight, for as long as the test likes (under the client's 1.5 s timeout).
 */
async function heldUpstream (): Promise<{ server: Server, url: string, arrived: () => number, aborted: () => number, release: () => void }> {
  const held: Array<() => void> = []
  let arrived = 0
  let aborted = 0
  const server = createServer((req, res) => {
    arrived++
    res.on('close', () => { if (!res.writableFinished) aborted++ })
    const postcode = decodeURIComponent(req.url?.split('/').pop() ?? '')
    held.push(() => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: 200, result: { postcode, codes: { admin_district: 'N09000003', ccg: 'ZC010' } } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    arrived: () => arrived,
    aborted: () => aborted,
    release: () => { for (const answer of held.splice(0)) answer() }
  }
}

interface Answer { status: number, headers: IncomingHttpHeaders, body: string }

function get (url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      res.on('error', reject)
    }).on('error', reject).end()
  })
}

/** A raw keep-alive connection, to see exactly what the server writes and when it hangs up. */
async function rawConnection (port: number): Promise<{ socket: Socket, received: () => string, closed: Promise<void> }> {
  const socket = connect({ host: '127.0.0.1', port })
  let received = ''
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => { received += chunk })
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve).once('error', reject) })
  return { socket, received: () => received, closed }
}

/** Splits raw HTTP/1.1 responses (all with Content-Length) into status, headers and body. */
function parseResponses (raw: string): Array<{ status: number, headers: Record<string, string>, body: string }> {
  const out = []
  let rest = raw
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n')
    if (end === -1) break
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n')
    const headers: Record<string, string> = {}
    for (const line of lines) {
      const colon = line.indexOf(':')
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
    }
    const length = Number(headers['content-length'] ?? 0)
    out.push({ status: Number(statusLine?.split(' ')[1]), headers, body: rest.slice(end + 4, end + 4 + length) })
    rest = rest.slice(end + 4 + length)
  }
  return out
}

const lookup = (i: number) => `/v1/local-authorities/lookup?postcode=${encodeURIComponent(`BT${1 + (i % 9)} ${i % 10}${'ABDEFGHJLN'[Math.floor(i / 10) % 10]}A`)}`

t.test('on SIGTERM finishes the requests in flight, refuses new ones and exits 0 within the grace period', async (t) => {
  const upstream = await heldUpstream()
  t.teardown(() => upstream.server.close())
  // The upstream holds every lookup until the test releases it; on a busy host that takes longer
  // than the default wait, and a lookup that stops waiting is not what this test is about.
  const server = await startServer(t, { DATA_DIR: REAL_DATA, POSTCODES_IO_URL: upstream.url, POSTCODES_IO_TIMEOUT: '60000' })
  // The server prepares its responses in the background after listening; let it finish so
  // that work does not hold the requests below past the upstream timeout.
  await server.waitForOutput(/responses prepared|warm-up stopped/, 30_000).catch(() => {})

  // An idle kept-alive connection: it has had its answer and sits waiting.
  const idle = await rawConnection(server.port)
  idle.socket.write('GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n')
  await eventually(async () => parseResponses(idle.received()).length === 1 ? true : undefined, 'the idle connection\'s first answer')

  // A kept-alive connection with a request in flight, on which a second request follows after SIGTERM.
  const busy = await rawConnection(server.port)
  busy.socket.write(`GET ${lookup(IN_FLIGHT)} HTTP/1.1\r\nHost: localhost\r\n\r\n`)

  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT })
  t.teardown(() => agent.destroy())
  const answers = Array.from({ length: IN_FLIGHT }, (_, i) => get(`${server.url}${lookup(i)}`, agent))
  await eventually(async () => upstream.arrived() === IN_FLIGHT + 1 ? true : undefined, `${IN_FLIGHT + 1} requests inside their handlers`)

  const signalledAt = Date.now()
  server.signal('SIGTERM')
  const exited = server.exited.then((exit) => ({ exit, ms: Date.now() - signalledAt }))
  await server.waitForOutput(/closing/)
  // Once nothing accepts connections the server has begun closing.
  await eventually(async () => (await accepts(server.port)) ? undefined : true, 'the listener to close')
  t.pass('a new connection is refused once SIGTERM is received')
  busy.socket.write('GET /v1/helplines HTTP/1.1\r\nHost: localhost\r\n\r\n')
  const idleClosed = await Promise.race([idle.closed.then(() => true), sleep(5000).then(() => false)])
  t.ok(idleClosed, 'the idle kept-alive connection is closed')
  t.equal(parseResponses(idle.received()).length, 1, 'with no further answer')

  t.equal(upstream.aborted(), 0, 'no request in flight gave up waiting')
  upstream.release()
  const results = await Promise.all(answers)
  t.equal(results.filter((r) => r.status === 200).length, IN_FLIGHT, `all ${IN_FLIGHT} requests in flight complete with 200`)
  t.ok(results.every((r) => (JSON.parse(r.body) as { meta?: { release?: string } }).meta?.release !== undefined), 'every body is whole')

  await busy.closed
  const [first, second, ...more] = parseResponses(busy.received())
  t.equal(first?.status, 200, 'the request in flight on the kept-alive connection completes')
  t.match(second, {
    status: 503,
    headers: { connection: 'close', 'retry-after': /^\d+$/, 'content-type': /^application\/problem\+json/ }
  }, 'the request after SIGTERM on the kept-alive connection gets 503 problem details with Connection: close')
  t.match(JSON.parse(second?.body ?? '{}'), { status: 503, title: String, detail: /shutting down/ })
  t.same(more, [], 'and the connection is closed after it')

  const { exit, ms } = await exited
  t.equal(exit.code, 0, 'exits 0')
  t.ok(ms < CLOSE_GRACE_MS, `exits within the grace period (${ms} ms after SIGTERM)`)
  t.notMatch(exit.stdout + exit.stderr, /killed by timeout/)
})
