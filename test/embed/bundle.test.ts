import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { embedModuleSource } from '../../scripts/embed-bundle.js'
import { HELP_JS } from '../../src/embed/generated/help-js.js'

// help.js is generated from src/embed and checked in (the server bundles it as a string);
// like openapi.yaml, a test fails when it no longer matches its sources.

t.test('the checked-in bundle is what src/embed builds now', async (t) => {
  const checkedIn = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'embed', 'generated', 'help-js.ts'), 'utf8')
  t.ok(checkedIn === await embedModuleSource(), 'src/embed/generated/help-js.ts is up to date (else run: npm run embed:build)')
})

t.test('is one module with no imports, and nothing in it can store, track or inject markup', async (t) => {
  t.notMatch(HELP_JS, /(?:^|[;}\s])import\s*(?:[{*("']|\w+\s+from)|\brequire\(/, 'no imports: nothing else to load')
  for (const word of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'localStorage', 'sessionStorage', 'indexedDB', 'document.cookie', 'caches.', 'serviceWorker', 'sendBeacon', 'history.pushState', 'history.replaceState']) {
    t.notOk(HELP_JS.includes(word), `never uses ${word}`)
  }
  t.match(HELP_JS, /credentials:"omit"/, 'requests carry no credentials')
  t.match(HELP_JS, /referrerPolicy:"no-referrer"/, 'and no referrer')
  t.match(HELP_JS, /location\.replace\(/, 'quick exit replaces the page')
})
