import { describe, expect, it } from 'vitest'
import { jobOrder, loadWorkflow, needsOf, readWorkflowText, stepsUsing } from './workflow.js'

const workflow = loadWorkflow()
const text = readWorkflowText()
const job = (id: string) => workflow.jobs[id]!
const runs = (id: string) =>
  job(id)
    .steps.map((s) => s.run ?? '')
    .join('\n')

describe('deploy workflow', () => {
  it('runs on push to main and on manual dispatch', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null })
  })

  it('orders its jobs test → build → migrate → staging → smoke → production', () => {
    const chain = ['test', 'build', 'migrate', 'staging', 'smoke', 'production']
    expect(jobOrder(workflow)).toEqual(chain)
    chain.slice(1).forEach((id, i) => expect(needsOf(job(id))).toEqual([chain[i]]))
  })

  it('tests on Node 20 with npm ci and npm run check (typecheck, lint, format, tests)', () => {
    expect(job('test').strategy?.matrix?.node).toContain('20')
    const [setup] = stepsUsing(workflow, 'actions/setup-node')
    expect(setup![1].with?.['node-version']).toBe('${{ matrix.node }}')
    expect(runs('test')).toMatch(/^npm ci\b/m)
    expect(runs('test')).toMatch(/^npm run check$/m)
  })

  it('reads only repository contents by default and mints OIDC tokens only where it deploys', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    for (const [id, step] of stepsUsing(workflow, 'google-github-actions/auth')) {
      expect({ id, perms: job(id).permissions }).toEqual({
        id,
        perms: { contents: 'read', 'id-token': 'write' },
      })
      expect(step.with?.workload_identity_provider).toBe('${{ vars.GCP_WIF_PROVIDER }}')
      expect(String(step.with?.service_account)).toMatch(/^\$\{\{ vars\.GCP_\w+_SA \}\}$/)
    }
    expect(job('test').permissions).toBeUndefined()
  })

  it('authenticates by Workload Identity Federation, never with a stored key', () => {
    const authJobs = stepsUsing(workflow, 'google-github-actions/auth').map(([id]) => id)
    expect(authJobs).toEqual(['build', 'migrate', 'staging', 'smoke', 'production'])
    expect(text).not.toMatch(/credentials_json|GCP_SA_KEY|service_account_key|secrets\./)
  })

  it('pushes to Artifact Registry under the commit SHA, not to gcr.io', () => {
    expect(workflow.env?.IMAGE).toBe(
      'us-central1-docker.pkg.dev/${{vars.GCP_PROJECT_ID}}/ai-usage/ai-usage-pipeline:${{github.sha}}',
    )
    expect(text).not.toContain('gcr.io')
    expect(runs('build')).toContain('docker push "$IMAGE"')
    expect(job('build').if).toBe("github.ref == 'refs/heads/main'")
  })

  it('migrates staging with the new image before deploying it', () => {
    const migrate = runs('migrate')
    expect(job('migrate').env?.JOB).toBe('ai-usage-pipeline-staging-migrate')
    expect(
      migrate.indexOf('gcloud run jobs update "$JOB" --image "$IMAGE"'),
    ).toBeGreaterThanOrEqual(0)
    expect(migrate).toMatch(/gcloud run jobs execute "\$JOB" --wait/)
  })

  it('deploys both services private, with --no-allow-unauthenticated', () => {
    const deploys = stepsUsing(workflow, 'google-github-actions/deploy-cloudrun')
    expect(deploys.map(([id, step]) => [id, step.with?.service])).toEqual([
      ['staging', 'ai-usage-pipeline-staging'],
      ['production', '${{ env.SERVICE }}'],
    ])
    expect(job('production').env?.SERVICE).toBe('ai-usage-pipeline')
    for (const [, step] of deploys) {
      expect(step.with?.flags).toContain('--no-allow-unauthenticated')
      expect(step.with?.image).toBe('${{ env.IMAGE }}')
    }
    expect(text).not.toMatch(/--allow-unauthenticated/)
  })

  it('smoke-tests staging /healthz with an identity token for the service URL', () => {
    const auth = job('smoke').steps.find((s) => s.uses?.startsWith('google-github-actions/auth@'))
    expect(auth?.with).toMatchObject({
      token_format: 'id_token',
      id_token_audience: '${{ needs.staging.outputs.url }}',
    })
    expect(runs('smoke')).toContain('--header "Authorization: Bearer ${TOKEN}"')
    expect(runs('smoke')).toMatch(/for path in \/healthz/)
    expect(job('staging').steps.some((s) => s.id === 'deploy')).toBe(true)
  })

  it('deploys production from the reviewed `production` environment, migrating first', () => {
    expect(job('production').environment).toMatchObject({ name: 'production' })
    const steps = job('production').steps
    const migrate = steps.findIndex((s) => s.run?.includes('gcloud run jobs execute'))
    const deploy = steps.findIndex((s) => s.uses?.startsWith('google-github-actions/deploy'))
    expect(migrate).toBeGreaterThan(0)
    expect(deploy).toBeGreaterThan(migrate)
  })

  it('uses current major versions of every action, pinned to a major', () => {
    const floor: Record<string, number> = {
      'actions/checkout': 4,
      'actions/setup-node': 4,
      'google-github-actions/auth': 2,
      'google-github-actions/setup-gcloud': 2,
      'google-github-actions/deploy-cloudrun': 2,
    }
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => s.uses ?? []))
    for (const ref of uses) {
      const [action, version] = ref.split('@') as [string, string]
      expect(Object.keys(floor)).toContain(action)
      expect(version).toMatch(/^v\d+$/)
      expect(Number(version.slice(1))).toBeGreaterThanOrEqual(floor[action]!)
    }
  })
})
