// The middleware that applies a fault engine's decisions: a failure replaces the response with
// the vendor's own (from its responder), a truncation lets the route answer and then cuts the
// body in half under status 200, so the client sees a success whose JSON does not parse.
// Faults change responses only, never the data behind them.

import type { Context, MiddlewareHandler } from 'hono'
import type { FaultEngine, PathScoped } from './faults.js'

export interface FaultResponder<Spec> {
  /** The vendor's failure response for `spec`: its error body and headers. */
  fail(c: Context, spec: Spec): Response | Promise<Response>
  /** Which route answers a scripted truncation cuts (default 'any': errors become 200s too). */
  truncate?: 'any' | 'ok-only'
}

export function injectFaults<Spec extends PathScoped>(
  engine: FaultEngine<Spec>,
  responder: FaultResponder<Spec>,
): MiddlewareHandler {
  return async (c, next) => {
    const decision = engine.decide(c.req.path)
    if (decision?.kind === 'fail') return responder.fail(c, decision.spec)
    await next()
    if (decision?.kind !== 'truncate') return
    if (responder.truncate === 'ok-only' && c.res.status !== 200) return
    const cut = await truncated(c.res)
    // Hono's res setter copies the old headers onto the new response; drop the old one first
    // so a stale content-length cannot survive.
    c.res = undefined
    c.res = cut
  }
}

/** The response's headers (less content-length) and the first half of its body, status 200. */
export async function truncated(res: Response): Promise<Response> {
  const text = await res.text()
  const headers = new Headers(res.headers)
  headers.delete('content-length')
  return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers })
}
