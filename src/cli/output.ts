// The CLI's edge: results to stdout (JSON with --json), logs and progress to stderr, and
// errors turned into exit codes — 0 ok, 1 error, 2 usage, 3 finished with failed resources.

import { ConfigError } from '../config/load.js'
import { PipelineError, describeError } from '../core/errors.js'
import { redactText } from '../core/redact.js'

export const EXIT = { ok: 0, error: 1, usage: 2, partial: 3 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export interface Output {
  json: boolean
  /** stdout: results. */
  out(text: string): void
  /** stderr: progress and messages for a person. */
  err(text: string): void
  isTty: boolean
}

export function createOutput(json: boolean, redact: (t: string) => string = redactText): Output {
  return {
    json,
    out: (text) => process.stdout.write(`${redact(text)}\n`),
    err: (text) => process.stderr.write(`${redact(text)}\n`),
    isTty: Boolean(process.stderr.isTTY),
  }
}

export function printJson(output: Output, value: unknown): void {
  output.out(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2),
  )
}

/** Prints an error for a person (or as JSON) and returns the exit code it maps to. */
export function reportError(output: Output, error: unknown): ExitCode {
  const code = error instanceof PipelineError && error.code === 'USAGE' ? EXIT.usage : EXIT.error
  if (output.json) {
    const e = error instanceof PipelineError ? error : undefined
    printJson(output, {
      error: describeError(error),
      code: e?.code ?? 'INTERNAL',
      context: e?.context ?? {},
    })
  } else if (error instanceof ConfigError) {
    output.err(error.message)
    output.err('Run `ai-usage config check` to see the resolved configuration.')
  } else {
    output.err(`error: ${describeError(error)}`)
  }
  return code
}

/** Fixed-width text table for terminal output; numbers right-aligned. */
export function formatTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^-?[$\d.,%]+$|^-?\$/.test(String(r[i] ?? ''))),
  )
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [
    line(headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n')
}
