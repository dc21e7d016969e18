import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

/**
 * The Ajv settings for data files, shared by the precompiled validators (`source`: keep
 * the code for writing out) and the run-time fallback. Code optimisation passes would cost
 * more than they save on a thousand records.
 */
export function dataAjv (source: boolean): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: false, code: { optimize: false, source, esm: true } })
  addFormats(ajv)
  return ajv
}
