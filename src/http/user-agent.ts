// The default User-Agent, `ai-usage-pipeline/<version> (+<homepage>)`, which Anthropic asks
// clients to send. The version is read from package.json at load, so it cannot drift from the
// release; `../../package.json` resolves both from src/http and from dist/http.

import { createRequire } from 'node:module'

interface PackageInfo {
  name?: string
  version?: string
  homepage?: string
}

function readPackageInfo(): PackageInfo {
  try {
    return createRequire(import.meta.url)('../../package.json') as PackageInfo
  } catch {
    return {}
  }
}

function userAgentOf(pkg: PackageInfo): string {
  const product = `${pkg.name ?? 'ai-usage-pipeline'}/${pkg.version ?? '0.0.0'}`
  return pkg.homepage ? `${product} (+${pkg.homepage})` : product
}

/** Sent on every request unless `userAgent` is given: 'ai-usage-pipeline/0.1.0'. */
export const DEFAULT_USER_AGENT = userAgentOf(readPackageInfo())
