import { Type, type Static } from '@sinclair/typebox'
import { IsoDateSchema, NationSchema, ProvenanceFields, Ref, SlugSchema, StringEnum } from './common.js'
import { ContactSchema } from './contact.js'
import { CouncilContactAudienceSchema } from './council-contact.js'
import { SelfLinksSchema } from './envelope.js'
import { AnonymitySchema, AudienceSchema } from './helpline.js'
import { LocalAuthorityRefSchema, LocalAuthoritySchema } from './local-authority.js'
import { PostcodeMatchSchema } from './lookup.js'
import { NationNoteSchema, UrgencySchema } from './reporting-channel.js'
import { SourceSchema } from './source.js'

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
}, { $id: 'ReportingRouteRecord', additionalProperties: false })
export type ReportingRouteRecord = Static<typeof ReportingRouteRecordSchema>

/** A situation someone may be in, as served. */
export const SituationSchema = Type.Object({
  id: SlugSchema,
  title: Type.String(),
  summary: Type.String(),
  asked_by: Type.Array(Ref(AudienceSchema)),
  notes: Type.Array(Type.String()),
  links: Type.Object({
    self: Type.String(),
    route: Type.String({ description: 'The ordered steps for this situation' })
  }, { additionalProperties: false })
}, { $id: 'Situation', additionalProperties: false })
export type Situation = Static<typeof SituationSchema>

/** A helpline or reporting channel in brief, with what is needed to act on it now. */
export const ServiceSummarySchema = Type.Object({
  kind: StringEnum(STEP_TARGET_KINDS),
  id: SlugSchema,
  name: Type.String(),
  summary: Type.String(),
  urgency: Type.Union([Ref(UrgencySchema), Type.Null()], { description: 'For reporting channels' }),
  anonymity: Ref(AnonymitySchema),
  do_not: Type.Array(Type.String()),
  contacts: Type.Array(Ref(ContactSchema)),
  links: Ref(SelfLinksSchema)
}, { $id: 'ServiceSummary', additionalProperties: false })
export type ServiceSummary = Static<typeof ServiceSummarySchema>

export const RouteStepSchema = Type.Object({
  order: Type.Integer({ minimum: 1 }),
  why: Type.String(),
  when: Type.Union([Type.String(), Type.Null()]),
  nations: Type.Array(Ref(NationSchema), { description: 'Where this step applies' }),
  service: Ref(ServiceSummarySchema),
  local_authority: Type.Union([Ref(LocalAuthoritySchema), Type.Null()], {
    description: 'For the council step when a postcode placed the child: the council (or HSC Trust) itself, its contacts narrowed to the route\'s audience'
  }),
  choose_from: Type.Array(Ref(LocalAuthoritySchema), {
    description: 'For the council step in Northern Ireland when no HSC Trust was resolved: the five Trusts, to choose the one for the area where the child lives'
  }),
  find_your_council_url: Type.Union([Type.String(), Type.Null()], {
    description: 'For the council step when no council was resolved: where to find it'
  }),
  advice: Type.Array(Ref(NationNoteSchema), {
    description: 'What applies in the nation of the route (every nation\'s, each naming its nations, when the route is for none)'
  }),
  instead: Type.Union([Type.String(), Type.Null()], {
    description: 'When this step has nothing to call or open in the nation of the route: what to do instead'
  }),
  sources: Type.Array(SlugSchema, { description: 'Sources of this rule; all are listed in full on the route' })
}, { $id: 'RouteStep', additionalProperties: false })
export type RouteStep = Static<typeof RouteStepSchema>

/** The ordered steps for a situation, for a nation and place when given. */
export const ReportingRouteSchema = Type.Object({
  situation: Ref(SituationSchema),
  nation: Type.Union([Ref(NationSchema), Type.Null()], { description: 'The nation the steps are for; null: steps for every nation, each saying where it applies' }),
  audience: Ref(CouncilContactAudienceSchema, { description: 'Whose council numbers the council step lists: the public\'s (the default) or professionals\'' }),
  location: Type.Union([Type.Object({
    match: Ref(PostcodeMatchSchema),
    authorities: Type.Array(Ref(LocalAuthorityRefSchema)),
    alternatives: Type.Array(Ref(LocalAuthorityRefSchema), {
      description: 'Other bodies with postcodes in a split area; in Northern Ireland without an exact match, the trusts to choose from'
    })
  }, { additionalProperties: false }), Type.Null()], { description: 'Where a postcode placed the child; null without a postcode' }),
  steps: Type.Array(Ref(RouteStepSchema)),
  sources: Type.Array(Ref(SourceSchema)),
  verified_on: IsoDateSchema,
  review_by: IsoDateSchema,
  stale: Type.Boolean()
}, { $id: 'ReportingRoute', additionalProperties: false })
export type ReportingRoute = Static<typeof ReportingRouteSchema>
