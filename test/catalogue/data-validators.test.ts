import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { DATA_SCHEMAS, dataValidatorsSource } from '../../src/catalogue/data-validator-source.js'
import * as precompiled from '../../src/catalogue/generated/data-validators.js'
import { schemaFingerprint } from '../../src/catalogue/schema-fingerprint.js'

// The data schemas' validators are precompiled into src/catalogue/generated (a boot then
// checks the data without compiling them). Like openapi.yaml, the file is generated and
// checked in: these tests fail when it no longer matches the schemas.

t.test('the checked-in precompiled validators are what the schemas generate now', async (t) => {
  const checkedIn = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'catalogue', 'generated', 'data-validators.ts'), 'utf8')
  t.ok(checkedIn === dataValidatorsSource(), 'src/catalogue/generated/data-validators.ts is up to date (else run: npm run data:validators)')
})

t.test('every data schema has its precompiled validator', async (t) => {
  for (const schema of DATA_SCHEMAS) {
    const name = `v${schemaFingerprint(schema)}`
    t.type((precompiled as Record<string, unknown>)[name], 'function', `${String(schema.$id ?? schema.title ?? name)} is precompiled`)
  }
})
