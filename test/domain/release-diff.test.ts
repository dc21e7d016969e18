import t from 'tap'
import { diffReleases, diffValues } from '../../src/domain/release-diff.js'

t.test('diffValues finds nothing between equal values, whatever their key order', async (t) => {
  t.same(diffValues({ a: 1, b: [1, { c: 2 }] }, { a: 1, b: [1, { c: 2 }] }), [])
  t.same(diffValues({ a: 1, b: 2 }, { b: 2, a: 1 }), [])
  t.same(diffValues(null, null), [])
  t.same(diffValues('x', 'x'), [])
})

t.test('diffValues names each changed field of an object by its JSON pointer', async (t) => {
  t.same(diffValues({ a: 1, b: 2 }, { a: 1, b: 3 }), [{ pointer: '/b', old: 2, new: 3 }])
  t.same(diffValues(
    { name: 'Line', hours: { opens: '09:00', closes: '17:00' } },
    { name: 'Line', hours: { opens: '08:00', closes: '18:00' } }
  ), [
    { pointer: '/hours/opens', old: '09:00', new: '08:00' },
    { pointer: '/hours/closes', old: '17:00', new: '18:00' }
  ])
  t.same(diffValues(1, 2), [{ pointer: '', old: 1, new: 2 }], 'a whole value is the empty pointer')
  t.same(diffValues({ a: true }, { a: false }), [{ pointer: '/a', old: true, new: false }])
  t.same(diffValues({ a: 0 }, { a: '0' }), [{ pointer: '/a', old: 0, new: '0' }], 'a number is not its text')
})

t.test('diffValues compares lists of equal length item by item', async (t) => {
  t.same(diffValues([1, 2, 3], [1, 5, 3]), [{ pointer: '/1', old: 2, new: 5 }])
  t.same(diffValues(
    { contacts: [{ kind: 'phone', value: '1' }, { kind: 'email', value: 'a@example.org' }] },
    { contacts: [{ kind: 'phone', value: '1' }, { kind: 'email', value: 'b@example.org', languages: ['en', 'cy'] }] }
  ), [
    { pointer: '/contacts/1/value', old: 'a@example.org', new: 'b@example.org' },
    { pointer: '/contacts/1/languages', old: null, new: ['en', 'cy'] }
  ])
  t.same(diffValues(['a', 'b'], ['b', 'a']), [{ pointer: '/0', old: 'a', new: 'b' }, { pointer: '/1', old: 'b', new: 'a' }], 'order counts')
})

t.test('diffValues reports a list that grew or shrank whole', async (t) => {
  t.same(diffValues({ sources: ['a', 'b'] }, { sources: ['a', 'b', 'c'] }), [{ pointer: '/sources', old: ['a', 'b'], new: ['a', 'b', 'c'] }])
  t.same(diffValues({ sources: ['a', 'b'] }, { sources: ['b'] }), [{ pointer: '/sources', old: ['a', 'b'], new: ['b'] }])
  t.same(diffValues({ weekly: [] }, { weekly: [{ days: ['mon'] }] }), [{ pointer: '/weekly', old: [], new: [{ days: ['mon'] }] }])
})

t.test('diffValues gives null for a field added or removed', async (t) => {
  t.same(diffValues({ a: 1 }, { a: 1, notes: 'new' }), [{ pointer: '/notes', old: null, new: 'new' }])
  t.same(diffValues({ a: 1, notes: 'old' }, { a: 1 }), [{ pointer: '/notes', old: 'old', new: null }])
  t.same(diffValues({ hours: { opens: '09:00' } }, {}), [{ pointer: '/hours', old: { opens: '09:00' }, new: null }])
  t.same(diffValues({ a: null }, {}), [], 'absent and null read the same')
})

