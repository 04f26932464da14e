import { describe, expect, it } from 'vitest';
import { confidenceOf, type DateSignals } from '../../utils/receipt-parser/date-pick';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { SURE_CONFIDENCE } from '../../utils/receipt';
import { pageFromBoxes, pageFromText } from './pages';

const today = new Date(2025, 11, 1);
const read = (text: string, locale = 'en-GB'): { date: string | null; sure: boolean } => {
  const parsed = parseReceipt(pageFromText(`SHOP\n${text}\nTOTAL 5.00`), { today, locale });
  return { date: parsed.date, sure: parsed.confidence.date >= SURE_CONFIDENCE };
};

describe('how sure the date is', () => {
  it.each([
    ['a time of day beside it', 'Date: 15/03/2018 14:05', '2018-03-15'],
    ['a US till with AM/PM', '03/14/2025 2:31 PM', '2025-03-14'],
    ['a German till with Uhr', 'Datum 15.03.2025 18.42 Uhr', '2025-03-15'],
    ['a labelled time on the next row', 'Date: 15/03/2018\nTime: 14:05', '2018-03-15'],
    ['a labelled time on the row above', 'Uhrzeit 18:42\nDatum 15.03.2018', '2018-03-15'],
    ['two copies that agree', 'Rechnung 15.03.2025\nVielen Dank\n15.03.2025', '2025-03-15'],
    ['a weekday that fits', 'Fri 16/03/2018', '2018-03-16'],
    ['a weekday that settles the order', 'TOTAL 5.00\nMonday 03/04/2023', '2023-04-03'],
    ['a weekday that turns the order of the cues', 'VAT 20%\nSat 03/04/2023', '2023-03-04'],
    ['a month name and a copy', '5 Mar 2018\nThank you 05/03/2018', '2018-03-05'],
    ['a transaction number that opens with it', 'Txn 201803161234\n16/03/2018', '2018-03-16'],
    ['a copy, with the order from the country', 'SHOP SDN BHD\nDate: 03/04/2018\n03/04/2018 10:15', '2018-04-03'],
    ['a label and a time, with the order from the country', 'SHOP SDN BHD\nDate: 03/04/2018 14:05', '2018-04-03'],
    ['a weekday OCR misread that fits', 'Wednesdav 20/12/2017', '2017-12-20'],
  ])('sure with %s: %j', (_why, text, iso) => {
    expect(read(text)).toEqual({ date: iso, sure: true });
  });

  it.each([
    ['a labelled date alone', 'Date: 15/03/2018', '2018-03-15'],
    ['an amount on the next row', 'Date: 15/03/2018\nCash 14.05', '2018-03-15'],
    ['an unlabelled time on the next row', 'Date: 15/03/2018\nTable 4 14:05', '2018-03-15'],
    ['a weekday that does not fit', 'Thu 16/03/2018 14:05', '2018-03-16'],
    ['letters mended into digits', 'Date: 15/O3/2018 14:05', '2018-03-15'],
    ['separators mended', 'Datum: 19,09, 2014 10:05', '2014-09-19'],
    ['a future year mended', 'Date: 23/05/2078 14:05', '2018-05-23'],
    ['a 0 read as a 6 mended', 'Date: 18/64/2017 14:05', '2017-04-18'],
    ['a doubled separator mended', 'Datum 15..03.2018 14:05', '2018-03-15'],
    ['a word glued to it', 'INV15/03/2018 14:05', '2018-03-15'],
    ['an impossible clock on its row', '15/03/2018 32:01', '2018-03-15'],
    ['another date that disagrees', 'Date: 15/03/2018 14:05\nPrinted 16/03/2018', '2018-03-15'],
    ['an invoice number that opens with another date', 'Invoice No: 2018052710100070177\n21/05/2018 13:48', '2018-05-21'],
    ['day and month that could swap', 'Ticket 03/04/2025 14:05', '2025-04-03'],
    ['a label and a time, with the order from the browser\'s language alone', 'Date: 03/04/2025 14:05', '2025-04-03'],
    ['an expiry date only', 'Valid until 15/03/2025 14:05', '2025-03-15'],
    ['a weekday OCR misread that does not fit', 'Fridv, 20-12-2017 Time 20:17', '2017-12-20'],
    ['another labelled date misread past reading', 'FECHA: NOW/25/2016 HORA: 11:20:45\nFECHA: DIC/21/2016 HORA: 10:34:12', '2016-12-21'],
  ])('unsure with %s: %j', (_why, text, iso) => {
    expect(read(text, '')).toEqual({ date: iso, sure: false });
  });

  it('on a page of OCR debris, is sure of a date a time backs only when its clock kept its colon', () => {
    const noise = '~ «© |ll¦ »\nCashie1r ‘~ 4a7\n§§ ¬ ~~';
    expect(read(`${noise}\nDate: 15/03/2018 2.05.17 PM`)).toEqual({ date: '2018-03-15', sure: false });
    expect(read(`${noise}\n15/03/2018 2.05 pm`)).toEqual({ date: '2018-03-15', sure: false });
    expect(read(`${noise}\nDate: 15/03/2018 14:05`)).toEqual({ date: '2018-03-15', sure: true });
    expect(read(`${noise}\nDate: 15/03/2018 2.05.17 PM\nThank you 15/03/2018`)).toEqual({ date: '2018-03-15', sure: true });
  });

  it('is not sure of a date the on-device engine read unsure, however well the receipt backs it', () => {
    const page = pageFromBoxes('SHOP\nDate: 15/03/2018 14:05\nThank you 15/03/2018\nTOTAL 5.00');
    // The engine's confidence in the first copy of the date, every other word read at 96.
    const readWith = (confidence: number | undefined) => {
      const words = page.lines.map((line) => ({ words: line.words.map((word) => ({ ...word, ...(word.text === '15/03/2018' && word.top < 80 ? { confidence } : { confidence: 96 }) })) }));
      const parsed = parseReceipt({ ...page, lines: words }, { today, locale: 'en-GB' });
      return { date: parsed.date, sure: parsed.confidence.date >= SURE_CONFIDENCE };
    };
    expect(readWith(undefined)).toEqual({ date: '2018-03-15', sure: true });
    expect(readWith(85)).toEqual({ date: '2018-03-15', sure: true });
    expect(readWith(84)).toEqual({ date: '2018-03-15', sure: false });
    expect(readWith(12)).toEqual({ date: '2018-03-15', sure: false });
  });

  const base: DateSignals = { labelled: false, other: false, orderSure: true, copies: 0, rivals: 0, weekday: undefined, time: false, impossibleTime: false, glued: false, repaired: false };
  it.each([
    [{}, 0.7],
    [{ labelled: true }, 0.75],
    [{ time: true }, 0.85],
    [{ time: true, labelled: true }, 0.9],
    [{ copies: 1 }, 0.9],
    [{ copies: 1, time: true }, 0.95],
    [{ weekday: 'agrees' as const, labelled: true }, 0.95],
    [{ copies: 2, rivals: 1 }, 0.6],
    [{ time: true, orderSure: false }, 0.55],
    [{ copies: 1, orderSure: false, orderFromReceipt: true }, 0.8],
    [{ copies: 1, orderSure: false }, 0.55],
    [{ time: true, labelled: true, orderSure: false, orderFromReceipt: true }, 0.8],
    [{ time: true, labelled: true, orderSure: false }, 0.6],
    [{ time: true, labelled: true, orderSure: false, orderFromReceipt: true, noisyPage: true }, 0.6],
    [{ copies: 1, orderSure: false, glued: true }, 0.5],
    [{ time: true, other: true }, 0.4],
    [{ time: true, noisyPage: true }, 0.7],
    [{ time: true, clock: true, noisyPage: true }, 0.8],
    [{ time: true, clock: true, labelled: true, noisyPage: true }, 0.8],
    [{ time: true, engineUnsure: true }, 0.6],
    [{ copies: 1, labelled: true, engineUnsure: true }, 0.65],
    [{ time: true, labelled: true, noisyPage: true }, 0.75],
    [{ copies: 1, time: true, noisyPage: true }, 0.95],
  ])('reads signals %j as %s', (change, confidence) => {
    expect(confidenceOf({ ...base, ...change })).toBeCloseTo(confidence, 5);
  });
});
