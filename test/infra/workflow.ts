// Reads .github/workflows/deploy.yaml with the `yaml` package (YAML 1.2, so `on` stays a
// string key) into a small typed view the workflow tests share.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from './terraform.js'

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}

export interface Job {
  needs?: string | string[]
  if?: string
  environment?: string | { name: string; url?: string }
  permissions?: Record<string, string>
  env?: Record<string, string>
  strategy?: { matrix?: Record<string, unknown> }
  steps: Step[]
}

export interface Workflow {
  name: string
  on: Record<string, unknown>
  permissions?: Record<string, string>
  env?: Record<string, string>
  jobs: Record<string, Job>
}

export const WORKFLOW_PATH = join(REPO_ROOT, '.github/workflows/deploy.yaml')

export function readWorkflowText(): string {
  return readFileSync(WORKFLOW_PATH, 'utf8')
}

export function loadWorkflow(): Workflow {
  return parse(readWorkflowText()) as Workflow
}

export function needsOf(job: Job): string[] {
  if (job.needs === undefined) return []
  return Array.isArray(job.needs) ? job.needs : [job.needs]
}

/** Jobs in the order GitHub can run them (each after all it needs); throws on a cycle. */
export function jobOrder(workflow: Workflow): string[] {
  const order: string[] = []
  const pending = new Set(Object.keys(workflow.jobs))
  while (pending.size > 0) {
    const ready = [...pending].filter((id) =>
      needsOf(workflow.jobs[id]!).every((need) => order.includes(need)),
    )
    if (ready.length === 0) throw new Error(`cycle among ${[...pending].join(', ')}`)
    for (const id of ready.sort()) {
      order.push(id)
      pending.delete(id)
    }
  }
  return order
}

/** Steps of every job that use an action whose name starts with `action`. */
export function stepsUsing(workflow: Workflow, action: string): [string, Step][] {
  return Object.entries(workflow.jobs).flatMap(([id, job]) =>
    job.steps.filter((s) => s.uses?.startsWith(`${action}@`)).map((s): [string, Step] => [id, s]),
  )
}
