/**
 * Builds the client: one ES module bundle (dist/index.js) holding the client and the server's
 * pure domain functions it shares (src/domain/: open-now and routes), with openapi-fetch left
 * as a dependency; and type declarations (dist/types). The bundle is built for browsers and
 * React Native as well as Node, so any Node-only import fails the build.
 */
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
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
// Declarations of the public API only (src/api.ts, src/types.ts, the generated types): the
// implementation compiles the server's shared code, whose declarations are not the client's.
execFileSync(process.execPath, [join(here, '../../node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.types.json')], { stdio: 'inherit' })
writeFileSync(join(here, 'dist/types/index.d.ts'), `import type { ClientOptions, SafeguardingClient } from './src/api.js'
/** A typed client of the Safeguarding API (see SafeguardingClient). */
export declare function createSafeguardingClient (options: ClientOptions): SafeguardingClient
export type * from './src/api.js'
export type * from './src/types.js'
export type { paths, components, operations } from './generated/openapi.js'
`)

const inputs = Object.keys(result.metafile.inputs)
const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs).find((o) => o.endsWith('index.js'))].bytes
process.stdout.write(`client built: dist/index.js (${Math.round(bytes / 1024)} KiB, ${inputs.length} modules)\n`)
