/**
 * `npm run data:check`: the boot-time data checks without starting a server, and a summary
 * of every release (records per file, records past their review date) and, for the latest, what
 * to look at next in its council contacts.
 */
import { loadData, londonToday } from '../src/catalogue/index.js'
import { summariseRelease } from '../src/catalogue/summary.js'
import { loadConfig } from '../src/config.js'
import { councilReview } from './council-contacts/review.js'

const { DATA_DIR: dataDir } = loadConfig()
try {
  const set = await loadData(dataDir, '')
  const today = londonToday(Date.now())
  for (const id of set.ids) {
    const summary = summariseRelease(set.byId.get(id)!, today)
    process.stdout.write(`release ${id}${id === set.latest.release.id ? ' (latest)' : ''}\n`)
    for (const [file, count] of Object.entries(summary.counts)) process.stdout.write(`  ${file.padEnd(26)} ${count} records\n`)
    if (summary.overdue.length === 0) process.stdout.write('  no record is past its review date\n')
    for (const overdue of summary.overdue) process.stdout.write(`  PAST REVIEW DATE: ${overdue}\n`)
  }
  for (const line of councilReview(set.latest, today)) process.stdout.write(`${line}\n`)
  process.stdout.write(`data ok: ${set.ids.length} release(s) in ${dataDir}\n`)
} catch (err) {
  process.stderr.write(`data error: ${(err as Error).message}\n`)
  process.exit(1)
}
