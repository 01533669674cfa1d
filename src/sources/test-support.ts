// Helpers for the sources' unit tests (not imported by production code).

import { PipelineError } from '../core/errors.js'

/** The PipelineError `fn` throws; fails the test if it returns or throws anything else. */
export function pipelineErrorOf(fn: () => unknown): PipelineError {
  try {
    fn()
  } catch (e) {
    if (e instanceof PipelineError) return e
    throw e
  }
  throw new Error('expected a PipelineError')
}
