// The ceiling: plain node:http replaying, from memory, the bytes the app sent.
// Usage: node bench/bare-server.mjs <fixture.json> <port>
// The fixture lists, per path, the app's response for a plain request ('identity'),
// for `Accept-Encoding: br` ('br') and for a matching `If-None-Match` ('inm').
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [file, port] = process.argv.slice(2)
const fixture = JSON.parse(readFileSync(file, 'utf8'))
const table = new Map()
for (const r of fixture.responses) {
  const entry = table.get(r.path) ?? {}
  entry[r.kind] = { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') }
  table.set(r.path, entry)
}

const server = createServer((req, res) => {
  const entry = table.get(req.url)
  if (entry === undefined) {
    res.writeHead(404, { 'content-length': '0' })
    res.end()
    return
  }
  const h = req.headers
  const r = (h['if-none-match'] !== undefined && entry.inm) ||
    (h['accept-encoding'] !== undefined && entry.br) || entry.identity
  res.writeHead(r.status, r.headers)
  res.end(r.body)
})
// Same idle timeout as the app, so the Keep-Alive header is the same too.
server.keepAliveTimeout = fixture.keepAliveTimeoutMs
server.listen(Number(port), '127.0.0.1')
