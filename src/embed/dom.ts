/* Building the widget's DOM: text always goes in as text nodes, never through innerHTML. */

type Child = Node | string | null | undefined | false
type Attrs = Record<string, string | undefined>

/** An element with attributes (undefined ones left out) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap> (tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) element.setAttribute(name, value)
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child)
  }
  return element
}
