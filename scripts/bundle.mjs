// Bundles the compiled server (dist/src/server.js) into dist/bundle/server.mjs, which
// `npm start` runs: one file to read and compile instead of hundreds of modules starts the
// server about a quarter sooner. What is imported only on demand (the data-checking code when
// the data cache holds the data, citation formatting, the Redis client) goes into chunks of
// its own, read only when imported. @fastify/swagger-ui stays outside because it serves its
// own files from its package folder. Run by `npm run build`, after tsc.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

rmSync('dist/bundle', { recursive: true, force: true })
await build({
  entryPoints: { server: 'dist/src/server.js' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
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
