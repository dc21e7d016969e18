/**
 * Builds the client: one ES module bundle (dist/index.js) holding the client and the server's
 * pure domain functions it shares (src/domain/: open-now and routes), with openapi-fetch left
 * as a dependency; and type declarations (dist/types). The bundle is built for browsers and
 * React Native as well as Node, so any Node-only import fails the build.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = join(dirname(fileURLToPath(import.meta.url)), '..')
rmSync(join(here, 'dist'), { recursive: true, force: true })
const result = await build({
  entryPoints: [join(here, 'src/index.ts')],
  outfile: join(here, 'dist/index.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['openapi-fetch'],
  sourcemap: true,
  metafile: true,
  logLevel: 'warning'
})
execFileSync(process.execPath, [join(here, '../../node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' })

// tsc declares every file the client compiles, the server's shared ones too. The package keeps
// only what its public types reach from index.d.ts, and fails if that reaches the server's.
const types = join(here, 'dist/types')
const entry = join(types, 'clients/typescript/src/index.d.ts')
const reached = new Set()
const visit = (file) => {
  if (reached.has(file)) return
  reached.add(file)
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) visit(resolve(dirname(file), spec.replace(/\.js$/, '.d.ts')))
}
visit(entry)
const outside = [...reached].filter((f) => !relative(types, f).startsWith('clients/typescript/'))
if (outside.length > 0) throw new Error(`the client's public types reach the server's: ${outside.map((f) => relative(types, f)).join(', ')}`)
for (const file of readdirSync(types, { recursive: true, withFileTypes: true })) {
  const path = join(file.parentPath, file.name)
  if (file.isFile() && !reached.has(path)) rmSync(path)
}
for (const dir of ['src', 'schemas', 'clients/typescript/src/offline']) rmSync(join(types, dir), { recursive: true, force: true })

const inputs = Object.keys(result.metafile.inputs)
const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs).find((o) => o.endsWith('index.js'))].bytes
process.stdout.write(`client built: dist/index.js (${Math.round(bytes / 1024)} KiB, ${inputs.length} modules)\n`)
