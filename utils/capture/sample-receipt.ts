import type { ScanTarget } from '../protocol';

/**
 * The receipt that ships with the extension, as a scan target: read here and handed over as a data: address, which
 * the worker reads at the click like any image that lives only in its page (it cannot download extension files).
 */
export async function readSampleTarget(sampleUrl: string, pageUrl: string, fetchFile: (url: string) => Promise<Response>): Promise<ScanTarget> {
  const bytes = new Uint8Array(await (await fetchFile(sampleUrl)).arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return { srcUrl: `data:image/png;base64,${btoa(binary)}`, pageUrl, pageTitle: 'Sample receipt', tabId: null, frameId: 0 };
}
