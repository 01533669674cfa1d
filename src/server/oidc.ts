// Verifies Google-signed OIDC ID tokens (what Cloud Scheduler sends) with google-auth-library:
// certificates from a configurable URL (Google's by default, a loopback server in tests) or an
// injected function, then `verifySignedJwtWithCertsAsync` for signature, issuer, audience and
// lifetime, then a tighter expiry check of our own (the library allows 5 minutes of skew).
// The library's error messages embed the whole token, so they are classified into a reason
// and dropped: nothing from them reaches a log, a response or an error's `cause`.

import { OAuth2Client } from 'google-auth-library'

export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com']
export const GOOGLE_CERTS_URL = 'https://www.googleapis.com/oauth2/v1/certs'

export type TokenRefusal =
  | 'malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'invalid'

/** The claims the app relies on. */
export interface IdTokenClaims {
  iss: string
  aud: string
  sub: string
  email?: string
  emailVerified: boolean
  exp: number
  iat: number
}

/** A token that is not a valid Google ID token for this service (answered 401). */
export class TokenRejectedError extends Error {
  constructor(readonly reason: TokenRefusal) {
    super(`ID token rejected: ${reason}`)
    this.name = 'TokenRejectedError'
  }
}

/** The signing certificates could not be fetched (our problem, answered 503). */
export class CertsUnavailableError extends Error {
  constructor() {
    super('could not fetch the ID-token signing certificates')
    this.name = 'CertsUnavailableError'
  }
}

export interface IdTokenVerifier {
  /** Resolves the claims or throws TokenRejectedError / CertsUnavailableError. */
  verify(token: string): Promise<IdTokenClaims>
}

export interface GoogleVerifierOptions {
  audience: string
  /** PEM certificates by key id (Google's v1 certs format). Default: the library's cached fetch. */
  certsUrl?: string
  fetchCerts?: () => Promise<Record<string, string>>
  /** Allowed clock difference on `exp`/`iat`, seconds (default 60). */
  clockSkewSeconds?: number
  now?: () => number
}

/**
 * @example
 * const verifier = createGoogleIdTokenVerifier({ audience: 'https://svc-123.us-central1.run.app' })
 * const claims = await verifier.verify(bearerToken)
 */
export function createGoogleIdTokenVerifier(options: GoogleVerifierOptions): IdTokenVerifier {
  const client = new OAuth2Client({
    endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl ?? GOOGLE_CERTS_URL },
  })
  // The library caches the certificates for the max-age Google sends (hours).
  const fetchCerts =
    options.fetchCerts ??
    (async () => (await client.getFederatedSignonCertsAsync()).certs as Record<string, string>)
  const skew = options.clockSkewSeconds ?? 60
  const now = options.now ?? Date.now
  return {
    verify: async (token) => {
      const certs = await fetchCerts().catch(() => {
        throw new CertsUnavailableError()
      })
      const payload = await verifyWithLibrary(client, token, certs, options.audience)
      const claims = toClaims(payload)
      const nowSec = now() / 1000
      if (nowSec > claims.exp + skew) throw new TokenRejectedError('expired')
      if (nowSec < claims.iat - skew) throw new TokenRejectedError('not_yet_valid')
      return claims
    },
  }
}

async function verifyWithLibrary(
  client: OAuth2Client,
  token: string,
  certs: Record<string, string>,
  audience: string,
): Promise<Record<string, unknown>> {
  try {
    const ticket = await client.verifySignedJwtWithCertsAsync(
      token,
      certs,
      audience,
      GOOGLE_ISSUERS,
    )
    return (ticket.getPayload() ?? {}) as Record<string, unknown>
  } catch (error) {
    throw new TokenRejectedError(classify(error))
  }
}

const REASONS: Array<[RegExp, TokenRefusal]> = [
  [/^(Wrong number of segments|Can't parse token)/, 'malformed'],
  [/^(No issue time|No expiration time|iat field|exp field|Expiration time too far)/, 'malformed'],
  [/^No pem found/, 'unknown_key'],
  [/^Invalid token signature/, 'bad_signature'],
  [/^Token used too late/, 'expired'],
  [/^Token used too early/, 'not_yet_valid'],
  [/^Invalid issuer/, 'wrong_issuer'],
  [/^Wrong recipient/, 'wrong_audience'],
]

function classify(error: unknown): TokenRefusal {
  const message = error instanceof Error ? error.message : ''
  return REASONS.find(([re]) => re.test(message))?.[1] ?? 'invalid'
}

function toClaims(p: Record<string, unknown>): IdTokenClaims {
  if (typeof p.sub !== 'string') throw new TokenRejectedError('malformed')
  return {
    iss: String(p.iss),
    aud: String(p.aud),
    sub: p.sub,
    email: typeof p.email === 'string' ? p.email : undefined,
    emailVerified: p.email_verified === true || p.email_verified === 'true',
    exp: Number(p.exp),
    iat: Number(p.iat),
  }
}
