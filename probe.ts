import { buildApp } from './src/app.js'
import { testConfig } from './src/config.js'
import { crawl } from './src/static-export/crawl.js'
const app = await buildApp(testConfig({ DATA_DIR: './data' }), { maxEventLoopDelay: 60000 })
const t0 = Date.now()
const r = await crawl(app, '')
console.log('ms', Date.now() - t0, 'exported', r.exported.length, 'excluded', r.excluded.length, 'unreached', r.unreached)
const agg = (xs: Array<{ template: string }>) => Object.entries(xs.reduce<Record<string, number>>((m, x) => { m[x.template] = (m[x.template] ?? 0) + 1; return m }, {}))
console.log(agg(r.exported))
console.log(Object.entries(r.excluded.reduce<Record<string, Set<string>>>((m, x) => { (m[x.template] ??= new Set()).add(x.reason); return m }, {})).map(([k, v]) => [k, [...v]]))
console.log(r.exported.filter(a => a.url.includes('?')).map(a => a.url).slice(0, 40))
await app.close()
