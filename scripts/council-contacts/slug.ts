/** A kebab-case slug of at most `max` characters, cut at a word break. */
export function slug (text: string, max: number): string {
  const full = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '').replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  if (full.length <= max) return full
  const cut = full.slice(0, max + 1)
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : full.slice(0, max)
}
