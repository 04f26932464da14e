/** Lowercase hex SHA-256 of the original, to recognise the same receipt scanned twice. */
export async function sha256Hex(bytes: Uint8Array | Blob): Promise<string> {
  // A copy gives an ArrayBuffer-backed view, which digest() accepts whatever buffer the caller had.
  const data = bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
