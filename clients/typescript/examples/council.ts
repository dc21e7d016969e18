// The council responsible for children's social care in Westminster, and how to reach it.
import { sg } from './connect.js'

const council = await sg.localAuthority('E09000033')
if (!council.ok) throw new Error(council.problem.detail)
console.log(`${council.data.name} (${council.from}): ${council.data.homepage_url ?? 'no https homepage on record'}`)
for (const c of council.data.contacts) console.log(`- ${c.label}: ${c.value} (open now: ${String(c.open_now)})`)
