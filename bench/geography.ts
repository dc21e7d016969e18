// Measures the geography index: load time, heap it holds, and time per lookup.
// Run: node --expose-gc --import tsx bench/geography.ts
import { fileURLToPath } from 'node:url'
import { loadGeographyIndex } from '../src/domain/geography/load-index.js'
import { lookupPostcode } from '../src/domain/geography/lookup.js'
import type { GeographyIndex } from '../src/domain/geography/types.js'
import { decodeKey } from './postcode-keys.js'

const dir = fileURLToPath(new URL('../data/geography/onspd-2025-11/', import.meta.url))
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) console.warn('run with node --expose-gc for a heap figure')

function heapUsed (): number {
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
}

function queries (index: GeographyIndex, n: number): string[] {
  let seed = 42
  const next = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31 }
  const letters = 'ABDEFGHJLNPQRSTUWXYZ'
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const table = next() < 0.5 ? index.unit : index.district
    const base = decodeKey(table.keys[Math.floor(next() * table.keys.length)] as number)
    out.push(table === index.unit ? base : `${base} ${Math.floor(next() * 10)}${letters[Math.floor(next() * 20)]}${letters[Math.floor(next() * 20)]}`)
  }
  return out
}

const before = heapUsed()
let started = performance.now()
const index = await loadGeographyIndex(dir)
const firstLoad = performance.now() - started
const held = heapUsed() - before

const loads: number[] = []
for (let i = 0; i < 10; i++) {
  started = performance.now()
  await loadGeographyIndex(dir)
  loads.push(performance.now() - started)
}
loads.sort((a, b) => a - b)

const list = queries(index, 1_000_000)
for (const q of list.slice(0, 50_000)) lookupPostcode(index, q) // warm up
started = performance.now()
let matched = 0
for (const q of list) if (lookupPostcode(index, q).status === 'matched') matched++
const perLookupUs = (performance.now() - started) * 1000 / list.length

console.log(`index ${index.id}: ${index.unit.keys.length} unit, ${index.sector.keys.length} sector, ${index.district.keys.length} district rows`)
console.log(`load: first ${firstLoad.toFixed(1)} ms, median of 10 warm loads ${loads[5]?.toFixed(1)} ms`)
console.log(`heap held by the index: ${(held / 1024 / 1024).toFixed(2)} MB${gc === undefined ? ' (no gc: rough)' : ''}`)
console.log(`lookup: ${perLookupUs.toFixed(2)} µs per call over ${list.length} random postcodes (${matched} matched)`)
