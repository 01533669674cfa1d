import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from './terraform.js'

// scripts/lint-deploy.sh is what CI runs; here it runs only where both linters are installed
// (Debian packages shellcheck and yamllint), so a missing tool skips rather than fails.
const has = (tool: string) => spawnSync(tool, ['--version']).status === 0
const script = join(REPO_ROOT, 'scripts/lint-deploy.sh')

describe('scripts/lint-deploy.sh', () => {
  it.skipIf(!has('shellcheck') || !has('yamllint'))('passes on the committed files', () => {
    const result = spawnSync('bash', [script, '--require-tools'], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('lint-deploy: shellcheck')
    expect(result.stdout).toContain('lint-deploy: yamllint .github/workflows')
    expect(result.stdout.trim().split('\n').at(-1)).toBe('lint-deploy: ok')
    expect(result.status).toBe(0)
  })

  it('rejects an unknown option with a usage message', () => {
    const result = spawnSync('bash', [script, '--no-such-option'], { encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('usage:')
  })
})
