import type { Static, TSchema } from '@sinclair/typebox'
import { HelplineRecordSchema } from '../../schemas/helpline.js'
import { OrganisationRecordSchema } from '../../schemas/organisation.js'
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
  reportingRoutes: dataset('reporting-routes.yaml', ReportingRouteRecordSchema, false),
  statistics: dataset('statistics.yaml', StatisticRecordSchema, false)
}

export type DatasetName = keyof typeof DATASETS
export type DatasetRecords = { [K in DatasetName]: Array<Static<(typeof DATASETS)[K]['schema']>> }
