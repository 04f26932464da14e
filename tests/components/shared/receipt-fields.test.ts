import { describe, expect, it } from 'vitest';
import { fieldNote } from '../../../components/shared/receipt-fields';
import { makeReceipt, parsedReceipt } from '../receipt-fixtures';

const unsureTotal = makeReceipt({ fields: { ...parsedReceipt, confidence: { ...parsedReceipt.confidence, total: 0.79 } } });

describe('the hint beside a field', () => {
  it.each<[string, Parameters<typeof fieldNote>, ReturnType<typeof fieldNote>]>([
    ['read unsure', [unsureTotal, 'total', false], 'check this'],
    ['read sure', [makeReceipt({ fields: { ...parsedReceipt, confidence: { ...parsedReceipt.confidence, total: 0.8 } } }), 'total', false], undefined],
    ['typed, not saved yet', [unsureTotal, 'total', true], 'edited'],
    ['saved by the user', [{ ...unsureTotal, edited: ['total'] }, 'total', false], 'edited'],
    ['not read at all', [makeReceipt({ fields: { ...parsedReceipt, tip: null } }), 'tip', false], undefined],
    ['a receipt with nothing read', [makeReceipt({ fields: null }), 'total', false], undefined],
  ])('%s', (_name, args, note) => {
    expect(fieldNote(...args)).toBe(note);
  });
});
