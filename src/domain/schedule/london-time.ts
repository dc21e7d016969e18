/*
 * Europe/London wall-clock time, from the tz database in Node's ICU (Intl), so a change to
 * UK clock law arrives with a Node update rather than a code change.
 *
 * The rule for wall-clock times that do not exist or exist twice: a time means the FIRST
 * moment the London clock shows that time or later.
 * - Spring (last Sunday of March): the clock jumps from 01:00 GMT to 02:00 BST, so 01:00 to
 *   01:59 never show; any of them means 02:00 BST (01:00 UTC), the moment the clock passes it.
 * - Autumn (last Sunday of October): 01:00 to 01:59 show twice; they mean the first, BST, time.
 */

const MS_PER_MINUTE = 60_000
const MS_PER_HOUR = 3_600_000
const MS_PER_DAY = 86_400_000

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric'
})

// London changes its clocks on the hour (01:00 UTC), so one lookup per UTC hour is exact.
const offsetCache = new Map<number, number>()

/** Minutes London is ahead of UTC at an instant (0 in GMT, 60 in BST). */
export function londonOffsetMinutes (instant: number): number {
  const hour = Math.floor(instant / MS_PER_HOUR)
  const cached = offsetCache.get(hour)
  if (cached !== undefined) return cached
  const at = hour * MS_PER_HOUR
  const parts: Record<string, string> = {}
  for (const p of clock.formatToParts(at)) parts[p.type] = p.value
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute))
  const offset = Math.round((wall - at) / MS_PER_MINUTE)
  /* c8 ignore next -- a bound on memory, reached only after 100,000 distinct hours */
  if (offsetCache.size > 100_000) offsetCache.clear()
  offsetCache.set(hour, offset)
  return offset
}

/** The London wall clock at an instant, as milliseconds of a UTC-based count. */
function wallAt (instant: number): number {
  return instant + londonOffsetMinutes(instant) * MS_PER_MINUTE
}

/**
 * The instant a London wall-clock time first shows (see the rule above). `minute` counts
 * from midnight at the start of `day` and may run past 1440 into the following days.
 */
export function wallClockToInstant (day: number, minute: number): number {
  const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE
  // London's clocks change at most twice a year, so a day either side brackets any change.
  const offsets = new Set([londonOffsetMinutes(wall - MS_PER_DAY), londonOffsetMinutes(wall + MS_PER_DAY)])
  const shown = [...offsets].map((o) => wall - o * MS_PER_MINUTE).filter((i) => wallAt(i) === wall)
  if (shown.length > 0) return Math.min(...shown)
  // In the spring gap: find the minute the clock jumps past `wall`.
  let lo = wall - Math.max(...offsets) * MS_PER_MINUTE
  let hi = wall - Math.min(...offsets) * MS_PER_MINUTE
  while (hi - lo > MS_PER_MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MS_PER_MINUTE / 2) * MS_PER_MINUTE
    if (wallAt(mid) >= wall) hi = mid
    else lo = mid
  }
  return hi
}

/** The London calendar day (day number) an instant falls on. */
export function londonDay (instant: number): number {
  return Math.floor(wallAt(instant) / MS_PER_DAY)
}

/** ISO 8601 with London's offset at that instant, e.g. 2026-03-29T09:00:00+01:00. */
export function formatLondon (instant: number): string {
  const offset = londonOffsetMinutes(instant)
  const wall = new Date(Math.floor(instant / 1000) * 1000 + offset * MS_PER_MINUTE).toISOString().slice(0, 19)
  // London is never behind UTC, so the sign is always +.
  const hh = String(Math.floor(offset / 60)).padStart(2, '0')
  const mm = String(offset % 60).padStart(2, '0')
  return `${wall}+${hh}:${mm}`
}
