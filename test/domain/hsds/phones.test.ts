import t from 'tap'
import type { ContactBase } from '../../../src/catalogue/build-common.js'
import { localMinutes } from '../../../src/domain/hsds/index.js'
import { languageName, phoneOf, sentences } from '../../../src/domain/hsds/phones.js'

const contact = (over: Partial<ContactBase>): ContactBase => ({
  kind: 'phone',
  label: 'Call',
  value: '0808 157 0000',
  uri: 'tel:+448081570000',
  cost: null,
  languages: [],
  hours: null,
  hours_note: null,
  verification: 'confirmed',
  notes: null,
  nations: ['england'],
  sources: [],
  ...over
})

t.test('types each kind of number as HSDS does', async (t) => {
  const typeOf = (over: Partial<ContactBase>) => phoneOf('s', 'k', contact(over), { contactKey: 'c' })?.type
  t.equal(typeOf({}), 'voice')
  t.equal(typeOf({ kind: 'text', value: '84001', uri: 'sms:84001' }), 'text')
  t.equal(typeOf({ kind: 'textphone', value: '0800 111 4444', uri: 'tel:+448001114444' }), 'textphone')
  t.equal(typeOf({ kind: 'relay', value: '18001 101', uri: 'tel:18001101' }), 'textphone', 'Relay UK numbers are dialled from a textphone')
  t.equal(typeOf({ kind: 'video_relay', value: '0800 111 5555', uri: 'tel:+448001115555' }), 'video', 'a video relay with a number')
  t.equal(typeOf({ kind: 'video_relay', value: 'https://www.999bsl.co.uk', uri: 'https://www.999bsl.co.uk/' }), undefined, 'a video relay web page is not a phone')
  t.equal(typeOf({ kind: 'email', value: 'a@example.org', uri: 'mailto:a@example.org' }), undefined)
})

t.test('never makes a phone of an unverified number', async (t) => {
  t.equal(phoneOf('s', 'k', contact({ verification: 'unverified', uri: null }), { contactKey: 'c' }), undefined)
})

t.test('describes a number by its label, cost, hours and notes', async (t) => {
  const phone = phoneOf('s', 'k', contact({ cost: 'Free', hours_note: 'Weekdays 9am to 5pm', notes: 'Ask for the duty team' }), { contactKey: 'c' })
  t.equal(phone?.description, 'Call. Cost: Free. Weekdays 9am to 5pm. Ask for the duty team.')
  t.equal(sentences('Already a sentence.', '', undefined, 'question?', 'evenings and weekends'), 'Already a sentence. Question? Evenings and weekends.')
})

t.test('names languages in English, British Sign Language included', async (t) => {
  t.same(['en', 'cy', 'gd', 'bfi'].map(languageName), ['English', 'Welsh', 'Scottish Gaelic', 'British Sign Language'])
  const phone = phoneOf('s', 'k', contact({ languages: ['cy'] }), { contactKey: 'c' })
  t.same(phone?.languages?.map((l) => [l.code, l.name, l.phone_id]), [['cy', 'Welsh', phone?.id]])
})

t.test('reads a time parameter as UK time, moving one with an offset to the feed\'s', async (t) => {
  t.equal(localMinutes('09:00', 0), 540)
  t.equal(localMinutes('09:30:15', 60), 570, 'seconds are ignored')
  t.equal(localMinutes('10:00+01:00', 0), 540, '10:00 BST is 09:00 GMT')
  t.equal(localMinutes('08:00Z', 60), 540, '08:00 UTC is 09:00 BST')
  t.equal(localMinutes('00:30+01:00', 0), 1410, 'back across midnight')
})
