import type { OffscreenAnswer, OffscreenRequest } from '../protocol';
import { toScanError } from '../scan-error';
import { readPdf, type PdfEnv } from './pdf-reading';

function fromBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The reading page's answer to the worker: the PDF's text or drawing, or the failure as a scan error. */
export async function answerPdfTask(request: OffscreenRequest, env: PdfEnv): Promise<OffscreenAnswer> {
  try {
    const reading = await readPdf(fromBase64(request.base64), request.limitBytes, env);
    if (reading.kind === 'text') return { ok: true, kind: 'text', page: reading.page, pageCount: reading.pageCount };
    return { ok: true, kind: 'drawn', base64: toBase64(reading.jpeg), width: reading.width, height: reading.height, pageCount: reading.pageCount };
  } catch (error) {
    return { ok: false, error: toScanError(error) };
  }
}
