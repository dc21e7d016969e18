import t from 'tap'
import { normalisePostcode, parsePostcode } from '../../../src/domain/geography/postcode.js'

t.test('normalises full postcodes typed with any spacing and case', async (t) => {
  for (const input of ['SW1A 1AA', 'sw1a1aa', '  Sw1A   1aA ', 'SW1A\t1AA', 'S W1A1 AA']) {
    t.equal(normalisePostcode(input), 'SW1A 1AA', JSON.stringify(input))
  }
  t.equal(normalisePostcode('e11aa'), 'E1 1AA')
  t.equal(normalisePostcode('M11AE'), 'M1 1AE')
  t.equal(normalisePostcode('ec1a1bb'), 'EC1A 1BB')
  t.equal(normalisePostcode('W1A 0AX'), 'W1A 0AX')
  t.equal(normalisePostcode('cr2 6xh'), 'CR2 6XH')
  t.equal(normalisePostcode('DN55 1PT'), 'DN55 1PT')
})

t.test('accepts an outward code alone as a district', async (t) => {
  t.match(parsePostcode('sw1a'), { kind: 'district', normalised: 'SW1A', outward: 'SW1A', inward: '', area: 'SW' })
  t.equal(normalisePostcode(' e1 '), 'E1')
  t.equal(normalisePostcode('SW11'), 'SW11', 'a lone token is read as an outward code first')
})

t.test('accepts a postcode sector', async (t) => {
  t.match(parsePostcode('SW1A 1'), { kind: 'sector', normalised: 'SW1A 1', outward: 'SW1A', inward: '1' })
  t.equal(normalisePostcode('sw1 1'), 'SW1 1', 'with a space the last digit is the sector')
  t.equal(normalisePostcode('ab101'), 'AB10 1', 'without one, only when no outward code fits')
})

t.test('accepts GIR 0AA and the terminated NPT and W1N districts that ONSPD still lists', async (t) => {
  t.equal(normalisePostcode('gir0aa'), 'GIR 0AA')
  t.equal(normalisePostcode('NPT 9ZB'), 'NPT 9ZB')
  t.equal(normalisePostcode('w1n0bs'), 'W1N 0BS')
})

t.test('returns the area for Crown Dependencies and Northern Ireland', async (t) => {
  t.equal(parsePostcode('bt1 1aa')?.area, 'BT')
  t.equal(parsePostcode('GY1 1AA')?.area, 'GY')
  t.equal(parsePostcode('JE2 3AB')?.area, 'JE')
  t.equal(parsePostcode('IM1')?.area, 'IM')
})

t.test('returns null for text that is not postcode-shaped', async (t) => {
  const bad = ['', ' ', 'A', 'hello', '12345', 'SW1A 1AAA', 'SW1A-1AA', 'W 11', 'SW1 A', 'SW1A 1A', 'SW1 A 1',
    '1SW 1AA', 'ABC1 1AA', 'SW1A 1AA please', 'x'.repeat(1000), 'SW1A\u00001AA']
  for (const input of bad) t.equal(normalisePostcode(input), null, JSON.stringify(input.slice(0, 20)))
  t.equal(parsePostcode(42 as unknown as string), null, 'a non-string')
})
