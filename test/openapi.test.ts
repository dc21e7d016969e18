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
  const operations = Object.values(spec.paths).flatMap((p) => Object.values(p))
  t.ok(operations.length >= 5)
  for (const op of operations) {
    t.ok(op.operationId, 'has an operationId')
    for (const status of ['400', '429', '500', '503']) {
      t.ok(op.responses[status]?.content?.['application/problem+json'], `${op.operationId} documents ${status} as problem+json`)
    }
  }
})
