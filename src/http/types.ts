// The contract every source talks through. One client per vendor holds the base URL, auth,
// timeouts, retry policy and rate limiter; sources only name a path and parameters.

export type QueryScalar = string | number | boolean
/** Arrays are sent repeated; the vendor's array style (`key[]=` or `key=`) is client config. */
export type QueryValue = QueryScalar | readonly QueryScalar[] | undefined | null

export interface HttpRequest {
  method?: 'GET' | 'POST'
  /** Path relative to the base URL ('/v1/organizations/cost_report'), or an absolute URL
   *  (signed download links). */
  path: string
  query?: Record<string, QueryValue>
  /** JSON body for POST. */
  body?: unknown
  headers?: Record<string, string>
  /** Rate-limit bucket (vendors limit per endpoint); defaults to the path. */
  endpoint?: string
  /** Parse the body as 'json' (default) or return 'text' (NDJSON downloads). */
  responseType?: 'json' | 'text'
  signal?: AbortSignal
}

export interface HttpResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
  /** Attempts made for this response (1 = no retry). */
  attempts: number
}

export interface HttpClient {
  /** Sends with retries (429/5xx/timeouts, honouring Retry-After) and pacing; throws a
   *  PipelineError (`SOURCE_HTTP`, `SOURCE_AUTH`, `SOURCE_RATE_LIMIT`, `SOURCE_PAYLOAD`) when
   *  it gives up, with vendor/status in context and no secret in the message. */
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>
}
