import type { GeographyIndex } from '../domain/geography/index.js'
import { DataError, pointer } from './data-error.js'
import type { DatasetRecords } from './datasets.js'

/**
 * Checks the links between files that a single record cannot see: authority codes and
 * aliases unique, route steps pointing at real channels and helplines, statistics'
 * supersession chains resolving without cycles, and every authority
 * the postcode index can return present in local-authorities.yaml.
 */
export function crossCheckLinks (records: DatasetRecords, labelOf: (file: string) => string, geography: GeographyIndex | null): void {
  const authorities = labelOf('local-authorities.yaml')
  const codes = new Map<string, string>()
  records.localAuthorities.forEach((la, i) => {
    la.alias_codes.forEach((alias, j) => {
      const owner = codes.get(alias) ?? records.localAuthorities.find((other) => other.code === alias)?.code
      if (owner !== undefined && owner !== la.code) {
        throw new DataError(authorities, la.code, pointer(i, 'alias_codes', j), 'unique-code', `alias ${alias} also names ${owner}`)
      }
      codes.set(alias, la.code)
    })
  })

  const routesFile = labelOf('reporting-routes.yaml')
  const targets = {
    'reporting-channel': new Set(records.reportingChannels.map((c) => c.id)),
    helpline: new Set(records.helplines.map((h) => h.id))
  }
  const sourceIds = new Set(records.sources.map((s) => s.id))
  records.reportingRoutes.forEach((route, i) => {
    route.steps.forEach((step, j) => {
      if (!targets[step.target.kind].has(step.target.id)) {
        throw new DataError(routesFile, route.id, pointer(i, 'steps', j, 'target', 'id'), 'route-target-exists', `no ${step.target.kind} "${step.target.id}"`)
      }
      step.sources?.forEach((id, k) => {
        if (!sourceIds.has(id)) throw new DataError(routesFile, route.id, pointer(i, 'steps', j, 'sources', k), 'source-exists', `source "${id}" is not in sources.yaml`)
      })
    })
  })

  const statisticsFile = labelOf('statistics.yaml')
  const statistics = new Map(records.statistics.map((s) => [s.id, s]))
  records.statistics.forEach((statistic, i) => {
    const seen = new Set([statistic.id])
    for (let next = statistic.superseded_by; next !== null;) {
      const newer = statistics.get(next)
      if (newer === undefined) throw new DataError(statisticsFile, statistic.id, pointer(i, 'superseded_by'), 'superseded-by-exists', `no statistic "${next}"`)
      if (seen.has(next)) throw new DataError(statisticsFile, statistic.id, pointer(i, 'superseded_by'), 'superseded-by-no-cycle', 'the superseded_by chain comes back to itself')
      seen.add(next)
      next = newer.superseded_by
    }
  })

  if (geography === null) return
  const known = new Set(records.localAuthorities.map((la) => la.code))
  geography.lads.forEach((lad, i) => {
    for (const code of lad.authorities) {
      if (!known.has(code)) {
        throw new DataError(`geography/${geography.id}/index.json`, lad.code, `/lads/${i}/authorities`, 'authority-exists', `authority ${code} is not in ${authorities}`)
      }
    }
  })
}
