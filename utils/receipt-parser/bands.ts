import type { OcrPage, OcrWord } from '../receipt';

const MAX_SLOPE = 0.1;
/** Tilts tried when the page has too few multi-word lines to measure its own (0° to ±4°). */
const TRIAL_SLOPES = [0, 0.0175, -0.0175, 0.035, -0.035, 0.0525, -0.0525, 0.07, -0.07];

interface Band {
  /** Running mean of the words' vertical middles, so a row is followed across the page. */
  middle: number;
  height: number;
  words: OcrWord[];
  /** How far the words sat from the band's middle, in word heights, summed. */
  spread: number;
}

export const isUsableWord = (word: OcrWord | null | undefined): word is OcrWord =>
  typeof word === 'object' &&
  word !== null &&
  typeof word.text === 'string' &&
  word.text.trim() !== '' &&
  Number.isFinite(word.left) &&
  Number.isFinite(word.top) &&
  Number.isFinite(word.width) &&
  Number.isFinite(word.height) &&
  word.height > 0;

const center = (word: OcrWord): number => word.top + word.height / 2;

/** How much a photo is tilted: the median rise per pixel across the OCR lines of several words, if there are enough. */
function measureSlope(page: OcrPage): number | undefined {
  const slopes: number[] = [];
  for (const line of page.lines) {
    const words = Array.isArray(line?.words) ? line.words.filter(isUsableWord) : [];
    if (words.length < 2) continue;
    let first = words[0];
    let last = words[0];
    for (const word of words) {
      if (first === undefined || word.left < first.left) first = word;
      if (last === undefined || word.left > last.left) last = word;
    }
    if (!first || !last) continue;
    const run = last.left + last.width / 2 - (first.left + first.width / 2);
    if (run > first.height * 2) slopes.push((center(last) - center(first)) / run);
  }
  if (slopes.length < 3) return undefined;
  slopes.sort((a, b) => a - b);
  const median = slopes[Math.floor(slopes.length / 2)] ?? 0;
  return Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, median));
}

/** A box this many times its line-mates' height took in a smudge or the row below ("Total" 31 px beside "$85.00" 14 px). */
const SWOLLEN = 1.8;
const AMOUNT = /\d[.,]\d\d(?!\d)/;

/** Where a word stands for banding: a point of its box, or of its line-mates' boxes. */
interface Anchor {
  x: number;
  y: number;
}

const anchorOf = (word: OcrWord): Anchor => ({ x: word.left + word.width / 2, y: center(word) });

/**
 * Where the words stand whose boxes are swollen past the other words of the line the engine read them in: where those
 * others stand. Every other word stands at its box's middle.
 */
function findAnchors(page: OcrPage): Map<OcrWord, Anchor> {
  const anchors = new Map<OcrWord, Anchor>();
  for (const line of page.lines) {
    if (!Array.isArray(line?.words) || line.words.length < 2) continue;
    const usable = line.words.filter(isUsableWord);
    let lowest = Number.POSITIVE_INFINITY;
    for (const word of usable) lowest = Math.min(lowest, word.height);
    const normal = usable.filter((word) => word.height < lowest * SWOLLEN);
    // Only a label beside its amount: in a header, large letters are a logo's, set apart on purpose.
    if (normal.length === usable.length || !normal.some((word) => AMOUNT.test(word.text))) continue;
    const points = normal.map(anchorOf);
    const mates = { x: points.reduce((sum, point) => sum + point.x, 0) / points.length, y: points.reduce((sum, point) => sum + point.y, 0) / points.length };
    for (const word of usable) if (word.height >= lowest * SWOLLEN && /^\p{L}+:?$/u.test(word.text)) anchors.set(word, mates);
  }
  return anchors;
}

/** Groups words into rows for a given tilt: a word joins a recent row whose middle is within half a word height. */
function bandWords(words: readonly OcrWord[], slope: number, anchors: ReadonlyMap<OcrWord, Anchor>): Band[] {
  const placed = words.map((word) => {
    const anchor = anchors.get(word);
    return { word, middle: anchor ? anchor.y - slope * anchor.x : center(word) - slope * (word.left + word.width / 2) };
  });
  placed.sort((a, b) => a.middle - b.middle);
  const bands: Band[] = [];
  for (const { word, middle } of placed) {
    // Only the last few bands can hold the word: they are sorted by their middle.
    let target: Band | undefined;
    for (let i = bands.length - 1; i >= 0 && i >= bands.length - 3; i--) {
      const band = bands[i];
      if (band && Math.abs(middle - band.middle) <= Math.min(band.height, word.height) * 0.55) {
        target = band;
        break;
      }
    }
    if (target) {
      target.spread += Math.abs(middle - target.middle) / word.height;
      target.words.push(word);
      target.middle += (middle - target.middle) / target.words.length;
      target.height = Math.max(target.height, word.height);
    } else {
      bands.push({ middle, height: word.height, words: [word], spread: 0 });
    }
  }
  return bands;
}

const readLeftToRight = (band: Band): OcrWord[] => band.words.sort((a, b) => a.left - b.left);

/** The page's words grouped into visual rows, top to bottom and left to right, undoing the photo's tilt. */
export function groupWordsIntoRows(page: OcrPage): OcrWord[][] {
  const words = page.lines.flatMap((line) => (Array.isArray(line?.words) ? line.words.filter(isUsableWord) : []));
  const measured = measureSlope(page);
  const anchors = findAnchors(page);
  if (measured !== undefined) return bandWords(words, measured, anchors).map(readLeftToRight);
  // Without a measure, the right tilt gathers the words into the fewest and tightest rows.
  let best: { bands: Band[]; cost: number } | undefined;
  for (const slope of TRIAL_SLOPES) {
    const bands = bandWords(words, slope, anchors);
    const cost = bands.length + bands.reduce((sum, band) => sum + band.spread, 0) / Math.max(1, words.length);
    if (!best || cost < best.cost) best = { bands, cost };
  }
  return (best?.bands ?? []).map(readLeftToRight);
}
