/**
 * The days of the week as written in schedules, Monday first. Kept apart from the TypeBox
 * schemas so the pure schedule code (shared with the typed client) needs no TypeBox at run time.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
