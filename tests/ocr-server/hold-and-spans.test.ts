import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMultipartBody, multipartContentType } from '../../utils/ocr/multipart';
import { rateLimitText } from './ocr-answers';
import { useOcrServer } from './use-ocr-server';

const KEY = 'test-key-hold';
const BOUNDARY = 'hold-boundary';
const bytes = readFileSync(path.resolve(__dirname, '../../../shared/receipts-dev/images/sroie-000.jpg'));
const body = buildMultipartBody([{ name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', bytes }], BOUNDARY);

const useServer = useOcrServer(KEY);

const post = () =>
  fetch(useServer().http1Url, { method: 'POST', headers: { apikey: KEY, 'content-type': multipartContentType(BOUNDARY) }, body: new Uint8Array(body) }).then(
    async (response) => ({ status: response.status, text: await response.text() }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the hold fault, upload spans and the rate-limit window', () => {
  it('holds answers until released, counting the uploads in progress at once', async () => {
    useServer().setFault('hold');
    const answers = [post(), post(), post()];
    for (let i = 0; i < 50 && useServer().heldCount() < 3; i += 1) await sleep(20);
    expect(useServer().heldCount()).toBe(3);
    expect(useServer().spans.map((span) => span.endedAt)).toEqual([null, null, null]);
    useServer().setFault(null);
    useServer().release();
    const done = await Promise.all(answers);
    expect(done.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(useServer().maxInFlight()).toBe(3);
    expect(useServer().spans.every((span) => span.endedAt !== null && span.endedAt >= span.startedAt)).toBe(true);
  });

  it('releases through the control address', async () => {
    useServer().setFault('hold');
    const answer = post();
    for (let i = 0; i < 50 && useServer().heldCount() < 1; i += 1) await sleep(20);
    expect((await fetch(`${useServer().controlUrl}/release`, { method: 'POST' })).status).toBe(204);
    expect((await answer).status).toBe(200);
  });

  it('names the rate-limit window it was given', async () => {
    useServer().setFault('rate-limit', { windowSeconds: 2 });
    expect(await post()).toEqual({ status: 403, text: 'You may only perform this action upto maximum 10 number of times within 2 seconds' });
    await fetch(`${useServer().controlUrl}/fault`, { method: 'POST', body: JSON.stringify({ fault: 'rate-limit', windowSeconds: 7 }) });
    expect((await post()).text).toBe(rateLimitText(7));
  });
});
