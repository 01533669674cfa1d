// Cursor's documented error body: `{"error":"<Reason Phrase>","message":"…"}`.

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  401: 'Invalid API key',
  403: 'Enterprise access required',
  429: 'Rate limit exceeded. Please try again later.',
}

export interface CursorErrorBody {
  error: string
  message: string
}

export function cursorError(status: number, message?: string): CursorErrorBody {
  return {
    error: REASONS[status] ?? 'Error',
    message: message ?? DEFAULT_MESSAGES[status] ?? 'An unexpected error occurred.',
  }
}

/** The documented message for a date range over the limit. */
export const RANGE_TOO_LONG =
  'Date range cannot exceed 30 days. Make multiple requests for longer periods.'
