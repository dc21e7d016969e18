import neostandard from 'neostandard'

export default neostandard({
  ts: true,
  ignores: ['dist/**', 'clients/*/dist/**', 'clients/*/generated/**', 'coverage/**', '.tap/**', 'node_modules/**', '.scratch/**']
})
