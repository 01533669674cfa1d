// The import kinds `ai-usage import <kind>` knows, in the order help lists them.

import { PipelineError } from '../core/errors.js'
import { claudeAiActivityKind } from './claude-ai-activity.js'
import { claudeCodeTeamKind } from './claude-code-team.js'
import { identityMapKind } from './identity-map.js'
import { invoicesKind } from './invoices.js'
import { IMPORT_KIND_NAMES, type ImportKind } from './kind.js'

export const IMPORT_KINDS: readonly ImportKind[] = [
  claudeAiActivityKind,
  claudeCodeTeamKind,
  invoicesKind,
  identityMapKind,
]

/** The kind called `name`; USAGE (exit 2) naming the known kinds otherwise. */
export function importKindOrThrow(name: string): ImportKind {
  const kind = IMPORT_KINDS.find((k) => k.name === name)
  if (!kind) {
    throw new PipelineError(
      'USAGE',
      `Unknown import kind. Expected one of: ${IMPORT_KIND_NAMES.join(', ')}.`,
      {
        context: { resource: name },
      },
    )
  }
  return kind
}

/** Help text: every kind with its columns and an example. */
export function describeImportKinds(): string {
  return IMPORT_KINDS.map((k) =>
    [
      `  ${k.name}${k.takesMonth ? ' --month YYYY-MM' : ''}: ${k.title}`,
      `    columns: ${k.columns}`,
      ...k.example.split('\n').map((l) => `    | ${l}`),
    ].join('\n'),
  ).join('\n\n')
}
