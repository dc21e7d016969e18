import { isoDate } from '../schedule/civil-date.js'
import { londonDay, londonOffsetMinutes } from '../schedule/index.js'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
/** Further than any two UK clock changes apart: past this, no change is in the tz database. */
const SEARCH_DAYS = 400

/**
 * The stretch of time in which the UK's offset from UTC stays as it is at an instant: GMT
 * (+00:00) from the last Sunday of October, BST (+01:00) from the last Sunday of March,
 * as the tz database in Node's ICU says (so a change in the law arrives with Node).
 */
export interface ClockPeriod {
  /** Minutes ahead of UTC: 0 or 60. */
  offsetMinutes: number
  /** The offset as HSDS times carry it: `+00:00` or `+01:00`. */
  offset: string
  /** The London date of the change that began the period (the first day it is right). */
  firstDay: string
  /** The London date before the next change (the last whole day it is right). */
  lastDay: string
  /** The date of the next change, and its offset afterwards. */
  next: { day: string, offset: string }
  /** When the period ends (the next change), ms since the epoch. */
  until: number
}

/** The first hour boundary after `from` (looking forward) or at/before it (looking back) where the offset is not `offset`. */
function findChange (from: number, offset: number, direction: 1 | -1): number | null {
  let day = from
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const next = day + direction * DAY_MS
    if (londonOffsetMinutes(next) !== offset) {
      // The change lies within this day: find its hour (changes fall on the hour).
      let hour = Math.floor(day / HOUR_MS) * HOUR_MS
      while (londonOffsetMinutes(hour + direction * HOUR_MS) === offset) hour += direction * HOUR_MS
      return direction === 1 ? hour + HOUR_MS : hour
    }
    day = next
  }
  /* c8 ignore next -- only if the UK stopped changing its clocks (no change in the tz database within 400 days) */
  return null
}

/** Formats minutes ahead of UTC as ±HH:MM. */
export function offsetText (minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** The clock period an instant falls in. */
export function clockPeriod (instant: number): ClockPeriod {
  const offsetMinutes = londonOffsetMinutes(instant)
  const began = findChange(instant, offsetMinutes, -1)
  const ends = findChange(instant, offsetMinutes, 1)
  /* c8 ignore next -- as above */
  const until = ends ?? instant + SEARCH_DAYS * DAY_MS
  const firstDay = began === null ? isoDate(londonDay(instant)) : isoDate(londonDay(began))
  const changeDay = londonDay(until)
  return {
    offsetMinutes,
    offset: offsetText(offsetMinutes),
    firstDay,
    lastDay: isoDate(changeDay - 1),
    next: { day: isoDate(changeDay), offset: offsetText(londonOffsetMinutes(until)) },
    until
  }
}
