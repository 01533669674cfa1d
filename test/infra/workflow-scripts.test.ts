import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadWorkflow } from './workflow.js'

// GitHub runs each `run:` block as `bash -e {0}`; shellcheck sees the same script with every
// ${{ expression }} replaced by a plain word (what actionlint does), so quoting mistakes in
// the deploy steps are caught here rather than on the first push to main.
const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0

function runBlocks(): { where: string; script: string }[] {
  const workflow = loadWorkflow()
  return Object.entries(workflow.jobs).flatMap(([id, job]) =>
    job.steps
      .filter((step) => step.run !== undefined)
      .map((step, i) => ({
        where: `${id}: ${step.name ?? step.run!.split('\n')[0]} (#${i})`,
        script: step.run!,
      })),
  )
}

function shellcheck(dir: string, script: string): { status: number | null; output: string } {
  const file = join(dir, 'step.sh')
  const body = script.replace(/\$\{\{[^}]*\}\}/g, 'GHA_EXPRESSION')
  writeFileSync(file, `#!/usr/bin/env bash\nset -e\n${body}\n`)
  const result = spawnSync('shellcheck', ['--format=gcc', file], { encoding: 'utf8' })
  return { status: result.status, output: result.stdout + result.stderr }
}

describe.skipIf(!hasShellcheck)('workflow run: blocks', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ai-usage-workflow-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('pass shellcheck', () => {
    const blocks = runBlocks()
    expect(blocks.length).toBeGreaterThanOrEqual(10)
    for (const { where, script } of blocks) {
      expect({ where, ...shellcheck(dir, script) }).toEqual({ where, status: 0, output: '' })
    }
  })

  it('would catch an unquoted expansion', () => {
    const result = shellcheck(dir, 'base=$(echo x)\ndocker pull $base')
    expect(result.status).not.toBe(0)
    expect(result.output).toContain('SC2086')
  })
})
