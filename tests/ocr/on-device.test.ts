import { describe, expect, it, vi } from 'vitest';
import { createOnDeviceReader, type OnDeviceEnv } from '../../utils/ocr/on-device';

const blocks = { blocks: [{ paragraphs: [{ lines: [{ words: [{ text: 'TOTAL', bbox: { x0: 10, y0: 20, x1: 70, y1: 40 } }] }] }] }] };

function environment(recognize: () => Promise<{ data: typeof blocks }>) {
  const terminate = vi.fn(async () => undefined);
  const createWorker = vi.fn(async () => ({ recognize, terminate }));
  const env = {
    createWorker,
    decode: async () => ({ width: 2000, height: 1000, close: () => undefined }),
    createCanvas: (width: number, height: number) => ({
      width,
      height,
      getContext: () => ({ imageSmoothingQuality: 'low', drawImage: () => undefined }),
      convertToBlob: async () => new Blob(['png']),
    }),
  } as unknown as OnDeviceEnv;
  return { env, createWorker, terminate };
}

describe('the on-device reader', () => {
  it('starts one engine for the receipts that come, and reads each into a page', async () => {
    const { env, createWorker } = environment(async () => ({ data: blocks }));
    const reader = createOnDeviceReader(env);
    const pages = await Promise.all([reader.read('r1', new Blob(['a']), () => undefined), reader.read('r2', new Blob(['b']), () => undefined)]);
    expect(pages.map((page) => page.text)).toEqual(['TOTAL', 'TOTAL']);
    expect(createWorker).toHaveBeenCalledOnce();
  });

  it('stops the engine mid-page for a cancelled receipt, ends that read at once, and reads the next with a fresh engine', async () => {
    let calls = 0;
    const { env, createWorker, terminate } = environment(() => (++calls === 1 ? new Promise(() => undefined) : Promise.resolve({ data: blocks })));
    const reader = createOnDeviceReader(env);
    const first = reader.read('r1', new Blob(['a']), () => undefined);
    const second = reader.read('r2', new Blob(['b']), () => undefined);
    await vi.waitFor(() => expect(calls).toBe(1));
    reader.stop('r1');
    await expect(first).rejects.toThrow('stopped');
    expect((await second).text).toBe('TOTAL');
    expect(terminate).toHaveBeenCalledOnce();
    expect(createWorker).toHaveBeenCalledTimes(2);
  });

  it('never starts a receipt stopped before its turn', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const { env } = environment(() => (++calls === 1 ? new Promise((resolve) => (release = () => resolve({ data: blocks }))) : Promise.resolve({ data: blocks })));
    const reader = createOnDeviceReader(env);
    const first = reader.read('r1', new Blob(['a']), () => undefined);
    const second = reader.read('r2', new Blob(['b']), () => undefined);
    await vi.waitFor(() => expect(calls).toBe(1));
    reader.stop('r2');
    release();
    expect((await first).text).toBe('TOTAL');
    await expect(second).rejects.toThrow('stopped');
    expect(calls).toBe(1);
  });
});
