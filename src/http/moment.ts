import type { FastifyInstance } from 'fastify'
import type { Nation } from '../../schemas/common.js'
import type { Moment } from '../domain/moment.js'
import { invalidParameter } from './errors.js'

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/

/**
 * The instant an ISO 8601 date-time with offset denotes, or null when it is not a real
 * moment. Date.parse alone would roll 31 April over to 1 May and accept 24:00.
 */
export function parseInstant (iso: string): number | null {
  const match = ISO_INSTANT.exec(iso)
  if (match === null) return null
  const [y, mo, d, h, mi, s = '0', oh = '0', om = '0'] = match.slice(1).map((v) => v ?? undefined) as string[]
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  const realDay = day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d)
  const realTime = Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59 && Number(oh) <= 23 && Number(om) <= 59
  if (!realDay || !realTime) return null
  const instant = Date.parse(iso)
  return Number.isNaN(instant) ? null : instant
}

/** The moment a request asks about: `?at=` when given (then the clock is not involved), else now. */
export function momentOf (app: FastifyInstance, query: { at?: string, nation?: Nation }): { moment: Moment, followsClock: boolean, now: number } {
  const now = app.clock()
  const calendars = app.catalogues.calendars
  if (query.at === undefined) return { moment: { instant: now, nation: query.nation, calendars }, followsClock: true, now }
  const instant = parseInstant(query.at)
  if (instant === null) throw invalidParameter('at', 'is not a real date and time')
  return { moment: { instant, nation: query.nation, calendars }, followsClock: false, now }
}
