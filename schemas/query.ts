import { Type } from '@sinclair/typebox'
import { NATIONS, ReleaseIdSchema, SearchQuerySchema, StringEnum } from './common.js'
import { CSV_FLATTENING } from './csv-flattening.js'

export const DEFAULT_PER_PAGE = 20
export const MAX_PER_PAGE = 100

/** Query parameters every list takes. */
export const PageQueryFields = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1, format: 'int32', description: 'Page number, from 1' })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE, format: 'int32', description: `Records per page, at most ${MAX_PER_PAGE}` }))
}

/** `?release=`: every data endpoint can be pinned to a published release. */
export const ReleaseQueryFields = {
  release: Type.Optional(ReleaseIdSchema)
}

/**
 * `?at=`: the moment to compute open-now for, ISO 8601 with an offset
 * (`2026-12-25T10:00:00Z`, `2026-07-01T15:30:00+05:30`). Defaults to now.
 */
export const AtQueryFields = {
  at: Type.Optional(Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|z|[+-]\\d{2}:\\d{2})$',
    maxLength: 40,
    description: 'The moment to answer for (ISO 8601 date-time with Z or an offset); defaults to now'
  }))
}

export const NationQueryField = {
  nation: Type.Optional(StringEnum(NATIONS, { description: 'Only services for this nation; its bank holidays decide opening hours' }))
}

export const SearchQueryFields = {
  q: Type.Optional(SearchQuerySchema)
}

export const FormatQueryFields = {
  format: Type.Optional(StringEnum(['json', 'csv'], {
    description: 'json (default) or csv; overrides the Accept header (`Accept: text/csv` also gives CSV). ' + CSV_FLATTENING
  }))
}

export const IdParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80, description: 'The record id' })
}, { additionalProperties: false })

/** On a single record, `nation` only picks whose bank holidays decide the opening hours. */
export const CalendarNationQueryField = {
  nation: Type.Optional(StringEnum(NATIONS, { description: 'Whose bank holidays decide opening hours (default: the service\'s own nation, else England and Wales)' }))
}
