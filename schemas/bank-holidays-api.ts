import { Type } from '@sinclair/typebox'
import { Ref } from './common.js'
import { BankHolidayCalendarFileSchema } from './schedule.js'

/** The bank holidays opening hours are computed with, as the server holds them, with their provenance. */
export const BankHolidaysSchema = Type.Object({ ...BankHolidayCalendarFileSchema.properties }, {
  $id: 'BankHolidays',
  additionalProperties: false,
  description: 'The UK bank holidays of each division, for the years in `source.covers`; outside them whether a day is a bank holiday is not known, and hours that depend on it are given as unknown (open_now null).'
})

export const BankHolidaysItemSchema = Type.Object({ data: Ref(BankHolidaysSchema) }, { $id: 'BankHolidaysItem', additionalProperties: false })
