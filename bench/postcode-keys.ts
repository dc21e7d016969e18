import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadGeographyIndex } from '../src/domain/geography/load-index.js'

/** Reverse of the index's encodeKey, only to draw realistic queries from the index itself. */
export function decodeKey (key: number): string {
  let text = ''
  for (let i = 0; i < 7; i++) {
    const v = key % 37
    key = (key - v) / 37
    text = (v === 0 ? ' ' : v <= 10 ? String(v - 1) : String.fromCharCode(v + 54)) + text
  }
  return `${text.slice(0, 4).trim()} ${text.slice(4).trim()}`.trim()
}

/**
 * Writes the postcodes lua/distinct-postcodes.lua draws from: every unit postcode of the
 * bundled index, a line `--`, then every sector and district.
 */
export async function writePostcodeList (file: string): Promise<{ units: number, areas: number }> {
  const index = await loadGeographyIndex(fileURLToPath(new URL('../data/geography/onspd-2025-11/', import.meta.url)))
  const units = Array.from(index.unit.keys, decodeKey)
  const areas = [...Array.from(index.sector.keys, decodeKey), ...Array.from(index.district.keys, decodeKey)]
  writeFileSync(file, [...units, '--', ...areas].join('\n') + '\n')
  return { units: units.length, areas: areas.length }
}
