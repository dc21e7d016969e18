import { describeSchedule } from '../domain/schedule/index.js'
import { loadCatalogueSet, type CatalogueSet } from './load-catalogues.js'

import { londonToday } from './today.js'

export { londonToday }

/**
 * Loads, checks and builds every release in a data folder. Throws a DataError (one line:
 * file, record, pointer, rule) at the first fault.
 */
export async function loadData (dataDir: string, linkBase: string, now: number = Date.now()): Promise<CatalogueSet> {
  return loadCatalogueSet(dataDir, { linkBase, today: londonToday(now), describeSchedule })
}

export type { CatalogueSet } from './load-catalogues.js'
export { DataError } from './data-error.js'
