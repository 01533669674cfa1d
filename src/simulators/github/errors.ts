// GitHub's error shapes: the REST API answers `{message, documentation_url, status}` (status
// as a string, as api.github.com now sends it); the blob storage behind report download links
// answers Azure-style XML (403 AuthenticationFailed for a bad or expired signature, 404 BlobNotFound).
// Plain Responses, not Hono helpers, so middleware and handlers share them.

import { DOCS } from './catalog.js'

export function githubError(status: number, message: string, documentationUrl = DOCS): Response {
  const body = JSON.stringify({
    message,
    documentation_url: documentationUrl,
    status: String(status),
  })
  return new Response(body, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
}

export const notFound = () => githubError(404, 'Not Found', `${DOCS}/copilot/copilot-usage-metrics`)

export const validationFailed = (message: string) =>
  githubError(422, `Invalid request.\n\n${message}`)

export function storageError(
  status: 403 | 404,
  code: string,
  message: string,
  detail?: string,
): Response {
  const extra = detail ? `<AuthenticationErrorDetail>${detail}</AuthenticationErrorDetail>` : ''
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message>${extra}</Error>`
  return new Response(body, { status, headers: { 'content-type': 'application/xml' } })
}
