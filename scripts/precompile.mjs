// Prepares what the bundle reads at start instead of doing it itself (both beside it, in
// dist/bundle/; src/http/compile-cache.ts and src/catalogue/data-cache.ts say why):
// - compiled/: the code of every route's validators and serialisers;
// - data-cache.bin: what checking the bundled data found.
// Run by `npm run build`, after tsc and the bundle.
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildApp } from '../dist/src/app.js'
import { loadData } from '../dist/src/catalogue/index.js'
import { dataCacheOf, writeDataCache } from '../dist/src/catalogue/write-data-cache.js'
import { testConfig } from '../dist/src/config.js'

const config = testConfig()
const dir = fileURLToPath(new URL('../dist/bundle/compiled/', import.meta.url))
rmSync(dir, { recursive: true, force: true })
const app = await buildApp(config, { compiledCode: { dir, write: true } })
await app.close()

const set = await loadData(config.DATA_DIR, '')
writeDataCache(fileURLToPath(new URL('../dist/bundle/data-cache.bin', import.meta.url)), dataCacheOf(config.DATA_DIR, set))
