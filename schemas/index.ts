import type { TSchema } from '@sinclair/typebox'
import { NationSchema, VerificationSchema } from './common.js'
import { ContactKindSchema, ContactSchema } from './contact.js'
import { ItemMetaSchema, ListLinksSchema, ListMetaSchema, SelfLinksSchema } from './envelope.js'
import { AnonymitySchema, AudienceSchema, HelplineSchema, TopicSchema } from './helpline.js'
import { HelplineItemSchema, HelplineListSchema } from './helplines-api.js'
import { OrganisationRefSchema } from './organisation.js'
import { ProblemFieldErrorSchema, ProblemSchema } from './problem.js'
import { ScheduleSchema } from './schedule.js'
import { SourceSchema } from './source.js'

/**
 * Every schema registered once at the root, in an order where each is added after those it
 * references. Each `$id` is also its OpenAPI component name.
 */
export const SHARED_SCHEMAS: TSchema[] = [
  NationSchema, VerificationSchema, ContactKindSchema, AudienceSchema, TopicSchema,
  ProblemFieldErrorSchema, ProblemSchema,
  SelfLinksSchema, ListMetaSchema, ListLinksSchema, ItemMetaSchema,
  AnonymitySchema, OrganisationRefSchema, SourceSchema, ScheduleSchema, ContactSchema,
  HelplineSchema, HelplineListSchema, HelplineItemSchema
]
