import type { ReportingRouteRecord, Situation } from '../../schemas/reporting-route.js'
import type { LinkBuilder } from './links.js'

export interface RouteEntry {
  situation: Situation
  record: ReportingRouteRecord
}

/** A situation as served, with its route record kept for composing answers. */
export function buildRoute (record: ReportingRouteRecord, links: LinkBuilder): RouteEntry {
  return {
    situation: {
      id: record.id,
      title: record.title,
      summary: record.summary,
      asked_by: record.asked_by,
      notes: record.notes ?? [],
      links: {
        self: links.to(`/v1/situations/${record.id}`),
        route: links.to('/v1/reporting-routes', [['situation', record.id]])
      }
    },
    record
  }
}
