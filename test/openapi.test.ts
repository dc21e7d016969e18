import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { parse } from 'yaml'
import { build, REAL_DATA } from './helper.js'
import { projectRoot } from '../src/paths.js'

t.test('openapi.yaml is what the app generates (run `npm run openapi` after changing a schema)', async (t) => {
  const app = await build(t, { DATA_DIR: REAL_DATA })
  const checkedIn = readFileSync(join(projectRoot, 'openapi.yaml'), 'utf8')
  t.equal(app.swagger({ yaml: true }), checkedIn)
})

t.test('serves the same spec as JSON and YAML', async (t) => {
  const app = await build(t)
  const json = await app.inject('/openapi.json')
  const yaml = await app.inject('/openapi.yaml')
  t.equal(json.statusCode, 200)
  t.match(yaml.headers['content-type'], /^application\/yaml/)
  t.same(parse(yaml.body), json.json())
  t.equal(json.json().openapi, '3.1.0')
  t.ok(json.headers.etag)
  t.equal((await app.inject({ url: '/openapi.json', headers: { 'if-none-match': json.headers.etag as string } })).statusCode, 304)
})

t.test('documents every operation with an operationId and problem responses', async (t) => {
  const app = await build(t)
  const spec = app.swagger() as unknown as { paths: Record<string, Record<string, { operationId?: string, responses: Record<string, { content?: Record<string, unknown> }> }>> }
  const operations = Object.entries(spec.paths).flatMap(([path, p]) => Object.values(p).map((op) => ({ path, op })))
  t.ok(operations.length >= 20)
  for (const { path, op } of operations) {
    t.ok(op.operationId, 'has an operationId')
    // Health checks are never rate-limited and answer whatever the Accept header says; the
    // embed's pages and script have one representation each and send it whatever Accept says.
    const statuses = path.startsWith('/health/') ? ['400', '500', '503'] : path.startsWith('/embed') ? ['400', '429', '500', '503'] : ['400', '406', '429', '500', '503']
    for (const status of statuses) {
      t.ok(op.responses[status]?.content?.['application/problem+json'], `${op.operationId} documents ${status} as problem+json`)
    }
  }
})
