// An injected logger with stable dotted event names (`run.started`, `load.committed` …).
// Production writes JSON lines through pino in Google Cloud Logging's structured shape
// (`severity`, `message`), so the same lines read well locally and in Cloud Logging.
// Every field passes through the redactor: a secret that slips into a log is masked.

import { pino, type Logger as PinoLogger } from 'pino'
import { redactValue } from './redact.js'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
  child(bindings: LogFields): Logger
}

const SEVERITY: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
}

export interface JsonLoggerOptions {
  level?: LogLevel
  /** Where the JSON lines go; the CLI uses stderr so stdout stays for results. */
  destination?: NodeJS.WritableStream
  bindings?: LogFields
}

/** JSON lines in Cloud Logging's shape: {severity, message, time, ...fields}. */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const base = pino(
    {
      level: options.level ?? 'info',
      messageKey: 'message',
      base: undefined,
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: {
        level: (label) => ({ severity: SEVERITY[label] ?? 'DEFAULT' }),
      },
    },
    options.destination ?? process.stderr,
  )
  return wrapPino(options.bindings ? base.child(safeFields(options.bindings)) : base)
}

function wrapPino(p: PinoLogger): Logger {
  const emit = (level: LogLevel) => (event: string, fields?: LogFields) => {
    if (!p.isLevelEnabled(level)) return
    p[level]({ event, ...safeFields(fields ?? {}) }, event)
  }
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (bindings) => wrapPino(p.child(safeFields(bindings))),
  }
}

function safeFields(fields: LogFields): LogFields {
  const out: LogFields = {}
  for (const [k, v] of Object.entries(fields)) out[k] = redactValue(k, v)
  return out
}

export interface CapturedLog {
  level: LogLevel
  event: string
  fields: LogFields
}

/** A logger for tests: keeps every event (after redaction) in `entries`. */
export function createCapturingLogger(bindings: LogFields = {}, sink: CapturedLog[] = []) {
  const emit = (level: LogLevel) => (event: string, fields?: LogFields) => {
    sink.push({ level, event, fields: safeFields({ ...bindings, ...(fields ?? {}) }) })
  }
  const logger: Logger & { entries: CapturedLog[] } = {
    entries: sink,
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (more) => createCapturingLogger({ ...bindings, ...more }, sink),
  }
  return logger
}

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
}
