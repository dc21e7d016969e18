// Calendar dates as whole days since 1970-01-01: plain integers, so stepping a day never
// meets a time zone or a clock change.
const MS_PER_DAY = 86_400_000

/** Day number of a calendar date written YYYY-MM-DD. */
export function dayNumber (iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY
}

/** The calendar date (YYYY-MM-DD) of a day number. */
export function isoDate (day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** Index into DAYS (Monday 0 … Sunday 6) of a day number; 1970-01-01 was a Thursday. */
export function weekdayIndex (day: number): number {
  return (((day + 3) % 7) + 7) % 7
}
