export interface FieldChange {
  /** JSON pointer inside the record, e.g. `/contacts/1/languages`. */
  pointer: string
  old: unknown
  new: unknown
}

export interface RecordRef { dataset: string, id: string }
export interface RecordChange extends RecordRef { fields: FieldChange[] }

export interface ReleaseDiff {
  added: RecordRef[]
  removed: RecordRef[]
  changed: RecordChange[]
}

type Datasets = Record<string, ReadonlyArray<Record<string, unknown>>>

const keyOf = (record: Record<string, unknown>): string => String(record.id ?? record.code)
const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1')

/**
 * Field-level differences between two values, as JSON pointers with old and new values.
 * Objects are compared key by key and lists of equal length item by item; a list that grew
 * or shrank is reported whole, which reads better than a cascade of shifted items. A field
 * that is absent on one side is null there.
 */
export function diffValues (older: unknown, newer: unknown, at = ''): FieldChange[] {
  if (JSON.stringify(older) === JSON.stringify(newer)) return []
  const bothObjects = older !== null && newer !== null && typeof older === 'object' && typeof newer === 'object'
  if (bothObjects && Array.isArray(older) === Array.isArray(newer)) {
    if (Array.isArray(older) && Array.isArray(newer)) {
      if (older.length === newer.length) return older.flatMap((item, i) => diffValues(item, newer[i], `${at}/${i}`))
    } else {
      const o = older as Record<string, unknown>
      const n = newer as Record<string, unknown>
      const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])]
      return keys.flatMap((k) => diffValues(o[k] ?? null, n[k] ?? null, `${at}/${escape(k)}`))
    }
  }
  return [{ pointer: at, old: older ?? null, new: newer ?? null }]
}

/**
 * Record-level differences between two releases: records added, removed, and changed with
 * each changed field's old and new value. Datasets and records come out in a stable order.
 * With no previous release, every record is added.
 */
export function diffReleases (older: Datasets | null, newer: Datasets): ReleaseDiff {
  const diff: ReleaseDiff = { added: [], removed: [], changed: [] }
  const names = [...new Set([...Object.keys(older ?? {}), ...Object.keys(newer)])].sort()
  for (const dataset of names) {
    const before = new Map((older?.[dataset] ?? []).map((r) => [keyOf(r), r]))
    const after = new Map((newer[dataset] ?? []).map((r) => [keyOf(r), r]))
    for (const id of [...after.keys()].sort()) {
      const previous = before.get(id)
      if (previous === undefined) diff.added.push({ dataset, id })
      else {
        const fields = diffValues(previous, after.get(id))
        if (fields.length > 0) diff.changed.push({ dataset, id, fields })
      }
    }
    for (const id of [...before.keys()].sort()) if (!after.has(id)) diff.removed.push({ dataset, id })
  }
  return diff
}
