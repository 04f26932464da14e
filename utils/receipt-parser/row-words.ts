/** Whether a row reads as words at all: OCR of a logo, a stamp or handwriting gives short, oddly cased, vowel-less scraps. */

/** How a row reads: `words` counts word-shaped tokens of three letters or more. */
export interface RowWords {
  /** Letters in word-shaped tokens over all characters but spaces, 0..1. */
  share: number;
  words: number;
  /** Longest word-shaped token, in letters. */
  longest: number;
  /** Word-shaped tokens of one or two letters, as OCR cuts strokes into ("ay", "UA", "bs"). */
  short: number;
  /** Capitals and lower-case words apart ("Axo dige", "ia bee OV"), as in scraps, not in names; glued ones are a brand's style ("CVS/pharmacy"). */
  mixedCase: boolean;
  /** No capital anywhere. */
  lowerOnly: boolean;
  /** Nothing but words and numbers: no scrap, no odd sign, no odd case even in a long glued word. */
  clean: boolean;
}

/** Anything but letters and the marks inside names ("D.I.Y.", "McDonald's", "Coca-Cola", "B&Q") parts words. */
const PIECES = /[^\p{L}'’.&-]+/u;
const EDGES = /^['’.&-]+|['’.&-]+$/g;
const JOINERS = /['’.&-]/g;
/** Signs that names and addresses do not print: what OCR makes of a logo's strokes. */
const ODD_SIGNS = /[^\p{L}\p{N}\s'’.&,:;#()/+*@!?"-]/gu;
const DIGITS_INSIDE = /\p{L}\d+\p{L}/gu;
const LATIN = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxz]{6}/;
const TRIPLE = /(\p{L})\1\1/iu;
const QUADRUPLE = /(\p{L})\1\1\1/iu;
/** "HOen", "AOYIry", "feR", "wPtoa": capitals after small letters or before a run of them, unlike "McDonald's" or "PizzaExpress". */
const ODD_CASE = /\p{Lu}{2}\p{Ll}|\p{Ll}\p{Lu}(?!\p{Ll})|^\p{Ll}\p{Lu}/u;
/** Company forms written in mixed case ("GmbH", "S.p.A.", "KGaA"). */
const CASED_FORMS = new Set(['GmbH', 'mbH', 'gGmbH', 'KGaA', 'SpA', 'eK', 'eG', 'eV']);
const MINOR = new Set('of and the de du la le des di da del van von der den und et y e a an at by on to in'.split(' '));

/** Whether letters make a word: a short one not oddly cased, a vowel in Latin words of four letters, no letter thrice in a short one. */
function isWord(letters: string): boolean {
  if (CASED_FORMS.has(letters)) return true;
  // Long glued words ("BOWWOWCAFESDNbHD", "SHELLLCANADA") carry a typo of case or a letter and still read.
  if (QUADRUPLE.test(letters) || (letters.length < 8 && (ODD_CASE.test(letters) || TRIPLE.test(letters)))) return false;
  const latin = letters.toLowerCase();
  // Only Latin letters are judged by vowels: other scripts spell otherwise.
  return !(LATIN.test(latin) && ((latin.length >= 4 && !VOWEL.test(latin)) || (latin.length < 10 && CONSONANT_RUN.test(latin))));
}

/** Reads how much of a row is words; linear in the row. Digits are neutral: a name may carry a number ("99 SPEED MART", "Store#1458"). */
export function readRowWords(text: string): RowWords {
  let wordLetters = 0;
  let otherLetters = 0;
  let words = 0;
  let longest = 0;
  let capitals = 0;
  let lowerWords = 0;
  let short = 0;
  let anyCapital = false;
  let oddCase = false;
  for (const piece of text.split(PIECES)) {
    const letters = piece.replace(EDGES, '').replace(JOINERS, '');
    if (letters === '') continue;
    if (!isWord(letters)) {
      otherLetters += letters.length;
      continue;
    }
    wordLetters += letters.length;
    if (ODD_CASE.test(letters) && !CASED_FORMS.has(letters)) oddCase = true;
    const lower = letters === letters.toLowerCase();
    // Scripts without case (Chinese, Thai, Arabic) write a name in two signs.
    const caseless = lower && letters === letters.toUpperCase();
    if (!lower || caseless) anyCapital = true;
    // A company form's capitals ("real GmbH") are its spelling, not a capital word beside a lower one.
    if (!lower && letters.length >= 2 && !CASED_FORMS.has(letters)) capitals++;
    if (letters.length < (caseless ? 2 : 3)) {
      if (!MINOR.has(letters.toLowerCase())) short++;
      continue;
    }
    words++;
    longest = Math.max(longest, letters.length);
    if (lower && !caseless && !MINOR.has(letters)) lowerWords++;
  }
  // Digits inside letters ("PVOZ1EE", "HO304H") are misread strokes, not a number beside a name ("CT281", "Store#1458").
  const odd = (text.match(ODD_SIGNS) ?? []).length + (text.match(DIGITS_INSIDE) ?? []).length * 2;
  const all = wordLetters + otherLetters + odd;
  const share = all === 0 ? 0 : wordLetters / all;
  const mixedCase = capitals > 0 && lowerWords >= capitals && /\s/.test(text.trim());
  return { share, words, longest, short, mixedCase, lowerOnly: !anyCapital, clean: share === 1 && !oddCase && !mixedCase };
}

/** Not text at all: no word of three letters, or mostly symbols and scraps. */
export const isScrap = (row: RowWords): boolean => row.words === 0 || row.share < 0.5;

/** Words, but not clearly a printed name: scraps around them, mixed case, no capital, or no word of four letters. */
export const isWeakText = (row: RowWords): boolean =>
  row.share < 0.75 || row.mixedCase || (row.lowerOnly && row.longest < 6) || row.short > row.words;
