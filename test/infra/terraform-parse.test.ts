import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from '@cdktf/hcl2json'
import { moduleCallProblems, unresolvedReferences } from './references.js'
import { findTfFiles, labelled, loadTerraform, moduleAt, nested } from './terraform.js'
import type { TfModule } from './terraform.js'

const ROOTS = ['envs/shared', 'envs/dev', 'envs/staging', 'envs/production']

let all: Map<string, TfModule>
beforeAll(async () => {
  all = await loadTerraform()
})

describe('Terraform files', () => {
  it('parses every .tf file into a module for the reusable module and each root', () => {
    expect(findTfFiles().length).toBeGreaterThanOrEqual(20)
    expect([...all.keys()].sort()).toEqual([...ROOTS, 'modules/environment'].sort())
  })

  it('rejects deliberately broken HCL', async () => {
    const broken = [
      'resource "google_cloud_scheduler_job" "x" {\n  schedule = \n}\n',
      'resource "google_cloud_scheduler_job" "x" {\n  schedule = "0 6 * * *"\n',
      'variable "a" {\n  default = "unterminated\n}\n',
      'locals {\n  a = [1, 2\n}\n',
    ]
    for (const text of broken) {
      await expect(parse('broken.tf', text)).rejects.toThrow(/parse config/)
    }
  })

  it('accepts the same blocks once they are well formed', async () => {
    const ok = 'resource "google_cloud_scheduler_job" "x" {\n  schedule = "0 6 * * *"\n}\n'
    const parsed = (await parse('ok.tf', ok)) as { resource: Record<string, unknown> }
    expect(parsed.resource).toHaveProperty('google_cloud_scheduler_job')
  })

  it('resolves every var, local, module, data and resource reference within its module', () => {
    for (const mod of all.values()) {
      expect({ dir: mod.dir, unresolved: unresolvedReferences(mod) }).toEqual({
        dir: mod.dir,
        unresolved: [],
      })
    }
  })

  it('finds an unresolved reference when one is introduced', () => {
    const mod = moduleAt(all, 'modules/environment')
    const broken = { ...mod, locals: { ...mod.locals, typo: '${var.no_such_variable}' } }
    expect(unresolvedReferences(broken)).toEqual(['var.no_such_variable'])
  })

  it('calls the environment module with declared variables, all required ones, real outputs', () => {
    for (const dir of ROOTS) {
      expect({ dir, problems: moduleCallProblems(moduleAt(all, dir), all) }).toEqual({
        dir,
        problems: [],
      })
    }
  })

  it('reports unknown arguments and missing required variables of a module call', () => {
    const root = moduleAt(all, 'envs/staging')
    const call = { source: '../../modules/environment', dataset_id: 'x', bogus: true }
    const broken = { ...root, modules: { environment: call } }
    const problems = moduleCallProblems(broken, all)
    expect(problems).toContain('module.environment: unknown argument bogus')
    expect(problems).toContain('module.environment: missing project_id')
    expect(problems).toContain('module.environment: missing environment')
  })

  it('gives each root its own GCS state prefix and pins the Google provider to 7.x', () => {
    const prefixes = ROOTS.map((dir) => {
      const tf = moduleAt(all, dir).terraform[0]!
      const google = nested(tf, 'required_providers').google as Record<string, string>
      expect(google).toEqual({ source: 'hashicorp/google', version: '~> 7.0' })
      return labelled(tf, 'backend', 'gcs').prefix
    })
    expect(prefixes).toEqual(ROOTS.map((dir) => `ai-usage/${dir.replace('envs/', '')}`))
  })

  it('keeps backends and provider configuration out of the reusable module', () => {
    const mod = moduleAt(all, 'modules/environment')
    expect(mod.terraform.every((tf) => !('backend' in tf))).toBe(true)
    expect(mod.providers).toEqual({})
  })
})
