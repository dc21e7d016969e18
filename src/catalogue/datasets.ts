import type { Static, TSchema } from '@sinclair/typebox'
import { HelplineRecordSchema } from '../../schemas/helpline.js'
import { OrganisationRecordSchema } from '../../schemas/organisation.js'
import { CouncilTeamRecordSchema } from '../../schemas/council-contact.js'
import { LocalAuthorityRecordV1Schema } from '../../schemas/legacy/local-authority-v1.js'
import { LocalAuthorityRecordSchema } from '../../schemas/local-authority.js'
import { ReportingChannelRecordSchema } from '../../schemas/reporting-channel.js'
import { ReportingRouteRecordSchema } from '../../schemas/reporting-route.js'
import { SourceRecordSchema } from '../../schemas/source.js'
import { StatisticRecordSchema } from '../../schemas/statistic.js'

interface DatasetSpec<S extends TSchema> {
  /** File name inside the release folder. */
  file: string
  /** Schema each record of the file must match. */
  schema: S
  /** A release without the file is incomplete. */
  required: boolean
}

const dataset = <S extends TSchema>(file: string, schema: S, required: boolean): DatasetSpec<S> => ({ file, schema, required })

/** Every data file a release may hold. Each file is a YAML list of records keyed by `id` (`code` for authorities). */
export const DATASETS = {
  sources: dataset('sources.yaml', SourceRecordSchema, true),
  organisations: dataset('organisations.yaml', OrganisationRecordSchema, true),
  helplines: dataset('helplines.yaml', HelplineRecordSchema, true),
  reportingChannels: dataset('reporting-channels.yaml', ReportingChannelRecordSchema, false),
  localAuthorities: dataset('local-authorities.yaml', LocalAuthorityRecordSchema, false),
  councilTeams: dataset('council-teams.yaml', CouncilTeamRecordSchema, false),
  councilSources: dataset('council-sources.yaml', SourceRecordSchema, false),
  reportingRoutes: dataset('reporting-routes.yaml', ReportingRouteRecordSchema, false),
  statistics: dataset('statistics.yaml', StatisticRecordSchema, false)
}

export type DatasetName = keyof typeof DATASETS
export type DatasetRecords = { [K in DatasetName]: Array<Static<(typeof DATASETS)[K]['schema']>> }

/** The data file format new releases are written in (manifest `format`). */
export const CURRENT_FORMAT = 2

/**
 * Schemas of files as written in older formats, where they differ. Published releases never
 * change, so their files are checked against the schema of their own format and upgraded
 * when loaded (upgrade-records.ts); everything after the load sees the current format.
 */
export const LEGACY_SCHEMAS: Record<number, Partial<Record<DatasetName, TSchema>>> = {
  1: { localAuthorities: LocalAuthorityRecordV1Schema }
}
