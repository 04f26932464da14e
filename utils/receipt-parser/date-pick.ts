import type { FieldBox } from '../receipt';
import type { DateOrder } from '../settings';
import { countUnreadDates, decideDateOrder, findDates, findNumberDates, readDate, type DateCandidate } from './dates';
import { ENGINE_SURE, findBox, lowestWordConfidence, type ReceiptRow } from './rows';
import { hasImpossibleTime, hasTimeBeside } from './times';
import { readWeekday } from './weekdays';

/** What the receipt says for and against the chosen date; the confidence is read from these. */
export interface DateSignals {
  labelled: boolean;
  other: boolean;
  /** Day and month cannot swap: a month name, year first, a day over 12, or the order settled elsewhere. */
  orderSure: boolean;
  /** Other places on the receipt that read the same date, a number that opens with it among them. */
  copies: number;
  /** Other dates the receipt prints (not expiry or due dates; in a number too; labelled ones misread past reading), which a misread one may have been. */
  rivals: number;
  /** A weekday name beside the date: 'agrees' with it, 'disagrees', or none. */
  weekday: 'agrees' | 'disagrees' | undefined;
  /** A time of day on the date's row, or labelled on the next or previous one, as tills print the moment of sale. */
  time: boolean;
  /** A clock on the row that cannot be ("32:01"): its digits, and so the date's, were misread. */
  impossibleTime: boolean;
  /** Letters, digits or stray marks glued to the date's text, as misreads leave them. */
  glued: boolean;
  /** Letters were read as digits, a separator or a future year mended, to read it. */
  repaired: boolean;
  /** The OCR engine read the date's own characters unsure (only the on-device engine says how sure it is). */
  engineUnsure?: boolean;
  /** The page is a photo's noisy OCR (see page-noise.ts), where digits are misread often enough that a time beside a date proves little. */
  noisyPage?: boolean;
  /** The time beside the date is a clock read whole, its colon kept ("14:23", not "2.31.17 PM"); looked for only on a noisy page, where it counts. */
  clock?: boolean;
  /** The receipt's own country cues (its currency, tax words) set day and month's order, not the browser's language. */
  orderFromReceipt?: boolean;
}

export interface DatePick {
  date: string | null;
  row: number | undefined;
  box: FieldBox | undefined;
  confidence: number;
  signals?: DateSignals;
}

function weekdayBeside(row: ReceiptRow, candidate: DateCandidate, iso: string): DateSignals['weekday'] {
  const before = /(\p{L}{3,12})\.?[\s,)]*$/u.exec(row.norm.slice(Math.max(0, candidate.start - 16), candidate.start))?.[1];
  const after = /^[\s,(]*(\p{L}{3,12})(?!\p{L})/u.exec(row.norm.slice(candidate.end, candidate.end + 16))?.[1];
  const named = [before, after].map((word) => (word === undefined ? undefined : readWeekday(word))).find((day) => day !== undefined);
  if (named === undefined) return undefined;
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay() === named ? 'agrees' : 'disagrees';
}

