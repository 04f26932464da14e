import { fitBitmapToLimit, fitImageToLimit, type CanvasEnv, type ImageBitmapLike } from '../image/downscale';
import { decodesInBrowser, imagePart, imageTypeName } from '../image/image-content';
import { readImageDimensions } from '../image/image-dimensions';
import type { OcrRequest } from './ocr-space-client';
import { ocrFiletype } from './ocr-space-client';
import type { OriginalInfo } from '../receipt';
import { ScanFailure, scanErrors } from '../scan-error';

export interface UploadFile {
  file: OcrRequest['file'];
  /** Pixel size of what is sent, which OCR word boxes refer to; 0 when the header does not say (TIFF, PDF). */
  width: number;
  height: number;
}

/**
 * What goes to the OCR service: the image part of the original (a JPEG without what a phone appended after its end)
 * as it is when it fits the limit, else a JPEG shrunk to fit. The name is neutral ("receipt-<id>.<ext>"), never the
 * page's file name. Without a canvas nothing can shrink; `decoded`, the image already decoded, spares decoding it again.
 */
export async function prepareUploadFile(id: string, original: Blob, info: OriginalInfo, limitBytes: number, canvas: CanvasEnv | null): Promise<UploadFile> {
  return prepareUpload(id, imagePart(new Uint8Array(await original.arrayBuffer()), info.mime), info, limitBytes, canvas, null);
}

/** The same from the image part in memory; `bitmap`, when the image is already decoded, is shrunk without decoding it again (the caller closes it). */
export async function prepareUpload(id: string, bytes: Uint8Array<ArrayBuffer>, info: OriginalInfo, limitBytes: number, canvas: CanvasEnv | null, bitmap: ImageBitmapLike | null): Promise<UploadFile> {
  if (bytes.byteLength <= limitBytes) {
    const size = readImageDimensions(bytes, info.mime);
    const file = { bytes, filename: `receipt-${id}.${info.extension}`, contentType: info.mime, filetype: ocrFiletype(info.mime) };
    return { file, width: size?.width ?? 0, height: size?.height ?? 0 };
  }
  if (info.mime === 'application/pdf') throw new ScanFailure(scanErrors.pdfTooLarge(bytes.byteLength, limitBytes));
  if (!decodesInBrowser(info.mime)) throw new ScanFailure(scanErrors.cannotShrinkType(imageTypeName(info.mime), bytes.byteLength, limitBytes));
  if (!canvas) throw new ScanFailure(scanErrors.stillTooLarge(limitBytes));
  const fitted = bitmap ? await fitBitmapToLimit(bitmap, limitBytes, canvas) : await fitImageToLimit(new Blob([bytes], { type: info.mime }), limitBytes, canvas);
  const file = { bytes: new Uint8Array(await fitted.blob.arrayBuffer()), filename: `receipt-${id}.jpg`, contentType: 'image/jpeg', filetype: ocrFiletype('image/jpeg') };
  return { file, width: fitted.width, height: fitted.height };
}
