// Which helplines in Wales can someone reach right now? And the same question through the
// plain typed client, for any endpoint the helpers do not cover.
import { sg } from './connect.js'

const open = await sg.helplines({ nation: 'wales', openNow: true })
if (!open.ok) throw new Error(open.problem.detail)
console.log(`open now in Wales (${open.from}):`)
for (const helpline of open.data) {
  const contacts = helpline.contacts.filter((c) => c.open_now === true).map((c) => `${c.kind} ${c.value}`)
  console.log(`- ${helpline.name}: ${contacts.join(', ')}`)
}

if (open.from === 'network') {
  // `data` is the JSON body (not `object | string`, though the list also offers CSV) and
  // `error` is the problem details, both typed from openapi.yaml.
  const { data, error } = await sg.api.GET('/v1/statistics', { params: { query: { per_page: 3 } } })
  if (error !== undefined) throw new Error(`${error.status}: ${error.detail}`)
  for (const s of data.data) console.log(`statistic: ${s.title} (${s.value} ${s.unit})`)

  const wrong = await sg.api.GET('/v1/helplines', { params: { query: { nation: 'wale' as 'wales' } } })
  console.log(`a typo gets problem details: ${wrong.error?.status} ${wrong.error?.errors?.map((e) => e.name).join(', ')}`)
}
