import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, allResources, loadTerraform, moduleAt, resource } from './terraform.js'
import type { TfModule } from './terraform.js'

interface Grant {
  dir: string
  type: string
  name: string
  role: string
  member: string
}

let all: Map<string, TfModule>
let grants: Grant[]
beforeAll(async () => {
  all = await loadTerraform()
  grants = [...all.values()].flatMap((mod) =>
    allResources(mod)
      .filter(([type]) => /_iam_(member|binding|policy)$/.test(type))
      .map(([type, name, block]) => ({
        dir: mod.dir,
        type,
        name,
        role: String(block.role),
        member: String(block.member ?? block.members ?? block.policy_data),
      })),
  )
})

const env = () => moduleAt(all, 'modules/environment')
const grantsTo = (account: string) =>
  grants.filter((g) => g.member.includes(`google_service_account.${account}`))
const summary = (list: Grant[]) => list.map((g) => `${g.type} ${g.role}`).sort()

describe('IAM', () => {
  it('never grants anything to allUsers or allAuthenticatedUsers', () => {
    const texts = [...all.values()].map((mod) => mod.text)
    texts.push(readFileSync(join(REPO_ROOT, '.github/workflows/deploy.yaml'), 'utf8'))
    for (const text of texts) expect(text).not.toMatch(/allUsers|allAuthenticatedUsers/)
    expect(grants.length).toBeGreaterThan(10)
  })

  it('uses additive *_iam_member grants only, never authoritative bindings or policies', () => {
    expect(grants.filter((g) => !g.type.endsWith('_iam_member'))).toEqual([])
  })

  it('gives the scheduler account run.invoker on its service and nothing else', () => {
    expect(summary(grantsTo('scheduler'))).toEqual([
      'google_cloud_run_v2_service_iam_member roles/run.invoker',
    ])
    const invoker = resource(env(), 'google_cloud_run_v2_service_iam_member', 'scheduler_invoker')
    expect(invoker.name).toBe('${google_cloud_run_v2_service.pipeline[0].name}')
  })

  it('gives the runtime account its dataset, query jobs and each of its own secrets only', () => {
    expect(summary(grantsTo('runtime'))).toEqual([
      'google_bigquery_dataset_iam_member roles/bigquery.dataEditor',
      'google_project_iam_member roles/bigquery.jobUser',
      'google_secret_manager_secret_iam_member roles/secretmanager.secretAccessor',
    ])
    const dataset = resource(env(), 'google_bigquery_dataset_iam_member', 'runtime_data_editor')
    expect(dataset.dataset_id).toBe('${google_bigquery_dataset.warehouse.dataset_id}')
    const secrets = resource(
      env(),
      'google_secret_manager_secret_iam_member',
      'runtime_secret_accessor',
    )
    expect(secrets.for_each).toBe('${google_secret_manager_secret.vendor}')
    expect(secrets.secret_id).toBe('${each.value.secret_id}')
  })

  it('grants nothing project-wide except BigQuery jobUser, and no primitive or admin role', () => {
    const projectWide = grants.filter((g) => g.type === 'google_project_iam_member')
    expect(projectWide.map((g) => g.role)).toEqual(['roles/bigquery.jobUser'])
    for (const g of grants) {
      expect(g.role).not.toMatch(/^roles\/(owner|editor|viewer)$|\.admin$|securityAdmin/)
    }
  })

  it('lets the deployer roll out its service and jobs and act as the runtime account only', () => {
    expect(summary(grantsTo('deployer'))).toEqual([
      'google_cloud_run_v2_job_iam_member roles/run.developer',
      'google_cloud_run_v2_service_iam_member roles/run.developer',
      'google_cloud_run_v2_service_iam_member roles/run.invoker',
      'google_service_account_iam_member roles/iam.serviceAccountUser',
    ])
    const actAs = resource(env(), 'google_service_account_iam_member', 'deployer_acts_as_runtime')
    expect(actAs.service_account_id).toBe('${google_service_account.runtime.name}')
    const invoke = resource(env(), 'google_cloud_run_v2_service_iam_member', 'deployer_invoker')
    expect(invoke.count).toContain('var.deployer_can_invoke')
  })

  it('lets operators call the service and read the dataset, nothing more', () => {
    const operators = grants.filter((g) => g.name.startsWith('operator_'))
    expect(summary(operators)).toEqual([
      'google_bigquery_dataset_iam_member roles/bigquery.dataViewer',
      'google_cloud_run_v2_service_iam_member roles/run.invoker',
    ])
    for (const g of operators) expect(g.member).toBe('${each.value}')
  })

  it('lets only the production environment impersonate the production deployer', () => {
    const principal = (root: string) =>
      String(moduleAt(all, `envs/${root}`).locals.deployer_principal)
    expect(principal('production')).toMatch(
      /\/subject\/repo:\$\{var\.github_repository\}:environment:production$/,
    )
    expect(principal('staging')).toMatch(
      /\/subject\/repo:\$\{var\.github_repository\}:ref:refs\/heads\/main$/,
    )
    const call = (root: string) => moduleAt(all, `envs/${root}`).modules.environment!
    expect(call('production').deployer_can_invoke).toBe(false)
    expect(call('staging').deployer_can_invoke).toBe(true)
  })

  it('admits GitHub tokens from this repository only, by name and immutable id', () => {
    const shared = moduleAt(all, 'envs/shared')
    const provider = resource(shared, 'google_iam_workload_identity_pool_provider', 'github')
    expect(provider.attribute_condition).toContain(
      'assertion.repository == "${var.github_repository}"',
    )
    expect(provider.attribute_condition).toContain(
      'assertion.repository_id == "${var.github_repository_id}"',
    )
    expect(JSON.stringify(provider.oidc)).toContain('https://token.actions.githubusercontent.com')
    const build = grants.filter((g) => g.dir === 'envs/shared')
    expect(summary(build)).toEqual([
      'google_artifact_registry_repository_iam_member roles/artifactregistry.writer',
      'google_service_account_iam_member roles/iam.workloadIdentityUser',
    ])
    expect(String(shared.locals.main_branch_principal)).toMatch(/:ref:refs\/heads\/main$/)
  })

  it('creates vendor secrets without any secret version (values are added out of band)', () => {
    const types = [...all.values()].flatMap((mod) => allResources(mod).map(([type]) => type))
    expect(types).toContain('google_secret_manager_secret')
    expect(types).not.toContain('google_secret_manager_secret_version')
    expect(env().text).not.toMatch(/secret_data/)
  })
})
