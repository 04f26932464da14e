import { describe, expect, it } from 'vitest';
import { countSubstitutions, isMisreadTotal, isOneEditAway, mendM } from '../../utils/receipt-parser/misread-words';

describe('words as OCR misreads them', () => {
  it.each([
    ['total', 'total', true],
    ['tatal', 'total', true],
    ['tota', 'total', true],
    ['totall', 'total', true],
    ['igtal', 'total', false],
    ['tot', 'total', false],
  ])('%s is one edit from %s: %s', (a, b, expected) => {
    expect(isOneEditAway(a, b)).toBe(expected);
  });

  it.each([
    ['feyable', 'payable', 2],
    ['igtal', 'total', 2],
    ['total', 'total', 0],
    ['tota', 'total', Number.POSITIVE_INFINITY],
  ])('%s differs from %s in %s letters', (a, b, expected) => {
    expect(countSubstitutions(a, b)).toBe(expected);
  });

  it.each([
    ['tatal', true],
    ['tota!', true],
    ['to|al', true],
    ['totd', true],
    ['tot', false],
    ['sales', false],
  ])('%s is a misread total: %s', (word, expected) => {
    expect(isMisreadTotal(word)).toBe(expected);
  });

  it.each([
    ['sunne', 'summe'],
    ['arnount', 'amount'],
    ['sonne', 'sonne'],
    ['barn', 'barn'],
  ])('%s is mended to %s', (word, expected) => {
    expect(mendM(word)).toBe(expected);
  });
});
