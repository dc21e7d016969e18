import { DAYS } from '../../../schemas/days.js'
import type { Day } from '../../../schemas/schedule.js'
import type { MinuteSpan } from './compile.js'

// Wording follows the GOV.UK style guide: 5:30pm, midday, midnight, Monday to Friday.
const DAY_NAMES: Record<Day, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday'
}

/** A clock time in words: midnight, midday, 8am, 9:30am, 10pm (minutes from midnight, 0 to 1440). */
export function formatClock (minutes: number): string {
  const m = minutes % 1440
  if (m === 0) return 'midnight'
  if (m === 720) return 'midday'
  const hour = Math.floor(m / 60)
  const minute = m % 60
  const h12 = hour % 12 === 0 ? 12 : hour % 12
  return `${h12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`
}

/** A span in words: "8am to 10pm", "10pm to midnight", "6pm to 8am the next day", "24 hours". */
export function formatSpan (span: MinuteSpan): string {
  if (span.opens === 0 && span.closes === 1440) return '24 hours'
  const nextDay = span.closes > 1440 ? ' the next day' : ''
  return `${formatClock(span.opens)} to ${formatClock(span.closes)}${nextDay}`
}

/** A list in words: "a", "a and b", "a, b and c". */
export function formatList (items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`
}

/**
 * A set of weekdays (indexes into DAYS) in words: "every day", "weekends", "Monday to Friday",
 * "Monday, Wednesday and Friday", "Friday to Monday" (runs may wrap round the week).
 */
export function formatDays (indexes: readonly number[]): string {
  const set = new Set(indexes)
  if (set.size === 7) return 'every day'
  if (set.size === 2 && set.has(5) && set.has(6)) return 'weekends'
  // Start at the first day (from Monday) that begins a run, so a run over Sunday into
  // Monday stays whole and the rest keep week order.
  const start = [...DAYS.keys()].find((i) => set.has(i) && !set.has((i + 6) % 7)) as number
  const runs: number[][] = []
  for (let k = 0; k < 7; k++) {
    const i = (start + k) % 7
    if (!set.has(i)) continue
    const run = runs.at(-1)
    if (run !== undefined && run.at(-1) === (i + 6) % 7) run.push(i)
    else runs.push([i])
  }
  const name = (i: number | undefined) => DAY_NAMES[DAYS[i as number] as Day]
  const words = runs.flatMap((run) => run.length >= 3
    ? [`${name(run[0])} to ${name(run.at(-1))}`]
    : run.map(name))
  return formatList(words)
}
