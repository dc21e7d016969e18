/*
 * Quick exit: the button, or Escape pressed twice within a second, anywhere on the page.
 * `location.replace` swaps the page for the exit page, so Back does not return to it.
 * Nothing else touches the host page's history.
 */
import { DEFAULT_EXIT_URL } from './wording.js'

const DOUBLE_PRESS_MS = 1000

/** The exit page an `exit-url` attribute names, if it is an http(s) address; else the default. */
export function exitUrlOf (attribute: string | null): string {
  if (attribute === null) return DEFAULT_EXIT_URL
  try {
    const url = new URL(attribute, document.baseURI)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : DEFAULT_EXIT_URL
  } catch {
    return DEFAULT_EXIT_URL
  }
}

/** Leaves now, without leaving this page in the history. */
export function leave (url: string): void {
  window.location.replace(url)
}

// Widgets on the page, in the order they were added: double Escape uses the first one's exit page.
const widgets: Array<{ exitUrl: () => string }> = []
let lastEscape = Number.NEGATIVE_INFINITY

function onKeyDown (event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.repeat) return
  const now = Date.now()
  if (now - lastEscape <= DOUBLE_PRESS_MS && widgets[0] !== undefined) leave(widgets[0].exitUrl())
  lastEscape = now
}

/** Listens for double Escape while at least one widget is on the page. */
export function watchEscape (widget: { exitUrl: () => string }): () => void {
  // Capture, so a host page that stops Escape from bubbling (a dialog, say) cannot swallow it.
  if (widgets.length === 0) window.addEventListener('keydown', onKeyDown, true)
  widgets.push(widget)
  return () => {
    widgets.splice(widgets.indexOf(widget), 1)
    if (widgets.length === 0) window.removeEventListener('keydown', onKeyDown, true)
  }
}
