import { describe, expect, it } from 'vitest';
import { countedStream, createMemoryStreamingSupport, createStoredStreamingSupport, STREAMING_SUPPORT_KEY } from '../../utils/ocr/streaming-support';

describe('stored streaming support', () => {
  it('remembers per origin and survives a new instance', async () => {
    const items: Record<string, unknown> = {};
    const storage = { get: async (key: string) => ({ [key]: items[key] }), set: async (next: Record<string, unknown>) => void Object.assign(items, next) };
    const first = createStoredStreamingSupport(storage);
    expect(await first.get('http://127.0.0.1:9')).toBeUndefined();
    await first.set('http://127.0.0.1:9', false);
    await first.set('https://api.ocr.space', true);
    const second = createStoredStreamingSupport(storage);
    expect(await second.get('http://127.0.0.1:9')).toBe(false);
    expect(await second.get('https://api.ocr.space')).toBe(true);
    expect(items[STREAMING_SUPPORT_KEY]).toEqual({ 'http://127.0.0.1:9': false, 'https://api.ocr.space': true });
  });
});

describe('stored streaming support, read once a worker', () => {
  it('reads storage once, then answers from memory, still writing what it learns', async () => {
    const items: Record<string, unknown> = { [STREAMING_SUPPORT_KEY]: { 'https://api.ocr.space': true } };
    let reads = 0;
    const storage = { get: async (key: string) => (reads++, { [key]: items[key] }), set: async (next: Record<string, unknown>) => void Object.assign(items, next) };
    const support = createStoredStreamingSupport(storage);
    expect(await support.get('https://api.ocr.space')).toBe(true);
    expect(await support.get('https://api.ocr.space')).toBe(true);
    await support.set('http://127.0.0.1:9', false);
    expect(await support.get('http://127.0.0.1:9')).toBe(false);
    expect(reads).toBe(1);
    expect(items[STREAMING_SUPPORT_KEY]).toEqual({ 'https://api.ocr.space': true, 'http://127.0.0.1:9': false });
  });

  it('reads again after a failed read', async () => {
    let reads = 0;
    const storage = {
      get: async (key: string) => {
        if (++reads === 1) throw new Error('storage is busy');
        return { [key]: { 'https://api.ocr.space': false } };
      },
      set: async () => undefined,
    };
    const support = createStoredStreamingSupport(storage);
    await expect(support.get('https://api.ocr.space')).rejects.toThrow('busy');
    expect(await support.get('https://api.ocr.space')).toBe(false);
  });
});

describe('memory streaming support', () => {
  it('knows nothing of an origin until told', async () => {
    const support = createMemoryStreamingSupport();
    expect(await support.get('https://api.ocr.space')).toBeUndefined();
    await support.set('https://api.ocr.space', false);
    expect(await support.get('https://api.ocr.space')).toBe(false);
    expect(await support.get('https://other.example')).toBeUndefined();
  });
});

describe('countedStream', () => {
  it('gives the body in 64 KB pulls, byte for byte, counting a chunk sent only once the reader took it', async () => {
    const body = new Uint8Array(150_000).map((_, index) => index % 251);
    const reached: number[] = [];
    const { stream, pulls } = countedStream(body, (loaded) => reached.push(loaded));
    const received = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(received).toEqual(body);
    expect(reached).toEqual([65_536, 131_072, 150_000]);
    expect(pulls()).toBe(3);
  });

  it('does not say "all sent" while the reader still holds the last chunk', async () => {
    const body = new Uint8Array(100_000);
    const reached: number[] = [];
    const reader = countedStream(body, (loaded) => reached.push(loaded)).stream.getReader();
    await reader.read();
    await reader.read();
    // Both chunks handed out; the reader has not come back for more.
    expect(reached.at(-1)).toBeLessThan(100_000);
    expect((await reader.read()).done).toBe(true);
    expect(reached.at(-1)).toBe(100_000);
  });
});
