import { describe, expect, it } from 'vitest';
import { createPageBlobReader, type ScriptingApi } from '../../utils/capture/page-blob';
import { ScanFailure } from '../../utils/scan-error';

const target = { srcUrl: 'blob:https://shop.example/1234', pageUrl: 'https://shop.example/', pageTitle: null, tabId: 7, frameId: 3 };

/** Runs the injected function here, as the page would, against a page-side fetch. */
function scriptingWith(pageFetch: typeof fetch) {
  const calls: unknown[] = [];
  const scripting: ScriptingApi = {
    async executeScript(injection) {
      calls.push(injection.target);
      const original = globalThis.fetch;
      globalThis.fetch = pageFetch;
      try {
        return [{ result: await injection.func(...injection.args) }];
      } finally {
        globalThis.fetch = original;
      }
    },
  };
  return { scripting, calls };
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof ScanFailure)) throw new Error('expected a ScanFailure');
  return error.error.code;
}

describe('page blob reader', () => {
  it('reads the blob inside the frame that owns it and returns its exact bytes', async () => {
    const bytes = new Uint8Array(70_000).map((_, index) => index % 256);
    const { scripting, calls } = scriptingWith(async () => new Response(bytes));
    const read = createPageBlobReader(scripting);
    expect(await read(target, 1_000_000)).toEqual(bytes);
    expect(calls).toEqual([{ tabId: 7, frameIds: [3] }]);
  });

  it('refuses a blob over the limit without sending it across', async () => {
    const { scripting } = scriptingWith(async () => new Response(new Uint8Array(2048)));
    const error = await createPageBlobReader(scripting)(target, 1024).catch((caught: unknown) => caught);
    expect((error as ScanFailure).error).toMatchObject({ code: 'too-large', message: 'The image is 2 KB; the limit is 1 KB.' });
  });

  it.each([
    ['the page revoked the URL', scriptingWith(async () => Promise.reject(new TypeError('Failed to fetch'))).scripting],
    ['the tab is closed', { executeScript: () => Promise.reject(new Error('No tab with id: 7')) } satisfies ScriptingApi],
  ])('says the image is gone when %s', async (_case, scripting) => {
    expect(await failureOf(createPageBlobReader(scripting)(target, 1024))).toBe('blob-gone');
  });

  it('cannot read a blob without its tab', async () => {
    const { scripting } = scriptingWith(async () => new Response('x'));
    expect(await failureOf(createPageBlobReader(scripting)({ ...target, tabId: null }, 1024))).toBe('blob-gone');
  });
});
