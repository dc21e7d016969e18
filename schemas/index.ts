import type { TSchema } from '@sinclair/typebox'
import { NationSchema, VerificationSchema } from './common.js'
import { ContactKindSchema, ContactSchema } from './contact.js'
import { CouncilContactAudienceSchema, CouncilContactRoleSchema, CouncilContactSchema, CouncilTeamRecordSchema } from './council-contact.js'
import { ItemMetaSchema, ListLinksSchema, ListMetaSchema, SelfLinksSchema } from './envelope.js'
import { AnonymitySchema, AudienceSchema, HelplineRecordSchema, HelplineSchema, TopicSchema } from './helpline.js'
import { HelplineItemSchema, HelplineListSchema } from './helplines-api.js'
import { HSDS_SCHEMAS } from './hsds/index.js'
import { LocalAuthorityItemSchema, LocalAuthorityListSchema } from './local-authorities-api.js'
import { BodyTypeSchema, LocalAuthorityRecordSchema, LocalAuthorityRefSchema, LocalAuthoritySchema } from './local-authority.js'
import { PostcodeLookupSchema, PostcodeMatchSchema } from './lookup.js'
import { NationNoteSchema, ReportingChannelRecordSchema, ReportingChannelSchema, UrgencySchema } from './reporting-channel.js'
import { ReportingChannelItemSchema, ReportingChannelListSchema } from './reporting-channels-api.js'
import { ReportingRouteRecordSchema, ReportingRouteSchema, RouteStepSchema, ServiceSummarySchema, SituationSchema } from './reporting-route.js'
import { ReportingRouteItemSchema, SituationItemSchema, SituationListSchema } from './reporting-routes-api.js'
import { OrganisationRecordSchema, OrganisationRefSchema } from './organisation.js'
import { ProblemFieldErrorSchema, ProblemSchema } from './problem.js'
import { ScheduleSchema } from './schedule.js'
import { ServiceListMetaSchema } from './service-list-meta.js'
import { BankHolidaysItemSchema, BankHolidaysSchema } from './bank-holidays-api.js'
import { BundleReleaseSchema, BundleSchema, ReleaseChangesItemSchema, ReleaseChangesSchema, ReleaseItemSchema, ReleaseListSchema, ReleaseSchema } from './releases-api.js'
import { SourceRecordSchema, SourceSchema } from './source.js'
import { SourceItemSchema, SourceListSchema } from './sources-api.js'
import { CitationSchema, CitationStyleSchema, GeographySchema, StatisticRecordSchema, StatisticSchema } from './statistic.js'
import { CitationItemSchema, StatisticItemSchema, StatisticListSchema } from './statistics-api.js'

/**
 * Every schema registered once at the root, in an order where each is added after those it
 * references. Each `$id` is also its OpenAPI component name.
 */
export const SHARED_SCHEMAS: TSchema[] = [
  NationSchema, VerificationSchema, ContactKindSchema, AudienceSchema, TopicSchema,
  ProblemFieldErrorSchema, ProblemSchema,
  SelfLinksSchema, ListMetaSchema, ListLinksSchema, ItemMetaSchema,
  AnonymitySchema, OrganisationRefSchema, SourceSchema, ScheduleSchema, ContactSchema,
  UrgencySchema, NationNoteSchema, ServiceSummarySchema, ServiceListMetaSchema,
  HelplineSchema, HelplineListSchema, HelplineItemSchema,
  ReportingChannelSchema, ReportingChannelListSchema, ReportingChannelItemSchema,
  LocalAuthorityRefSchema, CouncilContactRoleSchema, CouncilContactAudienceSchema, CouncilContactSchema,
  BodyTypeSchema, LocalAuthoritySchema, LocalAuthorityListSchema, LocalAuthorityItemSchema,
  PostcodeMatchSchema, PostcodeLookupSchema,
  SituationSchema, RouteStepSchema, ReportingRouteSchema,
  SituationListSchema, SituationItemSchema, ReportingRouteItemSchema,
  GeographySchema, CitationStyleSchema, StatisticSchema, CitationSchema, StatisticListSchema, StatisticItemSchema, CitationItemSchema,
  SourceListSchema, SourceItemSchema,
  SourceRecordSchema, OrganisationRecordSchema, HelplineRecordSchema, ReportingChannelRecordSchema,
  CouncilTeamRecordSchema, LocalAuthorityRecordSchema, ReportingRouteRecordSchema, StatisticRecordSchema,
  ReleaseSchema, BundleReleaseSchema, ReleaseChangesSchema, BundleSchema, ReleaseListSchema, ReleaseItemSchema, ReleaseChangesItemSchema,
  BankHolidaysSchema, BankHolidaysItemSchema,
  ...HSDS_SCHEMAS
]
