/**
 * Writes openapi.yaml from the app's route schemas: the spec is generated, never edited by
 * hand. test/openapi.test.ts fails when the checked-in file differs from what the app serves.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../src/app.js'
import { testConfig } from '../src/config.js'
import { projectRoot } from '../src/paths.js'

const app = await buildApp(testConfig())
const path = join(projectRoot, 'openapi.yaml')
writeFileSync(path, app.swagger({ yaml: true }))
await app.close()
process.stdout.write(`wrote ${path}\n`)
