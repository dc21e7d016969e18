import { DAYS } from '../../../schemas/days.js'
import type { Day, ScheduleRecord, WeeklyRule } from '../../../schemas/schedule.js'
import { compileSchedule, type MinuteSpan } from './compile.js'

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/**
 * The rest of the week outside a schedule's weekly hours: what an out-of-hours team covers
 * when its council describes it as "evenings, weekends and bank holidays". Each day's gaps
 * are written as spans within that day (00:00–09:00, 17:00–24:00); open-now joins spans
 * that touch at midnight, so a weekday night reads as one stretch until 9am.
 *
 * Only a plain weekly front door can be turned round: null when it is always open, has
 * spans past midnight or dated exceptions, since its complement would then say more than
 * any source did.
 *
 * @param bankHolidays 'all-day' when a source says the team covers bank holidays
 */
export function hoursOutside (frontDoor: ScheduleRecord, bankHolidays: 'all-day' | 'unknown'): ScheduleRecord | null {
  if (frontDoor.always_open || (frontDoor.exceptions?.length ?? 0) > 0) return null
  const compiled = compileSchedule(frontDoor)
  if (compiled.weekly.some((spans) => spans.some((s) => s.closes > 1440))) return null
  const byGap = new Map<string, { gap: MinuteSpan, days: Day[] }>()
  DAYS.forEach((day, i) => {
    let from = 0
    const gaps: MinuteSpan[] = []
    for (const span of compiled.weekly[i] as readonly MinuteSpan[]) {
      if (span.opens > from) gaps.push({ opens: from, closes: span.opens })
      from = span.closes
    }
    if (from < 1440) gaps.push({ opens: from, closes: 1440 })
    for (const gap of gaps) {
      const key = `${gap.opens}-${gap.closes}`
      const entry = byGap.get(key) ?? { gap, days: [] }
      entry.days.push(day)
      byGap.set(key, entry)
    }
  })
  const weekly: WeeklyRule[] = [...byGap.values()]
    .sort((a, b) => DAYS.indexOf(a.days[0] as Day) - DAYS.indexOf(b.days[0] as Day) || a.gap.opens - b.gap.opens)
    .map(({ gap, days }) => ({ days, opens: clock(gap.opens), closes: clock(gap.closes) }))
  return {
    timezone: 'Europe/London',
    always_open: false,
    weekly,
    ...(bankHolidays === 'all-day'
      ? { bank_holidays: 'special' as const, bank_holiday_spans: [{ opens: '00:00', closes: '24:00' }] }
      : { bank_holidays: 'unknown' as const })
  }
}

/**
 * The hours of an out-of-hours line in words, as people say them: "outside" the front door's
 * weekly hours (its own sentence, e.g. "Monday to Friday 9am to 5pm"), and bank holidays.
 */
export function describeOutside (frontDoorWeekly: string, bankHolidays: 'all-day' | 'unknown'): string {
  return `Outside ${frontDoorWeekly}; ${bankHolidays === 'all-day' ? '24 hours on bank holidays' : 'bank holiday hours not confirmed'}`
}
