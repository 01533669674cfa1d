// The blob storage behind report download links. No Authorization header (the signature is the
// credential, as with a SAS URL); a bad or expired signature is 403 AuthenticationFailed and a
// well-signed link to a file that does not exist is 404 BlobNotFound, both as XML.

import { Hono } from 'hono'
import { storageError } from './errors.js'
import { isNdjson, parseFilePath, STORAGE_PREFIX, type LinkSigner } from './links.js'
import { fileBody, type ReportSource } from './report-files.js'

export interface StorageRouteDeps extends ReportSource {
  signer: LinkSigner
  nowMs: () => number
}

const AUTH_FAILED =
  'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.'

export function storageRoutes(deps: StorageRouteDeps): Hono {
  const app = new Hono()
  app.get(`${STORAGE_PREFIX}/*`, (c) => {
    const nowMs = deps.nowMs()
    const check = deps.signer.check(
      c.req.path,
      { sig: c.req.query('sig'), exp: c.req.query('exp') },
      nowMs,
    )
    if (check === 'bad-signature')
      return storageError(403, 'AuthenticationFailed', AUTH_FAILED, 'Signature did not match.')
    if (check === 'expired') {
      const expiry = new Date(Number(c.req.query('exp')) * 1000).toUTCString()
      const detail = `Signed expiry time [${expiry}] must be after signed start time [${new Date(nowMs).toUTCString()}]`
      return storageError(403, 'AuthenticationFailed', AUTH_FAILED, detail)
    }
    const file = parseFilePath(c.req.path)
    const { org } = deps.data
    const owner = file?.scope === 'orgs' ? org.login : org.enterprise.slug
    const body = file && file.owner === owner ? fileBody(deps, file) : undefined
    if (body === undefined || !file)
      return storageError(404, 'BlobNotFound', 'The specified blob does not exist.')
    const type = isNdjson(file.kind) ? 'application/x-ndjson' : 'application/json'
    return c.body(body, 200, { 'content-type': type })
  })
  return app
}
