/** A form field: plain text, or a file with its bytes. */
export type MultipartPart =
  | { name: string; value: string }
  | { name: string; filename: string; contentType: string; bytes: Uint8Array };

const encoder = new TextEncoder();

/** Quotes, CR and LF would break out of the header line; such names are programming errors, not user input. */
function assertHeaderSafe(label: string, text: string): void {
  if (/["\r\n]/.test(text)) throw new Error(`Multipart ${label} must not contain quotes or line breaks: ${JSON.stringify(text)}`);
}

function buildPartHead(part: MultipartPart, boundary: string): string {
  assertHeaderSafe('name', part.name);
  if (!('filename' in part)) {
    return `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`;
  }
  assertHeaderSafe('filename', part.filename);
  assertHeaderSafe('content type', part.contentType);
  return (
    `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
    `Content-Type: ${part.contentType}\r\n\r\n`
  );
}

/** Builds a multipart/form-data body (RFC 7578) with UTF-8 text, ready to send as a request body. */
export function buildMultipartBody(parts: MultipartPart[], boundary: string): Uint8Array {
  if (!/^[0-9A-Za-z'()+_,\-.\/:=?]{1,70}$/.test(boundary)) throw new Error(`Invalid multipart boundary: ${JSON.stringify(boundary)}`);
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    chunks.push(encoder.encode(buildPartHead(part, boundary)));
    chunks.push('filename' in part ? part.bytes : encoder.encode(part.value));
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

const randomBytes = (): Uint8Array => crypto.getRandomValues(new Uint8Array(12));

/** A boundary of '----ReceiptScanner' and 24 random hex digits, unlikely to occur inside an image. */
export function createBoundary(random: () => Uint8Array = randomBytes): string {
  const hex = Array.from(random().subarray(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('');
  if (hex.length !== 24) throw new Error('createBoundary needs 12 random bytes');
  return `----ReceiptScanner${hex}`;
}

export function multipartContentType(boundary: string): string {
  return `multipart/form-data; boundary=${boundary}`;
}
