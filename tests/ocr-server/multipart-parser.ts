/** A strict, byte-based multipart/form-data reader (RFC 7578), so the test server catches what a lenient one would forgive. */

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  body: Buffer;
}

export type MultipartReading = { ok: true; parts: FormPart[] } | { ok: false; reason: string };

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** The boundary of a multipart/form-data Content-Type, or undefined when the type is anything else. */
export function readBoundary(contentType: string | undefined): string | undefined {
  const match = /^multipart\/form-data\s*;\s*boundary=(?:"([^"]+)"|([^\s;]+))\s*$/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  return boundary !== undefined && BOUNDARY.test(boundary) ? boundary : undefined;
}

/** `form-data; name="x"; filename="y"` into its parameters; undefined when anything is out of shape. */
function readDisposition(value: string): Record<string, string> | undefined {
  const match = /^form-data((?:\s*;\s*[A-Za-z*]+="[^"\r\n]*")*)\s*$/i.exec(value);
  if (!match) return undefined;
  const parameters: Record<string, string> = {};
  for (const [, key = '', text = ''] of (match[1] ?? '').matchAll(/([A-Za-z*]+)="([^"]*)"/g)) {
    const name = key.toLowerCase();
    if (name in parameters) return undefined;
    parameters[name] = text;
  }
  return parameters;
}

function readPartHead(head: string): { part: Omit<FormPart, 'body'> } | { reason: string } {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const match = HEADER_LINE.exec(line);
    if (!match) return { reason: `malformed part header line ${JSON.stringify(line.slice(0, 80))}` };
    const name = (match[1] ?? '').toLowerCase();
    if (name in headers) return { reason: `duplicate part header ${name}` };
    headers[name] = match[2] ?? '';
  }
  const disposition = headers['content-disposition'];
  if (disposition === undefined) return { reason: 'part without Content-Disposition' };
  const parameters = readDisposition(disposition);
  if (!parameters) return { reason: `malformed Content-Disposition ${JSON.stringify(disposition)}` };
  const { name, filename } = parameters;
  if (!name) return { reason: 'part without a name' };
  const part: Omit<FormPart, 'body'> = { name };
  if (filename !== undefined) part.filename = filename;
  if (headers['content-type'] !== undefined) part.contentType = headers['content-type'];
  return { part };
}

/** Reads every part; no preamble, CRLF after each delimiter, the closing delimiter last, at most a CRLF after it. */
export function parseMultipart(body: Buffer, boundary: string): MultipartReading {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  if (!body.subarray(0, delimiter.length).equals(delimiter)) return { ok: false, reason: 'body does not start with the boundary' };
  const parts: FormPart[] = [];
  let position = delimiter.length;
  for (;;) {
    const after = body.subarray(position, position + 2).toString('latin1');
    if (after === '--') {
      const epilogue = body.subarray(position + 2);
      if (epilogue.length > 0 && !epilogue.equals(CRLF)) return { ok: false, reason: 'bytes after the closing boundary' };
      return parts.length > 0 ? { ok: true, parts } : { ok: false, reason: 'no parts' };
    }
    if (after !== '\r\n') return { ok: false, reason: 'boundary not followed by CRLF or --' };
    const headStart = position + 2;
    const headEnd = body.indexOf(HEADER_END, headStart);
    if (headEnd === -1) return { ok: false, reason: 'part headers never end' };
    const head = readPartHead(body.subarray(headStart, headEnd).toString('utf8'));
    if ('reason' in head) return { ok: false, reason: head.reason };
    const contentStart = headEnd + HEADER_END.length;
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd === -1) return { ok: false, reason: `part "${head.part.name}" is not closed by a boundary` };
    parts.push({ ...head.part, body: body.subarray(contentStart, contentEnd) });
    position = contentEnd + nextDelimiter.length;
  }
}
