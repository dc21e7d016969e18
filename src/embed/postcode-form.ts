import { h } from './dom.js'
import { POSTCODE_HINT } from './wording.js'

let forms = 0

/**
 * The optional postcode field. The postcode goes to the API only: the form never submits
 * (so it never reaches the host page's URL), and the browser is asked not to remember it.
 */
export function postcodeForm (label: string, value: string, error: string | null, onPostcode: (postcode: string) => void): HTMLFormElement {
  const id = `sg-postcode-${++forms}`
  const input = h('input', {
    id,
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '10',
    'aria-describedby': `${id}-hint${error === null ? '' : ` ${id}-error`}`,
    'aria-invalid': error === null ? undefined : 'true',
    part: 'input'
  })
  input.value = value
  const form = h('form', { class: 'postcode', part: 'postcode-form' },
    h('label', { for: id }, label),
    h('p', { id: `${id}-hint`, class: 'small' }, POSTCODE_HINT),
    error === null ? null : h('p', { id: `${id}-error`, class: 'error' }, error),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', part: 'button' }, 'Find the council')))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    onPostcode(input.value.trim())
  })
  return form
}
