import { Type, type Static } from '@sinclair/typebox'
import { ReleaseIdSchema } from './common.js'

const Sha256Schema = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Hex SHA-256 of the file as published' })

/** manifest.yaml: what a release is and the hash of every file in it. */
export const ManifestSchema = Type.Object({
  id: ReleaseIdSchema,
  published_at: Type.String({ format: 'date-time' }),
  previous: Type.Union([ReleaseIdSchema, Type.Null()]),
  previous_sha256: Type.Optional(Type.String({
    pattern: '^[0-9a-f]{64}$',
    description: 'SHA-256 of the previous release\'s manifest.yaml: editing a published release breaks the chain'
  })),
  summary: Type.String({ minLength: 1, maxLength: 1000 }),
  format: Type.Optional(Type.Literal(2, {
    description: 'The data file format: 2 from release 2026-12-01 (council contacts with role, audience and quoted sources); absent in earlier releases (format 1), which are upgraded when loaded'
  })),
  geography: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$', description: 'The geography index edition this release uses' })),
  files: Type.Record(Type.String({ pattern: '^[a-z-]+\\.yaml$' }), Sha256Schema)
}, { additionalProperties: false })
export type Manifest = Static<typeof ManifestSchema>
