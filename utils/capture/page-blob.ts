import type { ScanTarget } from '../protocol';
import { ScanFailure, scanErrors } from '../scan-error';
import { decodeBase64 } from '../image/byte-reading';

export interface ScriptingApi {
  executeScript(injection: {
    target: { tabId: number; frameIds: number[] };
    func: (url: string, limitBytes: number) => Promise<PageBlobResult>;
    args: [string, number];
  }): Promise<{ result?: unknown }[]>;
}

type PageBlobResult = { base64: string } | { error: 'too-large'; size: number } | { error: 'unreadable'; detail: string };

/** Runs inside the page: a blob: URL only resolves in the document that made it. */
async function readBlobInPage(url: string, limitBytes: number): Promise<PageBlobResult> {
  try {
    const blob = await (await fetch(url)).blob();
    if (blob.size > limitBytes) return { error: 'too-large', size: blob.size };
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { base64: btoa(binary) };
  } catch (error) {
    return { error: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

export function createPageBlobReader(scripting: ScriptingApi) {
  return async (target: ScanTarget, limitBytes: number): Promise<Uint8Array> => {
    if (target.tabId === null) throw new ScanFailure(scanErrors.blobGone());
    const [frame] = await scripting
      .executeScript({ target: { tabId: target.tabId, frameIds: [target.frameId] }, func: readBlobInPage, args: [target.srcUrl, limitBytes] })
      .catch(() => [] as { result?: unknown }[]);
    const result = frame?.result as PageBlobResult | undefined;
    if (!result) throw new ScanFailure(scanErrors.blobGone());
    if ('base64' in result) return decodeBase64(result.base64);
    if (result.error === 'too-large') throw new ScanFailure(scanErrors.tooLarge(result.size, limitBytes));
    throw new ScanFailure(scanErrors.blobGone());
  };
}
