import { describe, expect, it } from 'vitest';
import { createStoredStreamingSupport, STREAMING_SUPPORT_KEY } from '../utils/streaming-support';

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
