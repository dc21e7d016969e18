import type { ScheduleRecord } from '../../../schemas/schedule.js'
import { compileSchedule, type CompiledSchedule } from './compile.js'
import { formatDays, formatSpan } from './describe-parts.js'

const ROUND_THE_CLOCK = '24 hours a day, every day'

function weeklyWords (schedule: CompiledSchedule): string {
  // Days with the same hours are described together, in week order of their first day.
  const groups = new Map<string, number[]>()
  schedule.weekly.forEach((spans, day) => {
    if (spans.length === 0) return
    const words = spans.map(formatSpan).join(' and ')
    groups.set(words, [...(groups.get(words) ?? []), day])
  })
  if (groups.size === 0) return 'no regular weekly hours'
  if (groups.get('24 hours')?.length === 7) return ROUND_THE_CLOCK
  return [...groups].map(([words, days]) => `${formatDays(days)} ${words}`).join(', ')
}

function bankHolidayWords (schedule: CompiledSchedule): string {
  switch (schedule.bankHolidays) {
    case 'as-usual': return 'open as usual on bank holidays'
    case 'closed': return 'closed on bank holidays'
    case 'unknown': return 'bank holiday hours not confirmed'
    case 'special': {
      // Read exactly as openStatus reads them: no spans given is unknown, none listed is closed.
      const hours = schedule.bankHolidaySpans
      if (hours.kind === 'unknown') return 'bank holiday hours not confirmed'
      if (hours.spans.length === 0) return 'closed on bank holidays'
      return `bank holidays ${hours.spans.map(formatSpan).join(' and ')}`
    }
  }
}

/**
 * The opening hours in one sentence, generated from the structure so it can never
 * disagree with `open_now`, e.g. "Monday to Friday 8am to 10pm, weekends 9am to 6pm;
 * closed on bank holidays". Dated exceptions are not described: they are listed as data.
 */
export function describeSchedule (record: ScheduleRecord): string {
  const schedule = compileSchedule(record)
  const weekly = weeklyWords(schedule)
  const sentence = weekly === ROUND_THE_CLOCK && schedule.bankHolidays === 'as-usual'
    ? `${weekly}, including bank holidays`
    : `${weekly}; ${bankHolidayWords(schedule)}`
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}
