// The @citation-js packages ship no type declarations; this declares only the parts the
// citation formatter uses, so a change in their API shows up as a type error here.
declare module '@citation-js/core' {
  /** A CSL-JSON item; citation-js accepts and returns these. */
  export type CslItem = Record<string, unknown>

  export class Cite {
    constructor (data: CslItem | CslItem[])
    format (format: 'bibliography', options: { format: 'text', template: string, lang: string }): string
    format (format: 'bibtex' | 'data', options?: { format?: 'text' }): string
  }

  interface Register<T> {
    has (name: string): boolean
    get (name: string): T
    add (name: string, value: T): void
  }

  export const plugins: {
    config: {
      get (plugin: '@csl'): { locales: Register<string>, templates: Register<string> }
    }
  }
}
