import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { setUpFirefoxJourney } from '../harness/firefox-journey';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';
import { waitForStatuses } from '../harness/firefox-database';

const SOURCE = 'sroie-012';
const API_KEY = 'e2e-firefox-key-0001';
const ARTIFACTS = resolve('tests/e2e/artifacts');

describe('journey 19: Firefox, right-click "Scan receipt"', () => {
  const journey = setUpFirefoxJourney(API_KEY);

  test('the real context menu scans the image, the upload goes as one body, the popup lists the receipt and saves its original', async () => {
    const { firefox, ocr, pages } = journey;
    const source = await readReceiptImage(SOURCE);
    // Firefox never streams request bodies, so the endpoint is plain HTTP/1.1 on loopback, which the options allow.
    await journey.useSettings({ apiKey: API_KEY, endpoint: ocr.http1Url });

    await firefox.goto(pages.receiptsPageUrl([SOURCE]));
    await firefox.chooseFromContextMenu(`img#${SOURCE}`, 'Scan receipt');

    await firefox.openExtensionPage('popup.html');
    const state = await waitForStatuses(firefox, ['done']);

    const [receipt] = state.receipts;
    if (!receipt) throw new Error('no receipt');
    expectReceiptMatchesTruth(receipt, await readTruth(SOURCE), `${SOURCE} in Firefox`);
    expect(receipt.source).toEqual({ imageUrl: pages.imageUrl(SOURCE), pageUrl: pages.receiptsPageUrl([SOURCE]), pageTitle: 'Receipts to scan' });
    expect(receipt.original).toEqual({ sha256: sha256(source), mime: 'image/jpeg', extension: 'jpg', size: source.length });
    expect(receipt.hasThumbnail).toBe(true);
    expect(state.originals).toEqual([{ id: receipt.id, type: 'image/jpeg', size: source.length, sha256: sha256(source) }]);

    // One upload, as one body with its length: the fallback every Firefox upload takes.
    expect(ocr.received).toHaveLength(1);
    const [upload] = ocr.received;
    expect(upload?.protocol).toBe('http/1.1');
    expect(upload?.headers.apikey).toBe(API_KEY);
    expect(upload?.headers['content-length']).toBeDefined();
    expect(upload?.headers['transfer-encoding']).toBeUndefined();
    expect(upload?.file.sha256).toBe(sha256(source));
    expect(upload?.file.contentType).toBe('image/jpeg');
    expect(upload?.fields).toMatchObject({ filetype: 'JPG', isOverlayRequired: 'true', isTable: 'true', OCREngine: '2' });

    // The popup shows what was read.
    const fields = receipt.fields;
    await expect
      .poll(() => firefox.evaluate<string>(`return document.querySelector('ul[aria-label="Receipts"]')?.innerText ?? '';`), { timeout: 10_000 })
      .toContain(fields?.merchant ?? '\u0000');
    expect(await firefox.evaluate<string>(`return document.body.innerText;`)).toContain(fields?.total ?? '\u0000');
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(resolve(ARTIFACTS, 'journey-19-firefox-popup.png'), await firefox.screenshot());

    // Download original, from the detail view: Firefox saves the stored bytes under a clean name.
    await firefox.clickButton('Open');
    await firefox.clickButton('Download original');
    let saved: string[] = [];
    await expect.poll(async () => (saved = (await readdir(firefox.downloadsDir)).filter((name) => !name.endsWith('.part'))), { timeout: 10_000 }).toHaveLength(1);
    const [savedName = ''] = saved;
    expect(savedName).toMatch(new RegExp(`^${fields?.date ?? 'no-date'} .+\\.jpg$`));
    // Firefox names the file at once and fills it when the download ends: its bytes are read once they are all there.
    await expect.poll(async () => sha256(await readFile(resolve(firefox.downloadsDir, savedName))), { timeout: 10_000 }).toBe(sha256(source));
    expect(await firefox.evaluate<string>(`return document.body.innerText;`)).toContain(`Saved as ${savedName}`);
  });
});
