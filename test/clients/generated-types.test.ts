import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { projectRoot } from '../../src/paths.js'

const client = join(projectRoot, 'clients', 'typescript')

t.test('the typed client\'s generated types are openapi-typescript\'s output for openapi.yaml (run `npm run openapi`)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-types-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const out = join(dir, 'openapi.ts')
  execFileSync(process.execPath, [join(projectRoot, 'node_modules/openapi-typescript/bin/cli.js'), '../../openapi.yaml', '--output', out], { cwd: client, stdio: 'pipe' })
  t.equal(readFileSync(join(client, 'generated', 'openapi.ts'), 'utf8'), readFileSync(out, 'utf8'))
})
