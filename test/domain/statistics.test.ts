import t from 'tap'
import { findStatistics, periodEndKey, supersessionChain, type StatisticLike } from '../../src/domain/statistics.js'

// Invented figures: an estimate replaced twice, a monthly count replaced once, and strays.
const stat = (id: string, start: string, end: string, rest: Partial<StatisticLike> = {}): StatisticLike => ({
  id,
  period: { label: id, start, end },
  geography: 'uk',
  topics: ['sexual-abuse'],
  publisher: 'Example Crime Agency',
  superseded_by: null,
  ...rest
})
const STATS: StatisticLike[] = [
  stat('estimate-2018', '2018-09', '2018-09', { superseded_by: 'estimate-2020', topics: ['online-safety'] }),
  stat('estimate-2020', '2020-04', '2020-04', { superseded_by: 'estimate-2021' }),
  stat('estimate-2021', '2021-05', '2022-10'),
  stat('monthly-2018', '2018', '2018', { superseded_by: 'monthly-2022' }),
  stat('monthly-2022', '2022-10', '2022-10'),
  stat('offences-2017-18', '2017-04', '2018-03', { geography: 'england-and-wales', publisher: 'NSPCC (Freedom of Information requests to police)' }),
  stat('sessions-2023-24', '2023', '2024', { topics: ['emotional-support'], publisher: 'NSPCC (Childline)' }),
  stat('a-same-end', '2022-10', '2022-10')
]
const ids = (list: StatisticLike[] | undefined) => list?.map((s) => s.id)

t.test('lists every statistic newest period first, ties by id', async (t) => {
  t.same(ids(findStatistics(STATS)), [
    'sessions-2023-24', 'a-same-end', 'estimate-2021', 'monthly-2022', 'estimate-2020',
    'monthly-2018', 'estimate-2018', 'offences-2017-18'
  ])
})

t.test('treats a period ending in a bare year as running to the end of that year', async (t) => {
  t.equal(periodEndKey('2018'), '2018-12-31')
  t.equal(periodEndKey('2018-09'), '2018-09-31')
  t.equal(periodEndKey('2018-09-06'), '2018-09-06')
})

t.test('leaves out replaced figures when asked for current ones only', async (t) => {
  t.same(ids(findStatistics(STATS, { current_only: true })), ['sessions-2023-24', 'a-same-end', 'estimate-2021', 'monthly-2022', 'offences-2017-18'])
  t.equal(findStatistics(STATS, { current_only: false }).length, STATS.length)
})

t.test('filters by topic and by exact geography', async (t) => {
  t.same(ids(findStatistics(STATS, { topic: 'online-safety' })), ['estimate-2018'])
  t.same(ids(findStatistics(STATS, { geography: 'england-and-wales' })), ['offences-2017-18'])
  t.same(ids(findStatistics(STATS, { geography: 'england' })), [], 'england does not match england-and-wales')
})

t.test('keeps figures whose period overlaps the years asked for', async (t) => {
  t.same(ids(findStatistics(STATS, { year_from: 2022, year_to: 2022 })), ['a-same-end', 'estimate-2021', 'monthly-2022'], 'a 2021-22 estimate overlaps 2022')
  t.same(ids(findStatistics(STATS, { year_to: 2017 })), ['offences-2017-18'], 'a 2017/18 year starts in 2017')
  t.same(ids(findStatistics(STATS, { year_from: 2024 })), ['sessions-2023-24'])
  t.same(ids(findStatistics(STATS, { year_from: 2025 })), [])
})

t.test('matches the publisher as case-insensitive text anywhere in its name', async (t) => {
  t.same(ids(findStatistics(STATS, { publisher: 'nspcc' })), ['sessions-2023-24', 'offences-2017-18'])
  t.same(ids(findStatistics(STATS, { publisher: '  FREEDOM of information ' })), ['offences-2017-18'])
  t.equal(findStatistics(STATS, { publisher: '   ' }).length, STATS.length, 'blank text filters nothing')
})

t.test('combines filters and leaves the input untouched', async (t) => {
  const before = ids(STATS)
  t.same(ids(findStatistics(STATS, { publisher: 'crime agency', year_from: 2020, current_only: true })), ['a-same-end', 'estimate-2021', 'monthly-2022'])
  t.same(ids(STATS), before)
})

t.test('gives the whole line of estimates, oldest first, from any figure in it', async (t) => {
  const line = ['estimate-2018', 'estimate-2020', 'estimate-2021']
  for (const id of line) t.same(ids(supersessionChain(STATS, id)), line, id)
  t.same(ids(supersessionChain(STATS, 'monthly-2022')), ['monthly-2018', 'monthly-2022'])
  t.same(ids(supersessionChain(STATS, 'offences-2017-18')), ['offences-2017-18'], 'a figure that stands alone')
  t.equal(supersessionChain(STATS, 'no-such-figure'), undefined)
})

t.test('stops at a dangling or circular link instead of looping', async (t) => {
  const broken = [
    stat('x', '2019', '2019', { superseded_by: 'y' }),
    stat('y', '2020', '2020', { superseded_by: 'x' }),
    stat('z', '2021', '2021', { superseded_by: 'missing' })
  ]
  t.same(ids(supersessionChain(broken, 'x')), ['x', 'y'])
  t.same(ids(supersessionChain(broken, 'z')), ['z'])
})

t.test('includes every figure a newer one replaced, same-period ones by id', async (t) => {
  const merged = [
    stat('boys-2019', '2019', '2019', { superseded_by: 'all-2021' }),
    stat('girls-2019', '2019', '2019', { superseded_by: 'all-2021' }),
    stat('all-2021', '2021', '2021')
  ]
  t.same(ids(supersessionChain(merged, 'girls-2019')), ['boys-2019', 'girls-2019', 'all-2021'])
})
