import type { BankHolidayCalendarFile } from '../../schemas/schedule.js'
import { calendarsFromFile } from '../domain/schedule/calendar.js'
import type { Catalogue } from './build-catalogue.js'
import type { CatalogueSet } from './load-catalogues.js'

/**
 * The served set from its catalogues, newest first. A module of its own so that a start from
 * the data cache (boot-data.ts) does not read the data-checking code load-catalogues.ts imports.
 */
export function catalogueSet (catalogues: Catalogue[], bankHolidays: BankHolidayCalendarFile): CatalogueSet {
  return Object.freeze({
    latest: catalogues[0] as Catalogue,
    byId: new Map(catalogues.map((c) => [c.release.id, c])),
    ids: catalogues.map((c) => c.release.id),
    calendars: calendarsFromFile(bankHolidays),
    bankHolidays
  })
}
