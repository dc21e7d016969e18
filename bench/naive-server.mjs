// The naive way: plain node:http answering every request with JSON.stringify of an answer
// object, per request, no cache, no compression. The answer is the app's own, recorded for one
// URL of each miss scenario; the miss scenarios compare the app against this.
// Usage: node bench/naive-server.mjs <fixture.json> <port>
// The fixture maps a key (the path, '?', and the query's parameter names) to the answer's JSON.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [file, port] = process.argv.slice(2)
const fixture = JSON.parse(readFileSync(file, 'utf8'))
const answers = new Map(Object.entries(fixture.answers).map(([key, json]) => [key, JSON.parse(json)]))

/** `/v1/helplines?at=…` → `/v1/helplines?at`. */
function keyOf (url) {
  const mark = url.indexOf('?')
  if (mark === -1) return url
  return url.slice(0, mark) + '?' + [...new URLSearchParams(url.slice(mark + 1)).keys()].sort().join('&')
}

const server = createServer((req, res) => {
  const answer = answers.get(keyOf(req.url))
  if (answer === undefined) {
    res.writeHead(404, { 'content-length': '0' })
    res.end()
    return
  }
  const body = JSON.stringify(answer)
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
})
server.keepAliveTimeout = fixture.keepAliveTimeoutMs
server.listen(Number(port), '127.0.0.1')
