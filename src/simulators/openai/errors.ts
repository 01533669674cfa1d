// OpenAI's error envelope `{"error":{"message","type","param","code"}}` and the errors the
// simulator answers with. Messages never echo the presented key (real OpenAI shows a masked
// prefix; we show nothing, so no test output can ever hold a secret).

export interface OpenaiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

export function openaiErrorBody(
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
): OpenaiErrorBody {
  return { error: { message, type, param, code } }
}

/** Thrown by handlers; app.ts turns it into the response. */
export class OpenaiApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: OpenaiErrorBody,
  ) {
    super(body.error.message)
    this.name = 'OpenaiApiError'
  }
}

export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
): OpenaiApiError {
  return new OpenaiApiError(400, openaiErrorBody(message, 'invalid_request_error', param, code))
}

export function notFound(message: string, param: string | null = null): OpenaiApiError {
  return new OpenaiApiError(404, openaiErrorBody(message, 'invalid_request_error', param, null))
}

export const MISSING_KEY = openaiErrorBody(
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  'invalid_request_error',
)

export const INVALID_KEY = openaiErrorBody(
  'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
  'invalid_request_error',
  null,
  'invalid_api_key',
)

/** [unverified] wording and code: a project key cannot read organization usage or costs. */
export const PROJECT_KEY_FORBIDDEN = openaiErrorBody(
  'You have insufficient permissions for this operation. Organization usage, costs and administration require an admin key (sk-admin-…).',
  'invalid_request_error',
  null,
  'insufficient_permissions',
)

/** The default body of a scripted or random failure with this status. */
export function faultBody(status: number): OpenaiErrorBody {
  if (status === 429) {
    return openaiErrorBody(
      'Rate limit reached for requests. Please try again later.',
      'requests',
      null,
      'rate_limit_exceeded',
    )
  }
  if (status >= 500) {
    return openaiErrorBody(
      'The server had an error while processing your request. Sorry about that!',
      'server_error',
    )
  }
  return openaiErrorBody(`Simulated failure (${status}).`, 'invalid_request_error')
}
