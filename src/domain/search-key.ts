/** A case-insensitive, accent-insensitive search key. */
export function searchKey (...parts: string[]): string {
  return parts.join(' \u0000 ').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}
