import { Type, type Static } from '@sinclair/typebox'
import { HttpsUrlSchema, ProvenanceFields, SlugSchema } from './common.js'

/** Who runs a service, as written in organisations.yaml. */
export const OrganisationRecordSchema = Type.Object({
  id: SlugSchema,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  short_name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  summary: Type.String({ minLength: 1, maxLength: 600 }),
  website: Type.Union([HttpsUrlSchema, Type.Null()]),
  ...ProvenanceFields
}, { $id: 'OrganisationRecord', additionalProperties: false })
export type OrganisationRecord = Static<typeof OrganisationRecordSchema>

/** The few organisation fields repeated inside the services it runs. */
export const OrganisationRefSchema = Type.Object({
  id: SlugSchema,
  name: Type.String(),
  website: Type.Union([HttpsUrlSchema, Type.Null()])
}, { $id: 'OrganisationRef', additionalProperties: false })
export type OrganisationRef = Static<typeof OrganisationRefSchema>
