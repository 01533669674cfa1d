// Reads the identity map from a Google Sheet: Sheets API v4 `values.get` with an OAuth token
// for the read-only spreadsheets scope. Credentials come from Application Default Credentials
// through google-auth-library (the Cloud Run service account, or `gcloud auth
// application-default login` locally); the sheet must be shared (Viewer) with that account.
// Behind an interface so tests use a local double; the HTTP goes through our client (retries,
// Retry-After, no token in logs or errors).

import { z } from 'zod'
import { GoogleAuth } from 'google-auth-library'
import type { Clock } from '../core/clock.js'
import { PipelineError } from '../core/errors.js'
import type { Logger } from '../core/logger.js'
import { bearerAuth } from '../http/auth.js'
import { createHttpClient } from '../http/client.js'

export const SHEETS_READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly'

/** The identity map's cells, row by row, header first. */
export interface IdentitySheetReader {
  /** Where the map comes from, for messages and the import record (no secret in it). */
  readonly name: string
  readValues(signal?: AbortSignal): Promise<string[][]>
}

export interface GoogleSheetReaderOptions {
  sheetId: string
  /** A1 notation: 'Sheet1!A:F'. */
  range: string
  baseUrl?: string
  /** Returns an OAuth access token; default: ADC with the read-only spreadsheets scope. */
  getAccessToken?: () => Promise<string>
  fetch?: typeof fetch
  clock?: Clock
  logger?: Logger
}

const valuesSchema = z.looseObject({
  range: z.string().optional(),
  majorDimension: z.string().optional(),
  values: z.array(z.array(z.union([z.string(), z.number(), z.boolean()]))).optional(),
})

/**
 * @example
 * const reader = createGoogleSheetReader({ sheetId: '1AbC…', range: 'Sheet1!A:F' })
 * const rows = await reader.readValues() // [['identity', 'email', 'team'], ['ada-dev', …]]
 */
export function createGoogleSheetReader(options: GoogleSheetReaderOptions): IdentitySheetReader {
  const token = options.getAccessToken ?? adcTokenProvider()
  const http = createHttpClient({
    vendor: 'google-sheets',
    baseUrl: options.baseUrl ?? 'https://sheets.googleapis.com',
    headers: async () => ({ authorization: bearerAuth(await token()) }),
    arrayStyle: 'repeat',
    authHint: 'share the sheet (Viewer) with the service account and check its credentials',
    clock: options.clock,
    logger: options.logger,
    fetch: options.fetch,
  })
  const path = `/v4/spreadsheets/${encodeURIComponent(options.sheetId)}/values/${encodeURIComponent(options.range)}`
  return {
    name: `google-sheet-${options.sheetId}`,
    readValues: async (signal) => {
      const res = await http.request({
        path,
        query: { majorDimension: 'ROWS', valueRenderOption: 'FORMATTED_VALUE' },
        endpoint: 'values.get',
        signal,
      })
      return cellsOf(res.body)
    },
  }
}

function cellsOf(body: unknown): string[][] {
  const parsed = valuesSchema.safeParse(body)
  if (!parsed.success) {
    throw new PipelineError(
      'SOURCE_PAYLOAD',
      'The Sheets API answered values.get with an unexpected shape (expected {values: [[…]]}).',
      { context: { vendor: 'google-sheets', resource: 'identity_sheet' } },
    )
  }
  return (parsed.data.values ?? []).map((row) => row.map((cell) => String(cell)))
}

/** Application Default Credentials, read-only scope; the client is built on first use. */
function adcTokenProvider(): () => Promise<string> {
  let auth: GoogleAuth | undefined
  return async () => {
    auth ??= new GoogleAuth({ scopes: [SHEETS_READONLY_SCOPE] })
    const token = await auth.getAccessToken()
    if (!token) {
      throw new PipelineError(
        'SOURCE_AUTH',
        'No Google credentials for the identity sheet: run on a service account or set up Application Default Credentials.',
        { context: { vendor: 'google-sheets', resource: 'identity_sheet' } },
      )
    }
    return token
  }
}
