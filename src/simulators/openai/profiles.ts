// Project archetypes of the synthetic organization: what each project spends on, with which
// models, and who calls it. Three projects always exist (one archived, with history before its
// archival); up to three optional ones are added per seed. Tools of an absent optional project
// move to the Default project, so every usage endpoint has data whatever the seed.

import type { UsageKind } from './kinds.js'

export interface ProjectProfile {
  name: string
  /** Relative share of the organization's daily spend while the project is live. */
  weight: number
  /** Chat model aliases and their relative use. */
  chatModels: ReadonlyArray<readonly [alias: string, weight: number]>
  /** Permille of the project's daily budget per non-completions kind (0 = volume-driven). */
  tools: Partial<Record<UsageKind, number>>
  /** Models its service-account keys send through the Batch API. */
  batchModels: readonly string[]
  /** Models sent with `service_tier: "flex"`. */
  flexModels: readonly string[]
  serviceAccounts: readonly string[]
  /** Creation, as a fraction of the history (negative: before the first day with data). */
  createdAt: number
  /** Archival, as a fraction of the history; usage stops that day. */
  archivedAt?: number
  isRequired: boolean
}

function profile(
  p: Partial<ProjectProfile> & Pick<ProjectProfile, 'name' | 'weight' | 'chatModels' | 'createdAt'>,
): ProjectProfile {
  return {
    tools: {},
    batchModels: [],
    flexModels: [],
    serviceAccounts: [],
    isRequired: false,
    ...p,
  }
}

export const PROJECT_PROFILES: readonly ProjectProfile[] = [
  profile({
    name: 'Default project',
    weight: 8,
    chatModels: [
      ['gpt-4o-mini', 3],
      ['gpt-5-mini', 2],
    ],
    tools: { moderations: 0 },
    createdAt: -0.9,
    isRequired: true,
  }),
  profile({
    name: 'Production API',
    weight: 45,
    chatModels: [
      ['gpt-5', 4],
      ['gpt-5-mini', 3],
      ['gpt-4o-mini', 2],
    ],
    tools: {
      embeddings: 50,
      web_search_calls: 40,
      file_search_calls: 25,
      moderations: 0,
      vector_stores: 0,
    },
    serviceAccounts: ['prod-backend', 'prod-worker'],
    createdAt: -0.5,
    isRequired: true,
  }),
  profile({
    name: 'Legacy Chatbot',
    weight: 14,
    chatModels: [
      ['gpt-4o-mini', 3],
      ['gpt-4.1', 2],
    ],
    tools: { embeddings: 30 },
    serviceAccounts: ['legacy-bot'],
    createdAt: -0.8,
    archivedAt: 0.4,
    isRequired: true,
  }),
  profile({
    name: 'Data Platform',
    weight: 20,
    chatModels: [
      ['gpt-4o-mini', 3],
      ['o4-mini', 2],
      ['gpt-5-mini', 1],
    ],
    tools: { embeddings: 120, vector_stores: 0 },
    batchModels: ['gpt-4o-mini', 'gpt-5-mini'],
    serviceAccounts: ['etl-pipeline'],
    createdAt: -0.3,
  }),
  profile({
    name: 'Support Assistant',
    weight: 15,
    chatModels: [
      ['gpt-5-mini', 4],
      ['gpt-4o-mini', 1],
    ],
    tools: {
      audio_speeches: 60,
      audio_transcriptions: 80,
      file_search_calls: 40,
      web_search_calls: 20,
      vector_stores: 0,
    },
    serviceAccounts: ['support-bot'],
    createdAt: 0.25,
  }),
  profile({
    name: 'Research Sandbox',
    weight: 10,
    chatModels: [
      ['o4-mini', 3],
      ['gpt-5', 2],
    ],
    tools: { images: 150, code_interpreter_sessions: 60, web_search_calls: 30 },
    flexModels: ['o4-mini'],
    createdAt: 0.55,
  }),
]

/** Gives the first profile (Default project) every tool no chosen profile covers. */
export function withFallbackTools(chosen: readonly ProjectProfile[]): ProjectProfile[] {
  const covered = new Set(chosen.flatMap((p) => Object.keys(p.tools)))
  const missing = PROJECT_PROFILES.flatMap((p) => Object.entries(p.tools)).filter(
    ([kind]) => !covered.has(kind),
  )
  const [first, ...rest] = chosen
  if (!first) return []
  return [{ ...first, tools: { ...first.tools, ...Object.fromEntries(missing) } }, ...rest]
}
