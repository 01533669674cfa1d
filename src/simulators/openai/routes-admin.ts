// The mapping-dimension endpoints: projects, users, and per project its users, service accounts
// and API keys. Listing keys without `owner_project_access` returns only keys whose owner still
// has project access (`active`), so keys of removed members — whose ids still appear in usage —
// are missing unless the client asks for `any` (the SDK's documented gotcha).

import type { Hono } from 'hono'
import { dayOfEpochMs, startOfDayMs } from '../../core/days.js'
import {
  apiKeyObject,
  listPage,
  projectObject,
  projectUserObject,
  serviceAccountObject,
  userObject,
} from './admin-objects.js'
import type { OpenaiData } from './data.js'
import { notFound } from './errors.js'
import type { OpenaiOrg, OpenaiProject, ProjectMember } from './org.js'
import { queryEnum, queryList, queryOptionalBool } from './params.js'

export interface AdminDeps {
  data: OpenaiData
  now: () => Date
}

const LAST_USE_HOUR_S = 17 * 3600

export function registerAdminRoutes(app: Hono, deps: AdminDeps): void {
  const { org } = deps.data
  app.get('/v1/organization/projects', (c) => {
    const query = paramsOf(c.req.url)
    const includeArchived = queryOptionalBool(query, 'include_archived') ?? false
    const projects = sortedProjects(org).filter((p) => includeArchived || p.archivedAt === null)
    return c.json(listPage(projects.map(projectObject), query))
  })
  app.get('/v1/organization/projects/:id', (c) =>
    c.json(projectObject(findProjectOrThrow(org, c.req.param('id')))),
  )
  app.get('/v1/organization/users', (c) => {
    const query = paramsOf(c.req.url)
    const emails = new Set(queryList(query, 'emails'))
    const users = org.users.filter((u) => emails.size === 0 || emails.has(u.email))
    return c.json(listPage(users.map(userObject), query))
  })
  registerProjectRoutes(app, deps)
}

/** Per-project lists: users (current members only), service accounts, API keys. */
function registerProjectRoutes(app: Hono, deps: AdminDeps): void {
  const { org } = deps.data
  app.get('/v1/organization/projects/:id/users', (c) => {
    const project = findProjectOrThrow(org, c.req.param('id'))
    const today = dayOfEpochMs(deps.now().getTime())
    const isCurrent = (m: ProjectMember) => m.removedDay === null || m.removedDay > today
    const members = org.members.filter((m) => m.projectId === project.id && isCurrent(m))
    const objects = members.flatMap((m) =>
      org.users.filter((u) => u.id === m.userId).map((u) => projectUserObject(m, u)),
    )
    return c.json(listPage(objects, paramsOf(c.req.url)))
  })
  app.get('/v1/organization/projects/:id/service_accounts', (c) => {
    const project = findProjectOrThrow(org, c.req.param('id'))
    const accounts = org.serviceAccounts.filter((s) => s.projectId === project.id)
    return c.json(listPage(accounts.map(serviceAccountObject), paramsOf(c.req.url)))
  })
  app.get('/v1/organization/projects/:id/api_keys', (c) => {
    const project = findProjectOrThrow(org, c.req.param('id'))
    const query = paramsOf(c.req.url)
    const access = queryEnum(query, 'owner_project_access', ACCESS, 'active')
    const keys = org.apiKeys.filter(
      (k) => k.projectId === project.id && (access === 'any' || k.ownerProjectAccess === access),
    )
    const nowMs = deps.now().getTime()
    const objects = keys.map((k) => apiKeyObject(org, k, lastUsedAt(deps.data, k.id, nowMs)))
    return c.json(listPage(objects, query))
  })
}

const ACCESS = ['active', 'inactive', 'any'] as const

function paramsOf(url: string): URLSearchParams {
  return new URL(url).searchParams
}

function findProjectOrThrow(org: OpenaiOrg, id: string): OpenaiProject {
  const project = org.projects.find((p) => p.id === id)
  if (!project) throw notFound(`No such project: ${id}`, 'project_id')
  return project
}

/** Oldest first, the order the org grew in. */
function sortedProjects(org: OpenaiOrg): OpenaiProject[] {
  return [...org.projects].sort((a, b) => a.createdAt - b.createdAt)
}

/** An afternoon instant of the key's last day of usage, never after now. */
function lastUsedAt(data: OpenaiData, keyId: string, nowMs: number): number | null {
  const day = data.lastUsedDay(keyId, nowMs)
  if (day === null) return null
  return Math.min(Math.floor(nowMs / 1000), startOfDayMs(day) / 1000 + LAST_USE_HOUR_S)
}
