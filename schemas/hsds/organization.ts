import { Type, type Static } from '@sinclair/typebox'
import { Ref } from '../common.js'
import { HsdsIdSchema, HsdsUriSchema } from './common.js'
import type { HsdsServiceListItem } from './service.js'

/** A third-party identifier of an organisation: for a council, its ONS code. */
export const HsdsOrganizationIdentifierSchema = Type.Object({
  id: HsdsIdSchema,
  organization_id: HsdsIdSchema,
  identifier_type: Type.String({ description: 'What the identifier is, e.g. `ONS GSS code`' }),
  identifier: Type.String()
}, { $id: 'HsdsOrganizationIdentifier', additionalProperties: false })

/** An organisation's own (one-to-one) fields: what lists and services carry. */
const OrganizationFields = {
  id: HsdsIdSchema,
  name: Type.String(),
  description: Type.String(),
  website: Type.Optional({ ...HsdsUriSchema, description: 'The organisation\'s https website, where a source confirms one' })
}

export const HsdsOrganizationSummarySchema = Type.Object(OrganizationFields, { $id: 'HsdsOrganizationSummary', additionalProperties: false })
export type HsdsOrganizationSummary = Static<typeof HsdsOrganizationSummarySchema>

/** An organisation with its identifiers and the services it runs. */
export const HsdsOrganizationSchema = Type.Object({
  ...OrganizationFields,
  organization_identifiers: Type.Optional(Type.Array(Ref(HsdsOrganizationIdentifierSchema))),
  services: Type.Optional(Type.Array(Type.Unsafe<HsdsServiceListItem>(Type.Ref('HsdsServiceListItem')), { description: 'The services it runs, without their child records' }))
}, { $id: 'HsdsOrganization', additionalProperties: false })
export type HsdsOrganization = Static<typeof HsdsOrganizationSchema>
