// What `npm start` runs after building, read from package.json so the smoke test and the
// bench start the server exactly as a deployment does (node flags included).
import { readFileSync } from 'node:fs'

/** The arguments `npm start` gives node, e.g. ['--optimize-for-size', 'dist/bundle/server.mjs']. */
export function startArguments () {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  const last = scripts.start.split('&&').at(-1).trim().split(/\s+/)
  if (last[0] !== 'node') throw new Error(`package.json "start" should end with a node command, not: ${scripts.start}`)
  return last.slice(1)
}
