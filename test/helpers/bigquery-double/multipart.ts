// Parses the client's `multipart/related` upload (jobs.insert with uploadType=multipart):
// part one is the job resource as JSON, part two the data. Parts are split on raw bytes so
// the data part is returned untouched (as UTF-8 text: the double only loads NDJSON).

import { invalid } from './errors.js'

export interface MultipartUpload {
  metadata: Record<string, unknown>
  data: string
}

export function parseMultipart(contentType: string, body: Buffer): MultipartUpload {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (!/^multipart\/related/i.test(contentType) || !boundary) {
    throw invalid('Upload must be multipart/related with a boundary')
  }
  const parts = splitParts(body, Buffer.from(`--${boundary}`))
  const [meta, data] = parts
  if (!meta || !data) throw invalid('Multipart upload needs a metadata part and a data part')
  return {
    metadata: JSON.parse(meta.toString('utf8')) as Record<string, unknown>,
    data: data.toString('utf8'),
  }
}

/** Bodies of the parts between boundary lines, headers removed. */
function splitParts(body: Buffer, delimiter: Buffer): Buffer[] {
  const parts: Buffer[] = []
  let start = body.indexOf(delimiter)
  while (start >= 0) {
    const from = start + delimiter.length
    if (body.subarray(from, from + 2).toString() === '--') break
    const next = body.indexOf(delimiter, from)
    if (next < 0) break
    parts.push(partBody(body.subarray(from, next)))
    start = next
  }
  return parts
}

function partBody(part: Buffer): Buffer {
  const crlf = part.indexOf('\r\n\r\n')
  const lf = part.indexOf('\n\n')
  const [at, gap] = crlf >= 0 && (lf < 0 || crlf <= lf) ? [crlf, 4] : [lf, 2]
  if (at < 0) throw invalid('Multipart part without headers')
  let content = part.subarray(at + gap)
  if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2)
  else if (content.subarray(-1).toString() === '\n') content = content.subarray(0, -1)
  return content
}
