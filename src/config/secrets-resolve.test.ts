import { beforeEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from './load.js'
import { parseSecretRef, resolveSecretRefs, type SecretAccessor } from './secrets-resolve.js'

// The real client module, replaced: counts constructions and serves one secret.
const google = vi.hoisted(() => ({ constructed: 0, closed: 0, names: [] as string[] }))
vi.mock('@google-cloud/secret-manager', () => ({
  SecretManagerServiceClient: class {
    constructor() {
      google.constructed++
    }
    accessSecretVersion({ name }: { name: string }) {
      google.names.push(name)
      return Promise.resolve([
        { payload: { data: Buffer.from('sk-ant-admin01-FROM-GOOGLE-0000\n') } },
      ])
    }
    close() {
      google.closed++
      return Promise.resolve()
    }
  },
}))

const REF = 'sm://projects/acme/secrets/anthropic-admin-key'
const VALUE = 'sk-ant-admin01-' + 'RESOLVED-abcdef0123456789'

function config(key?: string) {
  return loadConfig({ env: key ? { ANTHROPIC_ADMIN_API_KEY: key } : {}, file: undefined })
}

function fakeAccessor(values: Record<string, string>): SecretAccessor & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    access: (name) => {
      calls.push(name)
      const v = values[name]
      return v === undefined
        ? Promise.reject(new Error(`5 NOT_FOUND: Secret [${name}] not found or has no versions.`))
        : Promise.resolve(v)
    },
  }
}

beforeEach(() => {
  Object.assign(google, { constructed: 0, closed: 0, names: [] })
})

describe('parseSecretRef', () => {
  it('defaults the version to latest and keeps an explicit one', () => {
    expect(parseSecretRef(REF)).toBe('projects/acme/secrets/anthropic-admin-key/versions/latest')
    expect(parseSecretRef(`${REF}/versions/7`)).toBe(
      'projects/acme/secrets/anthropic-admin-key/versions/7',
    )
    expect(parseSecretRef('sm://acme/anthropic')).toBeUndefined()
    expect(parseSecretRef(VALUE)).toBeUndefined()
  })
})

describe('resolveSecretRefs', () => {
  it('replaces an sm:// value with the secret and freezes the result', async () => {
    const accessor = fakeAccessor({ [parseSecretRef(REF)!]: `${VALUE}\n` })
    const resolved = await resolveSecretRefs(config(REF), { createAccessor: () => accessor })
    expect(resolved.sources.anthropic.adminApiKey).toBe(VALUE)
    expect(accessor.calls).toEqual(['projects/acme/secrets/anthropic-admin-key/versions/latest'])
    expect(Object.isFrozen(resolved.sources.anthropic)).toBe(true)
  })

  it('leaves plain values alone and never builds a client without a reference', async () => {
    const factory = vi.fn(() => fakeAccessor({}))
    const plain = config(VALUE)
    expect(await resolveSecretRefs(plain, { createAccessor: factory })).toBe(plain)
    expect(await resolveSecretRefs(config(), { createAccessor: factory })).toEqual(config())
    expect(factory).not.toHaveBeenCalled()
  })

  it('names the field and the reference when a secret cannot be read, never a value', async () => {
    const error = await resolveSecretRefs(config(`${REF}/versions/3`), {
      createAccessor: () => fakeAccessor({ other: VALUE }),
    }).then(
      () => new Error('resolved, expected a failure'),
      (e: unknown) => e as Error,
    )
    expect(error.name).toBe('ConfigError')
    expect(error.message).toContain('sources.anthropic.adminApiKey')
    expect(error.message).toContain('sm://projects/acme/secrets/anthropic-admin-key/versions/3')
    expect(error.message).toContain('NOT_FOUND')
    expect(error.message).not.toContain(VALUE)
  })

  it('refuses an empty secret version and a malformed reference', async () => {
    const empty = resolveSecretRefs(config(REF), {
      createAccessor: () => fakeAccessor({ [parseSecretRef(REF)!]: '  \n' }),
    })
    await expect(empty).rejects.toThrow(/adminApiKey: could not read .*empty/)
    const malformed = resolveSecretRefs(config('sm://anthropic-admin-key'), {
      createAccessor: () => fakeAccessor({}),
    })
    await expect(malformed).rejects.toThrow(/not a Secret Manager reference/)
  })

  it('constructs the real Google client lazily, once, and closes it', async () => {
    await resolveSecretRefs(config(VALUE))
    expect(google.constructed).toBe(0)
    const resolved = await resolveSecretRefs(config(REF))
    expect(google.constructed).toBe(1)
    expect(google.names).toEqual(['projects/acme/secrets/anthropic-admin-key/versions/latest'])
    expect(resolved.sources.anthropic.adminApiKey).toBe('sk-ant-admin01-' + 'FROM-GOOGLE-0000')
    expect(google.closed).toBe(1)
  })
})
