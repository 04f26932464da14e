import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from '../fixtures';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readTruth } from '../harness/receipts-dev';

/** Two receipts Tesseract reads whole (it misreads others, as the bench counts: `npm run bench:ocr`). */
const RECEIPTS = ['sroie-006', 'sroie-002'];
/** Nothing listens here: OCR.space is out of reach, as offline. */
const CLOSED_ENDPOINT = 'https://127.0.0.1:9/parse/image';

describe('journey 24: reading on this device', () => {
  test('with OCR.space out of reach, the on-device engine reads the receipt, the popup shows its progress, nothing is uploaded', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    await background.setSettings({ ...journey.baseSettings, endpoint: CLOSED_ENDPOINT, reader: 'on-device' });
    const page = await journey.openWebPage(pages.receiptsPageUrl(RECEIPTS));
    const popup = await journey.openPopup();
    const ids: string[] = [];
    for (const id of RECEIPTS) {
      const receiptId = await background.scanImage(pages.imageUrl(id), page.url());
      const receipt = await background.waitForReceipt(receiptId, undefined, 120_000);
      expectReceiptMatchesTruth(receipt, await readTruth(id), `${id} read on this device`);
      // The reading is kept with how sure the engine was of each word, which the parser weighs a date by.
      const words = (await background.readOcrPage(receiptId))?.lines.flatMap((line) => line.words) ?? [];
      expect(words.length, `${id}: words kept`).toBeGreaterThan(20);
      expect(words.filter((word) => typeof word.confidence === 'number' && word.confidence >= 0 && word.confidence <= 100).length).toBe(words.length);
      expect(words.some((word) => (word.confidence ?? 100) < 100), `${id}: confidences are the engine's, not a constant`).toBe(true);
      ids.push(receiptId);
    }
    expect(ocr.received).toEqual([]);
    const labels = (await popup.progressSightings()).map((sighting) => sighting.label);
    expect(labels.some((label) => /^Reading on this device\.\.\. \d+%$/.test(label)), labels.join(' | ')).toBe(true);
  }, 300_000);
});

describe('journey 24: what the on-device engine ships', () => {
  test.each(['chrome-mv3', 'firefox-mv2'])('the %s build names no CDN address and allows WebAssembly, nothing remote', async (build) => {
    const root = resolve('.output', build);
    const files = (await readdir(root, { recursive: true })).filter((name) => /\.(m?js|html|json)$/.test(name));
    const addresses = new Set<string>();
    for (const name of files) {
      for (const [address] of (await readFile(resolve(root, name), 'utf8')).matchAll(/https?:\/\/(?:cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|esm\.sh|cdn\.skypack\.dev)[^"'`\s)]*/g)) addresses.add(`${name}: ${address}`);
    }
    expect([...addresses]).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['tesseract/worker.min.js', 'tesseract/tesseract-core-simd-lstm.js']));
    const manifest = JSON.parse(await readFile(resolve(root, 'manifest.json'), 'utf8')) as { content_security_policy: string | { extension_pages: string } };
    const policy = typeof manifest.content_security_policy === 'string' ? manifest.content_security_policy : manifest.content_security_policy.extension_pages;
    expect(policy).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
  });
});
