// Signed, expiring download links for report files, served by this same server under
// /_storage/ (GitHub hands out blob-storage URLs). The path names the report and the instant it
// was generated, so a download returns the snapshot the report endpoint described even if the
// clock moved since; `exp` is epoch seconds and `sig` an HMAC over path and expiry.

import { createHmac, timingSafeEqual } from 'node:crypto'

export const STORAGE_PREFIX = '/_storage/copilot-reports'

export type ReportKind =
  | 'organization-1-day'
  | 'organization-28-day'
  | 'enterprise-1-day'
  | 'enterprise-28-day'
  | 'users-1-day'
  | 'users-28-day'
  | 'user-teams-1-day'

export interface ReportFile {
  scope: 'orgs' | 'enterprises'
  owner: string
  kind: ReportKind
  /** 'YYYY-MM-DD' for 1-day reports, 'YYYY-MM-DD_YYYY-MM-DD' for 28-day ones. */
  period: string
  generatedAtMs: number
  part: number
  parts: number
}

export type LinkCheck = 'ok' | 'expired' | 'bad-signature'

export function isNdjson(kind: ReportKind): boolean {
  return kind.startsWith('users-') || kind === 'user-teams-1-day'
}

export function filePath(f: ReportFile): string {
  const ext = isNdjson(f.kind) ? 'ndjson' : 'json'
  return `${STORAGE_PREFIX}/${f.scope}/${f.owner}/${f.kind}/${f.period}/${f.generatedAtMs}/part-${f.part}-of-${f.parts}.${ext}`
}

const PATH_RE = new RegExp(
  `^${STORAGE_PREFIX}/(orgs|enterprises)/([^/]+)/([a-z0-9-]+)/([0-9_-]+)/(\\d+)/part-(\\d+)-of-(\\d+)\\.(?:ndjson|json)$`,
)

export function parseFilePath(path: string): ReportFile | undefined {
  const m = PATH_RE.exec(path)
  if (!m) return undefined
  const [, scope, owner, kind, period, generatedAt, part, parts] = m as unknown as string[]
  return {
    scope: scope as ReportFile['scope'],
    owner: owner as string,
    kind: kind as ReportKind,
    period: period as string,
    generatedAtMs: Number(generatedAt),
    part: Number(part),
    parts: Number(parts),
  }
}

export interface LinkSigner {
  /** An absolute URL valid until `nowMs + ttlMs` (rounded down to the second). */
  sign(origin: string, file: ReportFile, nowMs: number, ttlMs: number): string
  check(path: string, query: { sig?: string; exp?: string }, nowMs: number): LinkCheck
}

export function createLinkSigner(secret: string): LinkSigner {
  const mac = (path: string, exp: string) =>
    createHmac('sha256', secret).update(`${path}\n${exp}`).digest('hex')
  return {
    sign(origin, file, nowMs, ttlMs) {
      const path = filePath(file)
      const exp = String(Math.floor((nowMs + ttlMs) / 1000))
      return `${origin}${path}?exp=${exp}&sig=${mac(path, exp)}`
    },
    check(path, query, nowMs) {
      const { sig = '', exp = '' } = query
      if (!/^\d+$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig)) return 'bad-signature'
      const expected = Buffer.from(mac(path, exp), 'hex')
      if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return 'bad-signature'
      return nowMs > Number(exp) * 1000 ? 'expired' : 'ok'
    },
  }
}
