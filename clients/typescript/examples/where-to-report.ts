// Where to report online grooming of a child who lives at SW1A 2AA, in order.
import { sg } from './connect.js'

const answer = await sg.reportingRoute({ situation: 'online-grooming', postcode: 'SW1A 2AA' })
if (!answer.ok) {
  console.error(`${answer.status} ${answer.problem.title}: ${answer.problem.detail}`)
  process.exit(1)
}
console.log(`release ${answer.release}, answered from the ${answer.from}`)
for (const notice of answer.notices) console.log(`note: ${notice}`)
for (const step of answer.data.steps) {
  const council = step.local_authority === null ? '' : ` → ${step.local_authority.name}`
  const first = step.service.contacts.find((c) => c.uri !== null)
  console.log(`${step.order}. ${step.service.name}${council}${first === undefined ? '' : ` (${first.value}, open now: ${String(first.open_now)})`}`)
}
