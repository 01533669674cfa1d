// Wire shapes of the organization's dimension objects (projects, users, project users, service
// accounts, project API keys) and the list envelope they page in:
// `{object:"list", data, first_id, last_id, has_more}`, paged with `after` + `limit` (1–100).

import type {
  OpenaiApiKey,
  OpenaiOrg,
  OpenaiProject,
  OpenaiUser,
  ProjectMember,
  ServiceAccount,
} from './org.js'
import { invalidRequest } from './errors.js'
import { queryIntInRange } from './params.js'

export function listPage<T extends { id: string }>(items: readonly T[], params: URLSearchParams) {
  const limit = queryIntInRange(params, 'limit', { min: 1, max: 100, default: 20 })
  const after = params.get('after')
  const index = after === null ? -1 : items.findIndex((item) => item.id === after)
  if (after !== null && index < 0)
    throw invalidRequest("Invalid value for 'after': no such object in this list.", 'after')
  const data = items.slice(index + 1, index + 1 + limit)
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: index + 1 + limit < items.length,
  }
}

export function projectObject(project: OpenaiProject) {
  return {
    object: 'organization.project',
    id: project.id,
    name: project.name,
    created_at: project.createdAt,
    archived_at: project.archivedAt,
    status: project.archivedAt === null ? 'active' : 'archived',
  }
}

export function userObject(user: OpenaiUser) {
  return {
    object: 'organization.user',
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    added_at: user.addedAt,
  }
}

export function projectUserObject(member: ProjectMember, user: OpenaiUser) {
  return {
    object: 'organization.project.user',
    id: user.id,
    name: user.name,
    email: user.email,
    role: member.role,
    added_at: member.addedAt,
  }
}

export function serviceAccountObject(sa: ServiceAccount) {
  return {
    object: 'organization.project.service_account',
    id: sa.id,
    name: sa.name,
    role: sa.role,
    created_at: sa.createdAt,
  }
}

export function apiKeyObject(org: OpenaiOrg, key: OpenaiApiKey, lastUsedAt: number | null) {
  return {
    object: 'organization.project.api_key',
    id: key.id,
    name: key.name,
    redacted_value: key.redactedValue,
    created_at: key.createdAt,
    last_used_at: lastUsedAt,
    owner: ownerObject(org, key),
    owner_project_access: key.ownerProjectAccess,
  }
}

function ownerObject(org: OpenaiOrg, key: OpenaiApiKey) {
  if (key.owner.type === 'service_account') {
    const saId = key.owner.serviceAccountId
    const sa = org.serviceAccounts.find((s) => s.id === saId)
    return {
      type: 'service_account',
      service_account: sa && { id: sa.id, name: sa.name, role: sa.role, created_at: sa.createdAt },
    }
  }
  const userId = key.owner.userId
  const user = org.users.find((u) => u.id === userId)
  const member = org.members.find((m) => m.projectId === key.projectId && m.userId === userId)
  return {
    type: 'user',
    user: user && {
      id: user.id,
      email: user.email,
      name: user.name,
      role: member?.role ?? 'member',
      created_at: member?.addedAt ?? user.addedAt,
    },
  }
}
