import t from 'tap'
import { Doorkeeper } from '../../src/http/doorkeeper.js'

t.test('says whether a key was offered before', async (t) => {
  const door = new Doorkeeper(10)
  t.equal(door.again('/v1/helplines?q=a'), false, 'new')
  t.equal(door.again('/v1/helplines?q=a'), true, 'seen')
  t.equal(door.again('/v1/helplines?q=b'), false, 'another is new')
  let seen = 0
  for (let i = 0; i < 200; i++) if (door.again(`/v1/helplines?q=${i}-x`)) seen++
  t.ok(seen <= 2, `distinct keys look new (${seen} of 200 collided)`)
})
