import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { isSameMerchant } from './receipt-truth';

/** The shared development set of OCR.space answers with ground truth; read in place, never copied. */
const DEV_SET = join(__dirname, '..', '..', '..', 'shared', 'receipts-dev');
const present = existsSync(join(DEV_SET, 'ocrspace')) && existsSync(join(DEV_SET, 'truth'));

/** Floors just below what the parser reaches today, so a regression fails. */
const FLOORS = { merchant: 0.98, date: 0.99, total: 0.98 };
/** The browser passes navigator.language; these receipts must read the same whichever it is. */
const LOCALES = ['en-US', 'en-GB'];

describe('parser accuracy on the shared dev set (../shared/receipts-dev)', () => {
  if (!present) {
    it.skip(`skipped: the dev set is absent at ${DEV_SET}`, () => undefined);
    return;
  }
  const ids = readdirSync(join(DEV_SET, 'ocrspace')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));
  const hits = Object.fromEntries(LOCALES.map((locale) => [locale, { merchant: 0, date: 0, total: 0 }]));
  for (const id of ids) {
    const answer = readOcrAnswer(200, readFileSync(join(DEV_SET, 'ocrspace', `${id}.json`), 'utf8'));
    const truth = JSON.parse(readFileSync(join(DEV_SET, 'truth', `${id}.json`), 'utf8')) as { merchant: string; date: string[]; total: string };
    if (!answer.ok) continue;
    for (const locale of LOCALES) {
      const parsed = parseReceipt(answer.page, { dateOrder: 'auto', defaultCurrency: '', locale });
      const count = hits[locale];
      if (!count) continue;
      if (isSameMerchant(truth.merchant, parsed.merchant)) count.merchant++;
      if (parsed.date !== null && truth.date.includes(parsed.date)) count.date++;
      if (parsed.total !== null && Math.abs(Number(parsed.total) - Number(truth.total)) < 0.005) count.total++;
    }
  }

  it.each(LOCALES.flatMap((locale) => (Object.keys(FLOORS) as Array<keyof typeof FLOORS>).map((field) => [field, locale, FLOORS[field]] as const)))(
    'reads %s under locale %s on at least the floor share of receipts',
    (field, locale, floor) => {
      expect(ids.length).toBeGreaterThan(300);
      expect((hits[locale]?.[field] ?? 0) / ids.length).toBeGreaterThanOrEqual(floor);
    },
  );
});
