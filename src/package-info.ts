import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './paths.js'

/** Name and version from package.json: the one place the API's version is written. */
export const packageInfo = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string, version: string }
