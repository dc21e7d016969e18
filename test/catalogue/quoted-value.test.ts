import t from 'tap'
import { quoteHolds } from '../../src/catalogue/quoted-value.js'

t.test('finds a number however the page spaces or brackets it', async (t) => {
  t.ok(quoteHolds('phone', '(01226) 772423', 'Call our integrated front door service on (01226) 772423 if you\'re worried'))
  t.ok(quoteHolds('phone', '01226 787789', 'The Emergency Duty Team on (01226 787789) for out of hour urgent cases.'))
  t.ok(quoteHolds('phone', '028 9504 9999', 'Tel: 028 95 049 999'))
  t.ok(quoteHolds('phone', '020 7641 4000', 'Call +44 (0)20 7641 4000 today'))
  t.ok(quoteHolds('phone', '01254 666400', 'Telephone: 01254 666400 (08:45-17:00 Monday to Friday)'), 'times after it are not part of it')
  t.ok(quoteHolds('phone', '01724 296500', '• 01724 296500 (9am to 5pm Monday to Thursday)\n  • 08081 689667 (free phone)'))
})

t.test('does not count a number that is only part of another', async (t) => {
  t.notOk(quoteHolds('phone', '01226 772423', 'The assessment team is on 772423'))
  t.notOk(quoteHolds('phone', '0113 222 440', 'the public is 0113 222 4403.'))
  t.notOk(quoteHolds('phone', '0113 222 4403', 'Call the Front Door.'))
})

t.test('finds an email address in any case, and a link as written', async (t) => {
  t.ok(quoteHolds('email', 'MAST@towerhamlets.gov.uk', 'email mast@towerhamlets.gov.uk'))
  t.notOk(quoteHolds('email', 'mash@example.gov.uk', 'email mast@example.gov.uk'))
  t.ok(quoteHolds('web_form', 'https://example.gov.uk/form', 'Use https://example.gov.uk/form to refer'))
})
