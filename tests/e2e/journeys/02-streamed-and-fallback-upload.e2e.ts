import { describe, expect, test } from '../fixtures';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const SOURCE = 'sroie-010';

describe('journey 2: the upload streams over HTTP/2 and falls back to a Blob over HTTP/1.1', () => {
  test('both ways the server gets the same bytes and the same receipt is stored', async ({ journey }) => {
    const { background, pages, ocr, baseSettings } = journey;
    const source = await readReceiptImage(SOURCE);
    const page = await journey.openWebPage(pages.receiptsPageUrl([SOURCE]));
    const popup = await journey.openPopup();

    // HTTP/2: the server holds its answer for a few seconds so the reading phase can be seen.
    ocr.setFault('slow');
    const streamedId = await background.scanImage(pages.imageUrl(SOURCE), page.url());
    await popup.waitForRow(streamedId, (text) => text.includes('Reading text...'), 10_000);
    await expect(popup.progressbar(streamedId).getAttribute('aria-valuenow')).resolves.toBeNull();
    const streamed = await background.waitForReceipt(streamedId);
    ocr.setFault(null);

    const streamedEvents = (await popup.progressEvents(streamedId)).map((event) => event.progress);
    const streamedUploads = streamedEvents.flatMap((progress) => (progress.phase === 'uploading' ? [progress] : []));
    expect(streamedUploads.length).toBeGreaterThan(0);
    // Byte progress: a known total (the multipart body: the file plus a few hundred bytes of fields), counted up to it.
    const bodyBytes = streamedUploads[0]?.total ?? 0;
    expect(bodyBytes).toBeGreaterThan(source.length);
    expect(bodyBytes).toBeLessThan(source.length + 4096);
    const loaded = streamedUploads.map((progress) => progress.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    for (const progress of streamedUploads) expect(progress.total).toBe(bodyBytes);
    for (const value of loaded) expect(value).toBeLessThanOrEqual(bodyBytes);
    // "Reading" is announced only once the stream has handed over its last byte.
    expect(streamedEvents.at(-1)).toEqual({ phase: 'reading' });
    const determinate = (await popup.progressSightings(streamedId)).filter((sighting) => sighting.valueNow !== null);
    expect(determinate.length, 'a determinate progress bar was shown while streaming').toBeGreaterThan(0);

    // The same bytes again would be a duplicate of the stored receipt: delete it first, in the popup.
    const detail = await popup.openDetail(streamedId);
    await detail.delete();
    await expect.poll(() => background.readReceipt(streamedId)).toBeUndefined();
    expect(await background.readOriginal(streamedId)).toBeUndefined();
    expect(await popup.receiptIds()).toEqual([]);

    // HTTP/1.1: Chrome refuses a streamed body, so the same bytes go as one Blob, without byte progress.
    await background.setSettings({ ...baseSettings, endpoint: ocr.http1Url });
    const blobId = await background.scanImage(pages.imageUrl(SOURCE), page.url());
    const viaBlob = await background.waitForReceipt(blobId);
    const blobEvents = (await popup.progressEvents(blobId)).map((event) => event.progress);
    expect(blobEvents.filter((progress) => progress.phase === 'uploading').at(-1)).toEqual({ phase: 'uploading', loaded: 0, total: null });
    expect(blobEvents.some((progress) => progress.phase === 'reading')).toBe(false);

    expect(ocr.received.map((upload) => upload.protocol)).toEqual(['h2', 'http/1.1']);
    for (const upload of ocr.received) {
      expect(upload.file.sha256).toBe(sha256(source));
      expect(upload.file.bytes.equals(source)).toBe(true);
      expect(upload.file.contentType).toBe('image/jpeg');
      expect(upload.headers.apikey).toBe(baseSettings.apiKey);
    }

    expectReceiptMatchesTruth(streamed, await readTruth(SOURCE), `${SOURCE} over HTTP/2`);
    expect(viaBlob.status).toBe('done');
    expect(viaBlob.fields).toEqual(streamed.fields);
    expect(viaBlob.ocr).toEqual(streamed.ocr);
    expect(viaBlob.original).toEqual(streamed.original);
    expect(streamed.original).toEqual({ sha256: sha256(source), mime: 'image/jpeg', extension: 'jpg', size: source.length });
  });
});
