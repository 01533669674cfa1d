// Replaces Secret Manager references (`sm://projects/P/secrets/NAME[/versions/V]`) in secret
// config fields with their values, once, at start-up and before any vendor call. The Google
// client is imported and constructed only when a reference exists, so the CLI and tests never
// load gRPC or look for credentials they don't need. Failures name the field and the reference
// (a name, not a secret); a value is never in a message.

import { redactText } from '../core/redact.js'
import { ConfigError } from './load.js'
import { configSchema, type Config } from './schema.js'
import { secretPaths } from './secret.js'

/** Reads one secret version by its full resource name ('projects/P/secrets/N/versions/V'). */
export interface SecretAccessor {
  access(versionName: string): Promise<string>
  close?(): Promise<void>
}

export type SecretAccessorFactory = () => SecretAccessor | Promise<SecretAccessor>

export interface ResolveSecretsOptions {
  /** Builds the accessor, called at most once and only when a reference exists. */
  createAccessor?: SecretAccessorFactory
}

const SM_PREFIX = 'sm://'
const SM_REF = /^sm:\/\/projects\/([^/\s]+)\/secrets\/([^/\s]+)(?:\/versions\/([^/\s]+))?$/

/** 'sm://projects/P/secrets/N' → 'projects/P/secrets/N/versions/latest'; undefined if not a ref. */
export function parseSecretRef(value: string): string | undefined {
  const m = SM_REF.exec(value)
  if (!m) return undefined
  return `projects/${m[1]}/secrets/${m[2]}/versions/${m[3] ?? 'latest'}`
}

interface Reference {
  path: string
  ref: string
}

/** A frozen copy of `config` with every `sm://` secret replaced; `config` itself when none. */
export async function resolveSecretRefs(
  config: Config,
  options: ResolveSecretsOptions = {},
): Promise<Config> {
  const refs = findReferences(config)
  if (refs.length === 0) return config
  const accessor = await (options.createAccessor ?? createGoogleSecretAccessor)()
  try {
    const results = await Promise.allSettled(refs.map((r) => readSecret(accessor, r)))
    const issues = results.flatMap((r, i) => (r.status === 'rejected' ? [issue(refs[i]!, r)] : []))
    if (issues.length) throw new ConfigError(issues)
    const copy = structuredClone(config) as Record<string, unknown>
    refs.forEach((r, i) =>
      setPath(copy, r.path, (results[i] as PromiseFulfilledResult<string>).value),
    )
    return deepFreeze(copy as Config)
  } finally {
    await accessor.close?.()
  }
}

function findReferences(config: Config): Reference[] {
  const refs: Reference[] = []
  const malformed: string[] = []
  for (const path of secretPaths(configSchema)) {
    const value = getPath(config, path)
    if (typeof value !== 'string' || !value.startsWith(SM_PREFIX)) continue
    const ref = parseSecretRef(value)
    if (ref) refs.push({ path, ref })
    else
      malformed.push(
        `${path}: "${redactText(value)}" is not a Secret Manager reference; expected sm://projects/PROJECT/secrets/NAME[/versions/VERSION]`,
      )
  }
  if (malformed.length) throw new ConfigError(malformed)
  return refs
}

async function readSecret(accessor: SecretAccessor, r: Reference): Promise<string> {
  const value = (await accessor.access(r.ref)).trim()
  if (!value) throw new Error('the secret version is empty')
  return value
}

function issue(r: Reference, result: PromiseRejectedResult): string {
  const reason = result.reason instanceof Error ? result.reason.message : String(result.reason)
  // The reason comes from Secret Manager (permission, not found); trimmed and redacted anyway.
  return `${r.path}: could not read sm://${r.ref}: ${redactText(reason).slice(0, 300)}`
}

/** The real accessor: @google-cloud/secret-manager with Application Default Credentials. */
export async function createGoogleSecretAccessor(): Promise<SecretAccessor> {
  const { SecretManagerServiceClient } = await import('@google-cloud/secret-manager')
  const client = new SecretManagerServiceClient()
  return {
    access: async (name) => {
      const [version] = await client.accessSecretVersion({ name })
      const data = version.payload?.data
      if (data == null) return ''
      return typeof data === 'string' ? data : Buffer.from(data).toString('utf8')
    },
    close: () => client.close(),
  }
}

function getPath(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root)
}

function setPath(root: Record<string, unknown>, path: string, value: string) {
  const keys = path.split('.')
  const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, root)
  parent[keys[keys.length - 1]!] = value
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
