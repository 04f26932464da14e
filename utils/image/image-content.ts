import type { ImageMime } from '../receipt';
import { ScanFailure, scanErrors } from '../scan-error';
import { jpegImagePart, readJpegLayout } from './jpeg-structure';

const TYPE_NAMES: Record<ImageMime, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
  'application/pdf': 'PDF',
};

export const imageTypeName = (mime: ImageMime): string => TYPE_NAMES[mime];

/** Types Chrome's and Firefox's createImageBitmap decode; TIFF and PDF are only read by the OCR service. */
export const decodesInBrowser = (mime: ImageMime): boolean => mime !== 'image/tiff' && mime !== 'application/pdf';

/** The image itself, what is decoded and uploaded: a JPEG up to its end-of-image, without data appended after it. */
export const imagePart = <Buffer extends ArrayBufferLike>(bytes: Uint8Array<Buffer>, mime: ImageMime): Uint8Array<Buffer> =>
  mime === 'image/jpeg' ? jpegImagePart(bytes) : bytes;

/** Refuses what only starts like an image: a JPEG needs a frame header and a scan of image data before its end. */
export function assertImageData(bytes: Uint8Array, mime: ImageMime): void {
  if (mime !== 'image/jpeg') return;
  const layout = readJpegLayout(bytes);
  if (layout.frame === null || !layout.hasScan) throw new ScanFailure(scanErrors.imageDamaged(imageTypeName(mime)));
}
