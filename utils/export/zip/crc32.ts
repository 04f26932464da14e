/** The reflected CRC-32 (polynomial 0xEDB88320) that ZIP, PNG and gzip use, one byte per table step. */
const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    table[byte] = crc >>> 0;
  }
  return table;
})();

/** Continues a CRC-32 over more bytes; start with 0 and feed chunks in order. */
export function updateCrc32(crc: number, bytes: Uint8Array): number {
  let value = ~crc >>> 0;
  for (const byte of bytes) value = (CRC_TABLE[(value ^ byte) & 0xff] ?? 0) ^ (value >>> 8);
  return ~value >>> 0;
}

export function computeCrc32(bytes: Uint8Array): number {
  return updateCrc32(0, bytes);
}
