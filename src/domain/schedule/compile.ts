import { DAYS } from '../../../schemas/days.js'
import type { BankHolidayRule, ScheduleRecord, Span } from '../../../schemas/schedule.js'

/**
 * A span in minutes from midnight at the start of the day it opens. `closes` is always
 * after `opens`: a span whose closing time is at or before its opening time runs into the
 * next day (17:00–09:00 closes at 1980), and 24:00 is 1440.
 */
export interface MinuteSpan { readonly opens: number, readonly closes: number }

/** The hours of one date: the spans that open on it, or not known. */
export type DayHours =
  | { readonly kind: 'spans', readonly spans: readonly MinuteSpan[] }
  | { readonly kind: 'unknown' }

/** A schedule record turned into minutes, once per record. */
export interface CompiledSchedule {
  /** Indexed like DAYS: Monday 0 … Sunday 6. */
  readonly weekly: ReadonlyArray<readonly MinuteSpan[]>
  readonly bankHolidays: BankHolidayRule
  readonly bankHolidaySpans: DayHours
  /** Date (YYYY-MM-DD) → hours that replace everything else on that date. */
  readonly exceptions: ReadonlyMap<string, DayHours>
}

export const UNKNOWN: DayHours = { kind: 'unknown' }
const ALL_DAY: MinuteSpan = { opens: 0, closes: 1440 }

/** Minutes from midnight of HH:MM (24:00 is 1440). */
export function clockMinutes (time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/** Turns a written span into minutes, carrying an early closing time into the next day. */
export function toMinuteSpan (span: Span): MinuteSpan {
  const opens = clockMinutes(span.opens)
  const closes = clockMinutes(span.closes)
  return { opens, closes: closes <= opens ? closes + 1440 : closes }
}

/** Sorts spans and merges any that overlap or touch, so a day reads as few spans as it can. */
export function mergeSpans (spans: readonly MinuteSpan[]): MinuteSpan[] {
  const sorted = [...spans].sort((a, b) => a.opens - b.opens || a.closes - b.closes)
  const merged: MinuteSpan[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && span.opens <= last.closes) {
      merged[merged.length - 1] = { opens: last.opens, closes: Math.max(last.closes, span.closes) }
    } else {
      merged.push(span)
    }
  }
  return merged
}

const spansOf = (spans: readonly Span[]): DayHours => ({ kind: 'spans', spans: mergeSpans(spans.map(toMinuteSpan)) })

const compiled = new WeakMap<ScheduleRecord, CompiledSchedule>()

/** Compiles a schedule record; records are never mutated, so the result is kept per record. */
export function compileSchedule (record: ScheduleRecord): CompiledSchedule {
  const known = compiled.get(record)
  if (known !== undefined) return known
  const weekly = DAYS.map((day) => record.always_open
    ? [ALL_DAY]
    : mergeSpans(record.weekly.filter((rule) => rule.days.includes(day)).map(toMinuteSpan)))
  const exceptions = new Map<string, DayHours>()
  for (const e of record.exceptions ?? []) {
    // Open on the date but with no hours given: the hours that day are not known.
    exceptions.set(e.date, e.closed ? spansOf([]) : e.spans === undefined ? UNKNOWN : spansOf(e.spans))
  }
  const result: CompiledSchedule = {
    weekly,
    bankHolidays: record.bank_holidays,
    bankHolidaySpans: record.bank_holiday_spans === undefined ? UNKNOWN : spansOf(record.bank_holiday_spans),
    exceptions
  }
  compiled.set(record, result)
  return result
}
