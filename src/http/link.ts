// Parses RFC 8288 `Link` headers, as GitHub sends them for paging:
// `<https://api.github.com/…&page=2>; rel="next", <…&page=5>; rel="last"`.

const LINK_PART = /<([^>]*)>((?:\s*;\s*[^;,]+)*)/g
const REL_PARAM = /;\s*rel\s*=\s*"?([^";]+)"?/i

/**
 * The target of the `rel="next"` link, or undefined when there is none (the last page).
 * @example parseNextLink('<https://x/y?page=2>; rel="next"') // 'https://x/y?page=2'
 */
export function parseNextLink(header: string | null): string | undefined {
  if (!header) return undefined
  for (const [, target, params = ''] of header.matchAll(LINK_PART)) {
    const rels = REL_PARAM.exec(params)?.[1]?.trim().toLowerCase().split(/\s+/) ?? []
    if (rels.includes('next') && target) return target
  }
  return undefined
}
