/** Words as OCR misreads them: a letter changed, added or dropped, letters read as signs, an m read as "rn". */

/** Equal, or one letter changed, added or dropped. */
export function isOneEditAway(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Letters that differ between two words of the same length; more than any count when the lengths differ. */
export function countSubstitutions(a: string, b: string): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}

/** "total" misread by one letter, a closing l read as a sign ("Tatal", "TOTAI", "To!al"), or its "al" read as a d ("Totd"). */
export const isMisreadTotal = (word: string): boolean => {
  if (word.length < 4) return false;
  const mended = word.replace(/[!|]/g, 'l');
  return isOneEditAway(mended, 'total') || (mended.endsWith('d') && isOneEditAway(`${mended.slice(0, -1)}al`, 'total'));
};

/** An m read as "rn" or "nn" ("Sunne", "Arnount", "Gesarnt"), put back when that makes a label's word. */
export const mendM = (word: string): string => {
  const mended = word.replace(/rn/g, 'm').replace(/nn/g, 'mm');
  return mended !== word && (mended === 'summe' || mended === 'summa' || mended === 'gesamt' || mended === 'amount') ? mended : word;
};
