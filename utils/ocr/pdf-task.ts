import type { OffscreenAnswer, OffscreenRequest } from '../protocol';
import { toScanError } from '../scan-error';
import { decodeBase64, encodeBase64 } from '../image/byte-reading';
import { readPdf, type PdfEnv } from './pdf-reading';

/** The reading page's answer to the worker: the PDF's text or drawing, or the failure as a scan error. */
export async function answerPdfTask(request: Extract<OffscreenRequest, { task: 'read-pdf' }>, env: PdfEnv): Promise<OffscreenAnswer> {
  try {
    const reading = await readPdf(decodeBase64(request.base64), request.limitBytes, env);
    if (reading.kind === 'text') return { ok: true, kind: 'text', page: reading.page, pageCount: reading.pageCount };
    return { ok: true, kind: 'drawn', base64: encodeBase64(reading.jpeg), width: reading.width, height: reading.height, pageCount: reading.pageCount };
  } catch (error) {
    return { ok: false, error: toScanError(error) };
  }
}
