import t from 'tap'
import { build, captureLog } from './helper.js'

const CANARY = 'CANARY7Q'

t.test('logs no URL, query, IP, user agent, referrer or cookie', async (t) => {
  const log = captureLog()
  const app = await build(t, { LOG_LEVEL: 'trace', TRUST_PROXY: 'true' }, { logStream: log.stream })
  const headers = {
    'user-agent': `${CANARY}-agent`,
    'x-forwarded-for': '203.0.113.77',
    referer: `https://${CANARY}.example/page`,
    cookie: `session=${CANARY}`
  }
  await app.inject({ url: `/v1/helplines?q=${CANARY}&nation=wales`, headers })
  await app.inject({ url: `/v1/helplines?postcode=SW1A%202AA&${CANARY}=1`, headers })
  await app.inject({ url: `/v1/helplines/${CANARY.toLowerCase()}`, headers })
  await app.inject({ url: `/nowhere/${CANARY}`, headers })
  const text = log.text()
  const lines = log.lines()
  t.ok(lines.filter((l) => l.msg === 'request completed').length >= 4, 'requests were logged')
  t.notMatch(text, new RegExp(CANARY, 'i'))
  t.notMatch(text, /203\.0\.113\.77/)
  t.notMatch(text, /SW1A/i)
  t.match(lines.find((l) => l.msg === 'request completed'), { req: { method: 'GET', route: '/v1/helplines' }, res: { status: 200 } })
})

t.test('sets no cookie', async (t) => {
  const app = await build(t)
  for (const url of ['/', '/v1/helplines', '/v1/helplines/always-line', '/docs/', '/nowhere']) {
    t.equal((await app.inject(url)).headers['set-cookie'], undefined, url)
  }
})
