import { Type, type Static } from '@sinclair/typebox'
import { NationSchema, ProvenanceFields, SlugSchema, StringEnum } from './common.js'
import { AudienceSchema } from './helpline.js'

export const STEP_TARGET_KINDS = ['reporting-channel', 'helpline'] as const

/**
 * One step of a route: go to this channel or helpline, and why. A step to the channel
 * `local-council-childrens-social-care` is resolved to the child's own council when a
 * postcode is given.
 */
export const RouteStepRecordSchema = Type.Object({
  target: Type.Object({
    kind: StringEnum(STEP_TARGET_KINDS),
    id: SlugSchema
  }, { additionalProperties: false }),
  why: Type.String({ minLength: 1, maxLength: 500, description: 'Plain English: why this step, for this situation' }),
  when: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'When this step applies, e.g. "if the child is in immediate danger"' })),
  nations: Type.Optional(Type.Array(NationSchema, { minItems: 1, uniqueItems: true, description: 'Only in these nations; every nation when absent' })),
  sources: Type.Optional(Type.Array(SlugSchema, { minItems: 1, uniqueItems: true, description: 'Sources for this rule in particular' }))
}, { additionalProperties: false })
export type RouteStepRecord = Static<typeof RouteStepRecordSchema>

/**
 * A situation someone may be in, and the ordered steps to take, as written in
 * reporting-routes.yaml. Steps are in order of priority; immediate danger (999) first
 * wherever it applies.
 */
export const ReportingRouteRecordSchema = Type.Object({
  id: SlugSchema,
  title: Type.String({ minLength: 1, maxLength: 160, description: 'The situation, in the words of the person in it' }),
  summary: Type.String({ minLength: 1, maxLength: 600 }),
  asked_by: Type.Array(AudienceSchema, { minItems: 1, uniqueItems: true, description: 'Who is likely to be asking' }),
  steps: Type.Array(RouteStepRecordSchema, { minItems: 1 }),
  notes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }))),
  ...ProvenanceFields
}, { additionalProperties: false })
export type ReportingRouteRecord = Static<typeof ReportingRouteRecordSchema>
