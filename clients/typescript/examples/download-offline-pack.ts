// Downloads what the app needs to answer without a network (the latest release bundle and
// the bank holidays) and stores it as one JSON file.
import { writeFileSync } from 'node:fs'
import { sg } from './connect.js'

const out = process.argv[2] ?? 'offline-pack.json'
const pack = await sg.downloadOfflinePack()
writeFileSync(out, JSON.stringify(pack))
console.log(`stored release ${pack.bundle.release.id} (${pack.bundle.datasets.helplines.length} helplines, ${pack.bundle.datasets.local_authorities.length} councils) in ${out}`)
