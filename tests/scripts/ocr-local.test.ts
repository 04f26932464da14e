import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import { parseReceipt } from '../../utils/receipt-parser';
import { ocrSpaceAnswer } from '../../scripts/local-engine';
import type { OcrPage } from '../../utils/receipt';

const ROOT = resolve(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'ocr-local-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('ocr-local', () => {
  it('writes an answer the OCR.space reader takes back word for word', () => {
    const page: OcrPage = {
      text: 'CORNER CAFE\nTOTAL 15.10',
      lines: [
        { words: [{ text: 'CORNER', left: 20, top: 40, width: 80, height: 20 }, { text: 'CAFE', left: 110, top: 40, width: 50, height: 20 }] },
        { words: [{ text: 'TOTAL', left: 20, top: 200, width: 60, height: 20 }, { text: '15.10', left: 200, top: 200, width: 60, height: 20 }] },
      ],
      processingMs: 900,
    };
    const read = readOcrAnswer(200, JSON.stringify(ocrSpaceAnswer(page)));
    expect(read.ok && read.page.lines).toEqual(page.lines);
    expect(read.ok && read.page.text.replace(/\r/g, '')).toBe(page.text);
  });

  // The real engine in Node, on the sample receipt the extension ships: the same settings and preprocessing as the browser.
  it('reads the bundled sample receipt into DIR/<image name>.json that the parser reads right', { timeout: 60_000 }, () => {
    execFileSync('npx', ['tsx', 'scripts/ocr-local.ts', '--out', out, 'public/sample-receipt.png'], { cwd: ROOT, stdio: 'pipe' });
    const read = readOcrAnswer(200, readFileSync(join(out, 'sample-receipt.json'), 'utf8'));
    if (!read.ok) throw new Error(read.error.message);
    const fields = parseReceipt(read.page, { dateOrder: 'auto', defaultCurrency: '', locale: 'en-GB', today: new Date('2026-01-01') });
    expect({ merchant: fields.merchant, total: fields.total }).toEqual({ merchant: expect.stringMatching(/corner cafe/i), total: '15.10' });
  });

  it('says how to use it when the output folder or the images are missing', () => {
    expect(() => execFileSync('npx', ['tsx', 'scripts/ocr-local.ts', 'public/sample-receipt.png'], { cwd: ROOT, stdio: 'pipe' })).toThrow(/Usage: npm run --silent ocr-local -- --out DIR IMAGE/);
  });
});