t.test('diffValues reports a change of kind whole', async (t) => {
  t.same(diffValues({ hours: null }, { hours: { opens: '09:00' } }), [{ pointer: '/hours', old: null, new: { opens: '09:00' } }])
  t.same(diffValues({ a: { 0: 'x' } }, { a: ['x'] }), [{ pointer: '/a', old: { 0: 'x' }, new: ['x'] }], 'an object is not a list')
  t.same(diffValues({ a: 'text' }, { a: ['text'] }), [{ pointer: '/a', old: 'text', new: ['text'] }])
})

t.test('diffValues escapes ~ and / in keys as RFC 6901 says', async (t) => {
  t.same(diffValues({ 'a/b': 1 }, { 'a/b': 2 }), [{ pointer: '/a~1b', old: 1, new: 2 }])
  t.same(diffValues({ 'm~n': 1 }, { 'm~n': 2 }), [{ pointer: '/m~0n', old: 1, new: 2 }])
  t.same(diffValues({ '~1': 1 }, { '~1': 2 }), [{ pointer: '/~01', old: 1, new: 2 }], '~ first, so ~1 does not read back as /')
  t.same(diffValues({ 'x/y': { '~': 1 } }, { 'x/y': { '~': 2 } }), [{ pointer: '/x~1y/~0', old: 1, new: 2 }])
})

t.test('diffReleases lists added, removed and changed records in a stable order', async (t) => {
  const older = {
    sources: [{ id: 'b', title: 'B' }, { id: 'a', title: 'A' }, { id: 'gone', title: 'G' }],
    helplines: [{ id: 'line', name: 'Line' }],
    'local-authorities': [{ code: 'E1', name: 'One' }, { code: 'E2', name: 'Two' }]
  }
  const newer = {
    statistics: [{ id: 'z' }, { id: 'y' }],
    sources: [{ id: 'c', title: 'C' }, { id: 'a', title: 'A2' }, { id: 'b', title: 'B' }],
    helplines: [{ id: 'line', name: 'Line' }],
    'local-authorities': [{ code: 'E2', name: 'Two!' }, { code: 'E1', name: 'One' }, { code: 'E0', name: 'Zero' }]
  }
  t.same(diffReleases(older, newer), {
    added: [
      { dataset: 'local-authorities', id: 'E0' },
      { dataset: 'sources', id: 'c' },
      { dataset: 'statistics', id: 'y' },
      { dataset: 'statistics', id: 'z' }
    ],
    removed: [{ dataset: 'sources', id: 'gone' }],
    changed: [
      { dataset: 'local-authorities', id: 'E2', fields: [{ pointer: '/name', old: 'Two', new: 'Two!' }] },
      { dataset: 'sources', id: 'a', fields: [{ pointer: '/title', old: 'A', new: 'A2' }] }
    ]
  })
  t.same(diffReleases(older, newer), diffReleases(
    Object.fromEntries(Object.entries(older).reverse().map(([k, v]) => [k, [...v].reverse()])),
    Object.fromEntries(Object.entries(newer).reverse().map(([k, v]) => [k, [...v].reverse()]))
  ), 'the order of files and records in the input does not matter')
})

t.test('diffReleases adds everything when there is no previous release', async (t) => {
  t.same(diffReleases(null, { sources: [{ id: 'b' }, { id: 'a' }], helplines: [{ id: 'h' }] }), {
    added: [{ dataset: 'helplines', id: 'h' }, { dataset: 'sources', id: 'a' }, { dataset: 'sources', id: 'b' }],
    removed: [],
    changed: []
  })
})

t.test('diffReleases removes every record of a dataset that is gone', async (t) => {
  t.same(diffReleases({ statistics: [{ id: 's2' }, { id: 's1' }] }, {}), {
    added: [],
    removed: [{ dataset: 'statistics', id: 's1' }, { dataset: 'statistics', id: 's2' }],
    changed: []
  })
  t.same(diffReleases({ sources: [{ id: 'a' }] }, { sources: [{ id: 'a' }] }), { added: [], removed: [], changed: [] })
})
