import type { TSchema } from '@sinclair/typebox'
import { HsdsOrganizationPageSchema, HsdsRootSchema, HsdsServiceAtLocationPageSchema, HsdsServicePageSchema, HsdsTaxonomyPageSchema, HsdsTaxonomyTermPageSchema } from './api.js'
import { HsdsLocationSchema, HsdsPlaceSchema } from './location.js'
import { HsdsOrganizationIdentifierSchema, HsdsOrganizationSchema, HsdsOrganizationSummarySchema } from './organization.js'
import { HsdsServiceAtLocationListItemSchema, HsdsServiceAtLocationSchema } from './service-at-location.js'
import { HsdsContactSchema, HsdsLanguageSchema, HsdsPhoneSchema, HsdsScheduleSchema, HsdsServiceAreaSchema, HsdsServiceListItemSchema, HsdsServiceSchema } from './service.js'
import { HsdsAttributeSchema, HsdsTaxonomySchema, HsdsTaxonomyTermSchema } from './taxonomy.js'

/** The Open Referral UK shapes, each after those it references (registered with SHARED_SCHEMAS). */
export const HSDS_SCHEMAS: TSchema[] = [
  HsdsTaxonomyTermSchema, HsdsTaxonomySchema, HsdsAttributeSchema,
  HsdsOrganizationIdentifierSchema, HsdsOrganizationSummarySchema,
  HsdsLocationSchema, HsdsPlaceSchema,
  HsdsLanguageSchema, HsdsPhoneSchema, HsdsScheduleSchema, HsdsServiceAreaSchema, HsdsContactSchema,
  HsdsServiceListItemSchema, HsdsServiceSchema, HsdsOrganizationSchema,
  HsdsServiceAtLocationSchema, HsdsServiceAtLocationListItemSchema,
  HsdsRootSchema, HsdsServicePageSchema, HsdsServiceAtLocationPageSchema, HsdsOrganizationPageSchema,
  HsdsTaxonomyPageSchema, HsdsTaxonomyTermPageSchema
]
