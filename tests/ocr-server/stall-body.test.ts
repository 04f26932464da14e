import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMultipartBody, multipartContentType } from '../../utils/ocr/multipart';
import { useOcrServer } from './use-ocr-server';

const KEY = 'test-key-stall';
const BOUNDARY = 'stall-boundary';
const bytes = readFileSync(path.resolve(__dirname, '../../../shared/receipts-dev/images/sroie-000.jpg'));
const body = buildMultipartBody([{ name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', bytes }], BOUNDARY);

const useServer = useOcrServer(KEY);

describe('the stall-body fault', () => {
  it('sends the headers and the start of a JSON answer, then nothing, and sees the client hang up', async () => {
    useServer().setFault('stall-body');
    const controller = new AbortController();
    const response = await fetch(useServer().http1Url, {
      method: 'POST',
      headers: { apikey: KEY, 'content-type': multipartContentType(BOUNDARY) },
      body: new Uint8Array(body),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('the answer has a body');
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"ParsedResults":[');
    const next = await Promise.race([reader.read().then(() => 'more'), new Promise((resolve) => setTimeout(() => resolve('nothing'), 300))]);
    expect(next).toBe('nothing');
    expect(useServer().stalledBodies()).toEqual({ open: 1, closed: 0 });
    expect(useServer().received).toHaveLength(1);

    controller.abort();
    await expect.poll(() => useServer().stalledBodies()).toEqual({ open: 0, closed: 1 });
  });

  it('is switched on through the control address too', async () => {
    const answer = await fetch(`${useServer().controlUrl}/fault`, { method: 'POST', body: JSON.stringify({ fault: 'stall-body' }) });
    expect(answer.status).toBe(204);
  });
});