/** Text touching the date on either side that is neither a space, a tab, nor the punctuation a label or list leaves. */
function isGlued(row: ReceiptRow, candidate: DateCandidate): boolean {
  const before = row.text[candidate.start - 1] ?? ' ';
  const after = row.text[candidate.end] ?? ' ';
  return !/[\s:(]/.test(before) || !(/[\s,;.]/.test(after) || (after === ')' && before === '('));
}

/**
 * How sure the date is. Sure (0.8 and over) only when nothing hints at a misread and the receipt backs it up: another
 * copy, a weekday name that fits, or, with day and month that cannot swap, a time of day beside it. On real OCR a lone date is
 * misread one time in ten or more, so it stays below sure however it is labelled.
 */
export function confidenceOf(signals: DateSignals): number {
  if (signals.other) return 0.4;
  const label = signals.labelled ? 0.05 : 0;
  const misread = signals.glued || signals.repaired || signals.engineUnsure === true || signals.impossibleTime || signals.weekday === 'disagrees' || signals.rivals > 0;
  const corroborated = signals.copies > 0 || signals.weekday === 'agrees';
  // Day and month that could swap follow the receipt's country cues, right on all but misread digits, which a copy rules out,
  // as a label and a time beside it do on a page that is not OCR debris ("Date: 03/04/2018 14:05"). An order taken from the
  // browser's language alone stays unsure, copies or not.
  const tillPrinted = signals.labelled && signals.time && signals.noisyPage !== true;
  if (!signals.orderSure) return misread ? 0.5 + label : signals.orderFromReceipt === true && (corroborated || tillPrinted) ? 0.8 : 0.55 + label;
  if (misread) return 0.6 + label;
  if (corroborated) return signals.time || signals.labelled ? 0.95 : 0.9;
  // On a noisy page, only a clock read whole beside it: where OCR kept the time's colon, it read the row's digits too.
  if (signals.time) return !signals.noisyPage ? 0.85 + label : signals.clock === true ? 0.8 : 0.7 + label;
  return 0.7 + label;
}

/**
 * The receipt's date: the one most places on the receipt read (a labelled place counts more; a fitting weekday, clean
 * edges and then the higher row break ties), never an expiry or due date while another is there; with how sure it is.
 */
export function pickDate(rows: readonly ReceiptRow[], setting: DateOrder, locale: string, today: Date, cue: 'dmy' | 'mdy' | undefined, noisyPage = false): DatePick {
  const candidates = findDates(rows, today.getFullYear());
  const order = decideDateOrder(setting, candidates, cue, locale);
  const read = candidates.map((candidate) => {
    const iso = readDate(candidate, order, today);
    // A weekday beside a date whose day and month could swap settles which is which ("Mon 03/04/2023" is April 3).
    if (setting !== 'auto' || candidate.kind !== 'either' || order === 'ymd') return iso;
    const row = rows[candidate.row];
    const swapped = readDate(candidate, order === 'dmy' ? 'mdy' : 'dmy', today);
    if (!row || swapped === undefined || (iso !== undefined && weekdayBeside(row, candidate, iso) !== 'disagrees')) return iso;
    return weekdayBeside(row, candidate, swapped) === 'agrees' ? swapped : iso;
  });
  // Copies vote: each place that reads a date adds to it, a labelled one counts more, an expiry or due date against it.
  const votes = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    const iso = read[index];
    if (iso === undefined) return;
    const vote = (candidate.labelled ? 1.5 : 1) - (candidate.other ? 4 : 0) - (candidate.repaired ? 0.5 : 0);
    votes.set(iso, (votes.get(iso) ?? 0) + vote);
  });
  let best: { iso: string; score: number; index: number } | undefined;
  candidates.forEach((candidate, index) => {
    const iso = read[index];
    const row = rows[candidate.row];
    if (iso === undefined || !row) return;
    const weekday = weekdayBeside(row, candidate, iso);
    const evidence = (weekday === 'agrees' ? 1 : weekday === 'disagrees' ? -1 : 0) - (isGlued(row, candidate) ? 0.5 : 0);
    // Of copies that read the same, one read as printed stands for them.
    const score = (votes.get(iso) ?? 0) + evidence + (candidate.labelled ? 0.4 : 0) - (candidate.other ? 3 : 0) - (candidate.repaired ? 0.01 : 0) - candidate.row * 0.001;
    if (!best || score > best.score) best = { iso, score, index };
  });
  const chosen = best && candidates[best.index];
  const row = chosen && rows[chosen.row];
  if (!best || !chosen || !row) return { date: null, row: undefined, box: undefined, confidence: 0 };
  const iso = best.iso;
  const weekday = weekdayBeside(row, chosen, iso);
  const numberDates = findNumberDates(rows);
  const others = candidates.filter((candidate, index) => index !== best?.index && !candidate.other);
  const signals: DateSignals = {
    labelled: chosen.labelled,
    other: chosen.other,
    orderSure: chosen.kind !== 'either' || chosen.first === chosen.second || setting !== 'auto' || candidates.some((c) => c.kind === 'dm' || c.kind === 'md') || weekday === 'agrees',
    copies: candidates.filter((candidate, index) => index !== best?.index && read[index] === iso).length + numberDates.filter((date) => date === iso).length,
    rivals: others.filter((candidate) => read[candidates.indexOf(candidate)] !== iso).length + numberDates.filter((date) => date !== iso).length + countUnreadDates(rows, candidates),
    weekday,
    time: hasTimeBeside(rows, chosen.row),
    clock: noisyPage && hasTimeBeside(rows, chosen.row, true),
    impossibleTime: hasImpossibleTime(row.text),
    glued: isGlued(row, chosen),
    repaired: chosen.repaired,
    engineUnsure: (lowestWordConfidence(row, chosen.start, chosen.end) ?? 100) < ENGINE_SURE,
    noisyPage,
    orderFromReceipt: cue !== undefined,
  };
  return { date: iso, row: chosen.row, box: findBox(row, chosen.start, chosen.end), confidence: confidenceOf(signals), signals };
}
