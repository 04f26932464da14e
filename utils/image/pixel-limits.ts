import type { ImageMime } from '../receipt';
import { ScanFailure, scanErrors } from '../scan-error';
import type { ImageDimensions } from './image-dimensions';
import { imageTypeName } from './image-content';

export const MAX_PIXELS = 100_000_000;
export const MAX_SIDE = 20_000;
/**
 * Most pixels one byte can hold: deflate's 1032:1 on 1-bit PNG rows gives 8,256; a Huffman-coded JPEG spends at least
 * 1 bit per 8×8 block of its smallest (4×4-subsampled, 32×32-pixel) component, 8,192. Files up to this many bytes
 * cannot exceed MAX_PIXELS whatever their header says.
 */
const MOST_PIXELS_PER_BYTE = 8_256;
export const MAX_BYTES_OF_UNKNOWN_SIZE = Math.floor(MAX_PIXELS / MOST_PIXELS_PER_BYTE);

/**
 * Refuses, before decoding, sizes whose decoded pixels alone would exhaust the service worker's memory, and images
 * whose size the header does not say unless the file is too small to hold that many pixels.
 */
export function assertDecodable(dimensions: ImageDimensions | null, byteLength = 0, mime: ImageMime = 'image/jpeg'): void {
  if (dimensions === null) {
    if (byteLength > MAX_BYTES_OF_UNKNOWN_SIZE) throw new ScanFailure(scanErrors.unknownPixelSize(imageTypeName(mime), byteLength, MAX_PIXELS / 1_000_000));
    return;
  }
  const { width, height } = dimensions;
  if (width * height > MAX_PIXELS || Math.max(width, height) > MAX_SIDE) {
    throw new ScanFailure(scanErrors.tooManyPixels(width, height, MAX_PIXELS / 1_000_000, MAX_SIDE));
  }
}
