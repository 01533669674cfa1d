// The configuration docs must name every environment variable the code reads.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ENV_BINDINGS } from './env.js'

describe('docs/configuration.md', () => {
  const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8')
  it.each(ENV_BINDINGS.map((b) => [b.env, b.path]))('documents %s (%s)', (env, path) => {
    expect(doc).toContain(`\`${env}\``)
    expect(doc).toContain(`\`${path}\``)
  })
})
