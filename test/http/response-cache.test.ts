import t from 'tap'
import { prepare } from '../../src/http/prepared.js'
import { cacheFor, FILTERED_BYTES, filteredUsage } from '../../src/http/response-cache.js'
import { makeTemplate } from '../../src/http/templates.js'

const TYPE = 'application/json; charset=utf-8'
const body = (n: number, tag: string) => JSON.stringify({ tag, data: 'x'.repeat(n) })

t.test('keeps a filtered answer from its question\'s second time, within a budget of bytes', async (t) => {
  const cache = cacheFor({})
  cache.set('/v1/helplines?q=once', prepare(body(100, 'once'), TYPE), false)
  t.equal(cache.get('/v1/helplines?q=once', 0), undefined, 'a question asked once is not kept')
  const again = cache.set('/v1/helplines?q=once', prepare(body(100, 'once'), TYPE), false)
  t.equal(cache.get('/v1/helplines?q=once', 0), again, 'asked again, it is')

  const pinned = cache.set('/v1/helplines?', prepare(body(100, 'all'), TYPE), true)
  // 64 KB answers, each asked twice: far more than the budget holds.
  for (let i = 0; i < 1000; i++) {
    for (let k = 0; k < 2; k++) cache.set(`/v1/helplines?q=${i}`, prepare(body(64 * 1024, String(i)), TYPE), false)
  }
  const usage = filteredUsage()
  t.ok(usage.bytes <= FILTERED_BYTES, `${usage.bytes} bytes counted, within ${FILTERED_BYTES}`)
  t.ok(usage.entries < 1000, `${usage.entries} answers kept: the least used went first`)
  t.ok(cache.get('/v1/helplines?q=999', 0) !== undefined, 'the latest is there')
  t.equal(cache.get('/v1/helplines?q=0', 0), undefined, 'the oldest is gone')
  t.equal(cache.get('/v1/helplines?', 0), pinned, 'an unfiltered answer stays for the life of the release')
})

t.test('keeps answers about an instant per status window, learnt from the instants asked', async (t) => {
  const cache = cacheFor({})
  const morning = makeTemplate(body(10, 'open'), TYPE, 1000, 2000)
  const evening = makeTemplate(body(10, 'closed'), TYPE, 2000, 3000)
  if (morning === null || evening === null) throw new Error('no template')
  t.equal(cache.addTemplate('list#at', morning), morning)
  t.equal(cache.templateAt('list#at', 1500), morning)
  t.equal(cache.templateAt('list#at', 999), undefined, 'not before the first instant seen')
  t.equal(cache.templateAt('list#at', 2000), undefined, 'nor from the window\'s end')
  // The same answer, built for an earlier instant, with the same end: the window widens.
  const earlier = makeTemplate(body(10, 'open'), TYPE, 500, 2000)
  if (earlier === null) throw new Error('no template')
  t.equal(cache.addTemplate('list#at', earlier), morning, 'the window seen before is kept')
  t.equal(cache.templateAt('list#at', 600), morning, 'and now starts earlier')
  cache.addTemplate('list#at', evening)
  t.equal(cache.templateAt('list#at', 2500), evening)
  t.equal(cache.templateAt('other#at', 1500), undefined, 'per question')
  t.equal(cacheFor({}).templateAt('list#at', 1500), undefined, 'per release')
})
