import { Type, type Static } from '@sinclair/typebox'
import { Ref, SearchQuerySchema, StringEnum } from '../common.js'
import { PostcodeQuerySchema } from '../postcode.js'
import { PageQueryFields, ReleaseQueryFields } from '../query.js'
import { HsdsPage } from './common.js'
import { HsdsOrganizationSummarySchema } from './organization.js'
import { HsdsServiceAtLocationListItemSchema } from './service-at-location.js'
import { HsdsServiceListItemSchema } from './service.js'
import { HsdsTaxonomySchema, HsdsTaxonomyTermSchema } from './taxonomy.js'

export const HSDS_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type HsdsDay = typeof HSDS_DAYS[number]

const HsdsIdQuery = (description: string) => Type.Optional(Type.String({
  pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$',
  maxLength: 36,
  description
}))

const TimeQuery = (description: string) => Type.Optional(Type.String({
  pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:Z|[+-](?:0\\d|1[0-4]):[0-5]\\d)?$',
  maxLength: 14,
  description: `${description} HH:MM or HH:MM:SS; UK time unless it carries an offset (Z, +01:00).`
}))

const Age = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 150, format: 'int32', description }))

/** The service filters of the profile; every one given must hold (AND). */
const ServiceFilterFields = {
  search: Type.Optional({ ...SearchQuerySchema, description: 'Text to find in names and descriptions, any case or accents. Never logged.' }),
  ...PageQueryFields,
  taxonomy_term_id: HsdsIdQuery('Only services with this taxonomy term (a topic or an audience). A council\'s lines for professionals are listed only when this is the Professionals audience term, so no list shows them to the public by default.'),
  taxonomy_id: HsdsIdQuery('Only services with a term of this taxonomy'),
  organization_id: HsdsIdQuery('Only services this organisation runs'),
  minimum_age: Age('Only services whose stated minimum age is at least this (services that state none are left out)'),
  maximum_age: Age('Only services whose stated maximum age is at most this (services that state none are left out)'),
  day: Type.Optional(StringEnum(HSDS_DAYS, { description: 'Only services with hours on this day (with start_time and end_time: the same opening span)' })),
  start_time: TimeQuery('Only services with an opening span that opens at or after this time.'),
  end_time: TimeQuery('Only services with an opening span that closes at or before this time (a span past midnight closes the next day).'),
  postcode: Type.Optional({ ...PostcodeQuerySchema, description: 'Only services whose service area holds this postcode: national services for its nation, and the council responsible there. Never logged; the answer is `private, no-store`.' }),
  proximity: Type.Optional(Type.Integer({
    minimum: 1,
    maximum: 1000000,
    format: 'int32',
    description: 'Metres from the postcode (needs `postcode`). These services are reached by phone or online, so a service whose area holds the postcode is at distance 0: it narrows nothing further.'
  })),
  ...ReleaseQueryFields
}

export const HsdsServiceListQuerySchema = Type.Object(ServiceFilterFields, { additionalProperties: false })
export type HsdsServiceListQuery = Static<typeof HsdsServiceListQuerySchema>

export const HsdsPagedQuerySchema = Type.Object({ ...PageQueryFields, ...ReleaseQueryFields }, { additionalProperties: false })

export const HsdsOrganizationListQuerySchema = Type.Object({
  search: ServiceFilterFields.search,
  ...PageQueryFields,
  ...ReleaseQueryFields
}, { additionalProperties: false })

export const HsdsItemQuerySchema = Type.Object({ ...ReleaseQueryFields }, { additionalProperties: false })

/** Any id-like text: an id no record has is a 404, not a 400. */
export const HsdsIdParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[0-9A-Za-z-]{1,64}$', maxLength: 64, description: 'The record\'s UUID' })
}, { additionalProperties: false })

export const HsdsRootSchema = Type.Object({
  version: Type.String({ description: 'The HSDS version: 3.0' }),
  profile: Type.String({ format: 'uri', description: 'The HSDS profile these answers follow: Open Referral UK, at the commit validated against' }),
  openapi_url: Type.String({ format: 'uri-reference', description: 'This API\'s OpenAPI description (absolute when the server knows its public base URL)' })
}, { $id: 'HsdsRoot', additionalProperties: false })

export const HsdsServicePageSchema = HsdsPage(Ref(HsdsServiceListItemSchema), 'HsdsServicePage', 'One page of services')
export const HsdsServiceAtLocationPageSchema = HsdsPage(Ref(HsdsServiceAtLocationListItemSchema), 'HsdsServiceAtLocationPage', 'One page of services at their locations')
export const HsdsOrganizationPageSchema = HsdsPage(Ref(HsdsOrganizationSummarySchema), 'HsdsOrganizationPage', 'One page of organisations')
export const HsdsTaxonomyPageSchema = HsdsPage(Ref(HsdsTaxonomySchema), 'HsdsTaxonomyPage', 'One page of taxonomies')
export const HsdsTaxonomyTermPageSchema = HsdsPage(Ref(HsdsTaxonomyTermSchema), 'HsdsTaxonomyTermPage', 'One page of taxonomy terms')
