// Time-bucket pages as both report APIs (Anthropic's, OpenAI's) serve them: a page holds at most
// `limit` aligned buckets from the first one asked for, empty buckets included, and the next page
// starts where this one stopped. Units are the caller's (ms or seconds); tokens are the vendor's.

export interface BucketPage<Width extends string> {
  width: Width
  /** Bucket starts on this page, oldest first (the caller's unit). */
  starts: number[]
  /** The vendor's opaque token for the next page, null on the last one. */
  nextPage: string | null
}

/** The bucket starts of one page of `[from, end)`, and where the next page starts, if any. */
export function bucketStarts(
  from: number,
  end: number,
  width: number,
  limit: number,
): { starts: number[]; next?: number } {
  const starts: number[] = []
  for (let s = from; s < end && starts.length < limit; s += width) starts.push(s)
  const next = from + starts.length * width
  return next < end ? { starts, next } : { starts }
}
