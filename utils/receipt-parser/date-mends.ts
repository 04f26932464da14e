/** Mends for what OCR does to dates: letters read for digits, separators changed or doubled, a year in the future, a 0 read as a 6, 8 or 9. */

/** Letters OCR reads for digits, inside a date-shaped word. */
const DIGIT_FOR: Readonly<Record<string, string>> = { O: '0', o: '0', D: '0', '@': '0', l: '1', I: '1', '|': '1', '!': '1', S: '5', B: '8', Z: '2' };
const MISREAD_DATE = /(?<![\p{L}\d])[\dOoD@lI|!SBZ]{1,4}(?:[-/.]{1,2}[\dOoD@lI|!SBZ]{1,4}){2}(?![\p{L}\d])/gu;

/**
 * The row's text with misread dates mended, same length so positions hold: "2O/O3/2018" → "20/03/2018",
 * "15//03/2018" → "15/ 03/2018"; only in a word shaped like a date, with at least four true digits, one in each part, and at most two letters.
 */
export function mendDateDigits(text: string): string {
  // Two separators a few characters apart, which an amount ("12.50") never has.
  if (!/[-/.][^\s]{0,4}[-/.]/.test(text) || !/[OoD@lI|!SBZ]|[-/.]{2}/.test(text)) return text;
  return text.replace(MISREAD_DATE, (word) => {
    const letters = word.match(/[OoD@lI|!SBZ]/g)?.length ?? 0;
    if (letters > 2 || (word.match(/\d/g)?.length ?? 0) < 4 || word.split(/[-/.]+/).some((part) => !/\d/.test(part))) return word;
    return word.replace(/[OoD@lI|!SBZ]/g, (letter) => DIGIT_FOR[letter] ?? letter).replace(/([-/.])[-/.]/g, '$1 ');
  });
}

const MIXED_SEPARATORS = /(?<![\d.,])(\d{1,2}\s?([-/.])\s?\d{1,2}\s?)([-/.,])(\s?(?:19|20)\d\d)(?!\d)/g;
const COMMA_SEPARATORS = /(?<![\d.,])(\d{1,2}),(\s?\d{1,2}),(\s?(?:19|20)\d\d)(?!\d)/g;

/**
 * Separators OCR changed, mended in place before a full year: "06/08-2013" → "06/08/2013"; on a row labelled as the
 * date also commas read for dots, "Datum: 19,09, 2014" (elsewhere "1,50,2014" may be amounts).
 */
export function mendDateSeparators(text: string, labelled: () => boolean): string {
  if (!/\d\s?[-/.,]\s?\d{1,2}\s?[-/.,]\s?(?:19|20)\d\d/.test(text)) return text;
  const mended = text.replace(MIXED_SEPARATORS, (whole, head: string, first: string, second: string, year: string) => (second === first ? whole : `${head}${first}${year}`));
  return mended.includes(',') && labelled() ? mended.replace(COMMA_SEPARATORS, '$1.$2.$3') : mended;
}

/** A year after this one is a misread: the latest year a digit away that is not ("2078" → 2018 in 2025), else undefined. */
export function mendFutureYear(year: number, latestYear: number): number | undefined {
  const digits = String(year);
  let mended: number | undefined;
  for (let at = 0; at < digits.length; at++) {
    for (let digit = 0; digit <= 9; digit++) {
      const other = Number(`${digits.slice(0, at)}${digit}${digits.slice(at + 1)}`);
      if (other >= 1990 && other <= latestYear && (mended === undefined || other > mended)) mended = other;
    }
  }
  return mended;
}

/** A 0 OCR read as a 6, 8 or 9 leaves a day or month no date has ("18/64/2017", "63/68/2015"): read as the 0 it was. */
export const mendImpossiblePart = (part: number): number => (part > 31 && part % 10 !== 0 && [6, 8, 9].includes(Math.floor(part / 10)) ? part % 10 : part);
