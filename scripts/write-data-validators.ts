// Writes src/catalogue/generated/data-validators.ts: the data schemas' validators as
// precompiled code (Ajv standalone), so a boot checks the data without compiling them
// (about a third of a second). Run `npm run data:validators` after changing a data schema;
// a test fails when the file no longer matches the schemas.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dataValidatorsSource } from '../src/catalogue/data-validator-source.js'

const target = fileURLToPath(new URL('../src/catalogue/generated/data-validators.ts', import.meta.url))
writeFileSync(target, dataValidatorsSource())
console.log(`wrote ${target}`)
