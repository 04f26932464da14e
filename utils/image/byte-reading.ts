/** Reading numbers and text at an offset of a byte array; past the end, bytes read as 0. */
export const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

export const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

export const uint16BE = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
export const uint16LE = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
export const uint32BE = (bytes: Uint8Array, at: number) => uint16BE(bytes, at) * 0x10000 + uint16BE(bytes, at + 2);
export const uint32LE = (bytes: Uint8Array, at: number) => uint16LE(bytes, at) + uint16LE(bytes, at + 2) * 0x10000;
export const int32LE = (bytes: Uint8Array, at: number) => uint32LE(bytes, at) | 0;

/** Bytes as base64: how they cross between the extension's contexts, whose messages carry text only in Chrome. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
