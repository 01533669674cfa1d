// Who may call the protected routes: a Google-signed ID token for this service (401 when
// missing or invalid) from a verified email on the invoker allow-list (403 otherwise).
// Cloud Run's IAM check runs first in production; this is the second lock, so a mistaken
// `allUsers` invoker grant or a direct hit on the container still runs nothing.
// Every refusal is logged with its reason and never with the token.

import type { Context, MiddlewareHandler } from 'hono'
import { describeError } from '../core/errors.js'
import {
  CertsUnavailableError,
  TokenRejectedError,
  type IdTokenClaims,
  type IdTokenVerifier,
} from './oidc.js'
import type { ServerEnv } from './types.js'

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/

export interface Caller {
  email: string
  subject: string
}

/** Refuses the request unless it carries a valid ID token from one of `invokers`. */
export function requireCaller(
  verifier: IdTokenVerifier,
  invokers: readonly string[],
): MiddlewareHandler<ServerEnv> {
  const allowed = new Set(invokers.map((e) => e.toLowerCase()))
  return async (c, next) => {
    const header = c.req.header('authorization')
    const token = header ? BEARER.exec(header.trim())?.[1] : undefined
    if (!token) return unauthenticated(c, header ? 'malformed_header' : 'missing_token')
    let claims: IdTokenClaims
    try {
      claims = await verifier.verify(token)
    } catch (error) {
      if (error instanceof TokenRejectedError) return unauthenticated(c, error.reason)
      return unavailable(c, error)
    }
    if (!claims.email || !claims.emailVerified || !allowed.has(claims.email.toLowerCase())) {
      c.var.log.warn('auth.refused', {
        status: 403,
        reason: claims.emailVerified ? 'caller_not_allowed' : 'email_not_verified',
        caller: claims.email ?? null,
        path: c.req.path,
      })
      return c.json({ error: 'caller is not allowed to use this route', code: 'FORBIDDEN' }, 403)
    }
    c.set('caller', { email: claims.email, subject: claims.sub })
    await next()
  }
}

function unauthenticated(c: Context<ServerEnv>, reason: string) {
  c.var.log.warn('auth.refused', { status: 401, reason, path: c.req.path })
  c.header('WWW-Authenticate', 'Bearer error="invalid_token"')
  return c.json(
    { error: 'a valid Google-signed ID token is required', code: 'UNAUTHENTICATED', reason },
    401,
  )
}

function unavailable(c: Context<ServerEnv>, error: unknown) {
  // Only our own error classes reach here with a message; anything else is summarized.
  const detail = error instanceof CertsUnavailableError ? error.message : describeError(error)
  c.var.log.error('auth.unavailable', { error: c.var.redact(detail), path: c.req.path })
  return c.json({ error: 'could not verify the caller now; retry', code: 'AUTH_UNAVAILABLE' }, 503)
}
