import { Type, type TSchema } from '@sinclair/typebox'
import { Ref, ReleaseIdSchema } from './common.js'
import { ListEnvelope, ListMetaSchema } from './envelope.js'
import { CouncilTeamRecordSchema } from './council-contact.js'
import { HelplineRecordSchema } from './helpline.js'
import { LocalAuthorityRecordSchema } from './local-authority.js'
import { OrganisationRecordSchema } from './organisation.js'
import { FormatQueryFields, PageQueryFields } from './query.js'
import { ReportingChannelRecordSchema } from './reporting-channel.js'
import { ReportingRouteRecordSchema } from './reporting-route.js'
import { SourceRecordSchema } from './source.js'
import { StatisticRecordSchema } from './statistic.js'

/** A published data release. */
export const ReleaseSchema = Type.Object({
  id: ReleaseIdSchema,
  published_at: Type.String({ format: 'date-time' }),
  previous: Type.Union([ReleaseIdSchema, Type.Null()]),
  summary: Type.String(),
  latest: Type.Boolean(),
  geography: Type.Union([Type.String(), Type.Null()], { description: 'The postcode index edition this release uses' }),
  manifest_sha256: Type.String({ description: 'SHA-256 of manifest.yaml, which holds the SHA-256 of every file' }),
  council_contacts: Type.Object({
    councils: Type.Integer({ minimum: 0, description: 'Councils of England, Wales and Scotland responsible for children\'s social care' }),
    with_public_daytime: Type.Integer({ minimum: 0, description: 'With a confirmed public number for the daytime front door (or one for all hours)' }),
    with_public_out_of_hours: Type.Integer({ minimum: 0, description: 'With a confirmed public out-of-hours number (or one for all hours)' }),
    with_neither: Type.Integer({ minimum: 0, description: 'With no confirmed public number: people are sent to the homepage, GOV.UK and the national routes' }),
    with_professionals_only: Type.Integer({ minimum: 0, description: 'Of those with neither, how many have a line for professionals only' })
  }, { additionalProperties: false, description: 'How many councils the release gives a number to call' }),
  files: Type.Array(Type.Object({
    name: Type.String(),
    sha256: Type.String(),
    records: Type.Integer({ minimum: 0 })
  }, { additionalProperties: false })),
  links: Type.Object({
    self: Type.String(),
    changes: Type.String(),
    bundle: Type.String(),
    previous: Type.Union([Type.String(), Type.Null()])
  }, { additionalProperties: false })
}, { $id: 'Release', additionalProperties: false })

const RecordRef = { dataset: Type.String({ description: 'The data file, without .yaml' }), id: Type.String() }

/** What a release changed since the one before it, record by record. */
export const ReleaseChangesSchema = Type.Object({
  release: ReleaseIdSchema,
  previous: Type.Union([ReleaseIdSchema, Type.Null()], { description: 'Null for the first release: everything in it is added' }),
  added: Type.Array(Type.Object(RecordRef, { additionalProperties: false })),
  removed: Type.Array(Type.Object(RecordRef, { additionalProperties: false })),
  changed: Type.Array(Type.Object({
    ...RecordRef,
    fields: Type.Array(Type.Object({
      pointer: Type.String({ description: 'JSON pointer of the field inside the record, e.g. /contacts/1/languages' }),
      old: Type.Unknown({ description: 'The value before (null when the field was absent)' }),
      new: Type.Unknown({ description: 'The value after (null when the field was removed)' })
    }, { additionalProperties: false }))
  }, { additionalProperties: false }))
}, { $id: 'ReleaseChanges', additionalProperties: false })

const records = (schema: TSchema) => Type.Array(Ref(schema))

/** A release inside its own bundle: everything but `latest`, which changes when a newer one is published. */
export const BundleReleaseSchema = Type.Omit(ReleaseSchema, ['latest'], { $id: 'BundleRelease', additionalProperties: false })

/**
 * A whole release in one document for offline use: every data file's records in the data
 * file format (a release published in an older format is upgraded to the current one), so an
 * app can work with no connection.
 */
export const BundleSchema = Type.Object({
  release: Ref(BundleReleaseSchema),
  datasets: Type.Object({
    sources: records(SourceRecordSchema),
    organisations: records(OrganisationRecordSchema),
    helplines: records(HelplineRecordSchema),
    reporting_channels: records(ReportingChannelRecordSchema),
    local_authorities: records(LocalAuthorityRecordSchema),
    council_teams: records(CouncilTeamRecordSchema),
    council_sources: records(SourceRecordSchema),
    reporting_routes: records(ReportingRouteRecordSchema),
    statistics: records(StatisticRecordSchema)
  }, { additionalProperties: false })
}, { $id: 'Bundle', additionalProperties: false })

export const ReleaseListQuerySchema = Type.Object({ ...PageQueryFields, ...FormatQueryFields }, { additionalProperties: false })
export const ReleaseParamsSchema = Type.Object({ id: ReleaseIdSchema }, { additionalProperties: false })
export const NoQuerySchema = Type.Object({}, { additionalProperties: false })

export const ReleaseListSchema = ListEnvelope(Ref(ReleaseSchema), 'ReleaseList', Ref(ListMetaSchema))
export const ReleaseItemSchema = Type.Object({ data: Ref(ReleaseSchema) }, { $id: 'ReleaseItem', additionalProperties: false })
export const ReleaseChangesItemSchema = Type.Object({ data: Ref(ReleaseChangesSchema) }, { $id: 'ReleaseChangesItem', additionalProperties: false })
