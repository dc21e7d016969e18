// Writes src/embed/generated/help-js.ts: the web component (src/embed) bundled into one ES
// module, served at GET /embed/v1/help.js. Run `npm run embed:build` after changing
// src/embed; a test fails when the file no longer matches the sources.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { embedModuleSource } from './embed-bundle.js'

const target = fileURLToPath(new URL('../src/embed/generated/help-js.ts', import.meta.url))
writeFileSync(target, await embedModuleSource())
console.log(`wrote ${target}`)
