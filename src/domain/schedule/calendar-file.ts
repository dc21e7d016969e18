import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Value } from '@sinclair/typebox/value'
import { CORE_SCHEMA, load } from 'js-yaml'
import { BankHolidayCalendarFileSchema, type BankHolidayCalendarFile } from '../../../schemas/schedule.js'
import { calendarsFromFile, type BankHolidayCalendars } from './calendar.js'

/** Where the calendar lives inside the data folder (written by scripts/build-bank-holidays.ts). */
export const BANK_HOLIDAYS_FILE = join('calendars', 'uk-bank-holidays.yaml')

/**
 * Parses and checks the text of a bank-holiday calendar file. Throws, naming the first
 * fault, rather than serve opening hours from a calendar it cannot trust.
 */
export function parseBankHolidayCalendars (text: string, label = BANK_HOLIDAYS_FILE): BankHolidayCalendars {
  return calendarsFromFile(parseBankHolidayFile(text, label))
}

/** Parses and checks a bank-holiday calendar file, keeping it whole (provenance included). */
export function parseBankHolidayFile (text: string, label = BANK_HOLIDAYS_FILE): BankHolidayCalendarFile {
  // The YAML 1.2 core schema keeps dates as the strings written.
  const data: unknown = load(text, { schema: CORE_SCHEMA })
  const [fault] = Value.Errors(BankHolidayCalendarFileSchema, data)
  if (fault !== undefined) throw new Error(`${label}: ${fault.path === '' ? '/' : fault.path}: ${fault.message}`)
  const file = Value.Decode(BankHolidayCalendarFileSchema, data)
  for (const [division, list] of Object.entries(file.divisions)) {
    const dates = list.map((h) => h.date)
    if (new Set(dates).size !== dates.length) throw new Error(`${label}: ${division} lists a date twice`)
  }
  return file
}

/** Reads the bank-holiday calendars from a data folder, once at boot. */
export function loadBankHolidayCalendars (dataDir: string): BankHolidayCalendars {
  return calendarsFromFile(loadBankHolidayFile(dataDir))
}

/** Reads the bank-holiday calendar file from a data folder, checked, as written. */
export function loadBankHolidayFile (dataDir: string): BankHolidayCalendarFile {
  const path = join(dataDir, BANK_HOLIDAYS_FILE)
  return parseBankHolidayFile(readFileSync(path, 'utf8'), path)
}
