import { findAmounts, withoutAmounts, type Amount, type DecimalMark } from './amounts';
import { classifyLabel, type LabelKind } from './labels';
import { normalizeText, type ReceiptRow } from './rows';

/** An amount read on a labelled row. */
export interface SummaryAmount {
  kind: LabelKind;
  value: number;
  row: number;
  amount: Amount;
  /** Row the amount was read on (the label's next row when the amount sits under its label). */
  amountRow: number;
  /** A percentage printed in the label ("VAT 20%"), to tell tax rates apart. */
  rate: number | undefined;
  /** Written as no receipt writes money ("Total: 104", "356.0"): read only because a total label stands before it. */
  loose?: true;
  /** Paid by card, or a row saying it was paid ("TOLL PAID"): the exact amount, never with change. */
  card?: true;
  /** A total its label calls rounded ("TOTAL ROUNDED", "POTAL ROUNDED", "Total after rounding"). */
  rounded?: true;
  /** A tax its label says the amounts already include ("inclusive of GST @6%", "inkl. MwSt"): nothing to add. */
  included?: true;
}

/** "Net Total": what is paid on many tills, but over a total row ("Net Total: $38.58", "Tax $2.42", "TOTAL: $41.00") the amount before tax. */
const NET_TOTAL = /\bnett? ?total\b|\btotal nett?\b/;
const ROUNDED_LABEL = /\bround(?:ed|d|ing)?\b/;
const INCLUDED_LABEL = /\b(?:inclusive|included|incl|inc|inkl|enthalten|inclus|incluido|incluso)\b/;

const CARD = /\b(?:visa|mastercard|master|amex|american express|card|debit|credit|eftpos|girocard|maestro|karte|kartenzahlung|carte|cb|tarjeta|kort|contactless|apple pay|google pay)\b/;

/** What a row says was paid ("TOLL PAID", "Bezahlt") is the exact amount, as a card's is; not cash handed over ("CASH PAID"), whose change may be lost. */
const PAID = /\b(?:paid|bezahlt|pagado|paye)\b/;
const HANDED = /\b(?:cash|tendered|tender|received|given|bar|bargeld|especes|efectivo|contanti|kontant)\b/;

const readRate = (label: string): number | undefined => {
  const match = /(\d{1,2}(?:[.,]\d{1,3})?)\s?%/.exec(label);
  return match?.[1] === undefined ? undefined : Number(match[1].replace(',', '.'));
};

/** Only numbers written as money count: with decimals, or with a currency, or anything on receipts without decimals. */
const isMoney = (amount: Amount, mark: DecimalMark): boolean =>
  mark === 'none' || amount.decimals === 2 || amount.decimals === 3 || (amount.marker !== null && amount.decimals === 0);

/** Amounts of every row, money only. */
export function readRowAmounts(rows: readonly ReceiptRow[], mark: DecimalMark): Amount[][] {
  return rows.map((row) => (/\d/.test(row.text) ? findAmounts(row.text, mark).filter((amount) => isMoney(amount, mark)) : []));
}

/** What may stand beside an amount on a row of its own: signs, a colon, a currency of up to three letters. */
const ONLY_AMOUNTS = /^[\s.,'()\-−:*=$£€¥₹]*(?:[a-z]{1,3}\.?)?[\s.,'()\-−:*=$£€¥₹]*$/i;
/** A table's column headings ("DESCRIPTION  QTY  PRICE  TOTAL") name no amount of their own. */
const COLUMN_HEADINGS = /\b(?:description|desc|qty|quantity|price|unit|item|article|artikel|menge|preis|prix|qte|cantidad|precio)\b/;

/** The label an amount belongs to, read from the words before it on its row. */
function classifyAmount(row: ReceiptRow, amount: Amount): LabelKind {
  const sameOffsets = row.norm.length === row.text.length;
  const before = (sameOffsets ? row.norm.slice(0, amount.start) : normalizeText(row.text.slice(0, amount.start))).replace(/\([^()]*\d[^()]*\)/g, ' ');
  const kind = classifyBefore(before);
  if (kind !== 'none' || !/[a-z]{3}[01]\b/.test(before)) return kind;
  // A closing l or o OCR read as a digit ("Tota1 69.37"), when the word without it names nothing ("TAX1" is tax 1).
  return classifyBefore(before.replace(/(?<=[a-z]{3})1\b/g, 'l').replace(/(?<=[a-z]{3})0\b/g, 'o'));
}

/** The label of the words before an amount: the nearest words (past numbers and cells), else all of them. */
function classifyBefore(before: string): LabelKind {
  const segments = before.split(/\t|\d[\d.,:/%-]*/).filter((segment) => /[a-z].*[a-z]|[^\x00-\x7f]/.test(segment));
  const nearest = segments[segments.length - 1];
  if (nearest === undefined) return 'none';
  const kind = classifyLabel(nearest);
  // The whole row speaks only when the nearest words say nothing ("TOTAL INCL. GST@6% RM").
  return kind !== 'none' || segments.length === 1 ? kind : classifyLabel(before);
}

/** Each labelled row's amount (the rightmost), taking it from the next row when the label stands alone. */
export function readSummary(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][]): SummaryAmount[] {
  const summary: SummaryAmount[] = [];
  rows.forEach((row, index) => {
    const amounts = rowAmounts[index] ?? [];
    const amount = amounts[amounts.length - 1];
    if (amount) {
      const kind = classifyAmount(row, amount);
      if (kind === 'tendered' && (CARD.test(row.norm) || (PAID.test(row.norm) && !HANDED.test(row.norm)))) summary.push({ kind, value: amount.value, row: index, amount, amountRow: index, rate: undefined, card: true });
      else if (kind !== 'none') summary.push({ kind, value: amount.value, row: index, amount, amountRow: index, rate: readRate(row.text.slice(0, amount.start)) });
      return;
    }
    const loose = TOTAL_WORD.test(row.norm) && /\d/.test(row.text) ? readLooseTotal(row, index) : undefined;
    if (loose) {
      summary.push(loose);
      return;
    }
    // A label alone on its row ("TOTAL") with the amount alone on the next.
    const next = rows[index + 1];
    const nextAmounts = rowAmounts[index + 1] ?? [];
    const below = nextAmounts[nextAmounts.length - 1];
    if (/\d/.test(row.text) || COLUMN_HEADINGS.test(row.norm)) return;
    if (next && below && ONLY_AMOUNTS.test(withoutAmounts(next.text, nextAmounts))) {
      const kind = classifyLabel(row.norm);
      if (kind !== 'none') summary.push({ kind, value: below.value, row: index, amount: below, amountRow: index + 1, rate: readRate(row.text) });
      return;
    }
    // What is due, its label a little lower than its amount and read onto the next row ("139. 05" over "Due"), with nothing
    // below it. Not a plain "TOTAL:", which ends tax tables whose columns OCR reads row by row.
    const previous = rows[index - 1];
    const previousAmounts = rowAmounts[index - 1] ?? [];
    const above = previousAmounts[previousAmounts.length - 1];
    if (below || !previous || !above || !ONLY_AMOUNTS.test(withoutAmounts(previous.text, previousAmounts))) return;
    const kind = classifyLabel(row.norm);
    if (kind === 'grand' && !row.text.includes('\t')) summary.push({ kind, value: above.value, row: index, amount: above, amountRow: index - 1, rate: undefined });
  });
  const lastTotalRow = Math.max(-1, ...summary.filter((e) => (e.kind === 'grand' || e.kind === 'total') && !NET_TOTAL.test(rows[e.row]?.norm ?? '')).map((e) => e.row));
  return summary.map((entry) => {
    const norm = rows[entry.row]?.norm ?? '';
    if (entry.kind === 'grand' && entry.row < lastTotalRow && NET_TOTAL.test(norm)) return { ...entry, kind: 'subtotal' };
    if ((entry.kind === 'grand' || entry.kind === 'total') && ROUNDED_LABEL.test(norm)) return { ...entry, rounded: true };
    return entry.kind === 'tax' && INCLUDED_LABEL.test(norm) ? { ...entry, included: true } : entry;
  });
}

/**
 * A whole or one-decimal number ending a total row ("Total: 104", "GrandTotal 356.0", "TOTAL 23.0¢"), cents after a space OCR
 * made of the point ("TOTAL 8 51"), or after the mark the receipt does not use ("zu zahlen 15.52" among "2,49"s).
 */
const TOTAL_WORD = /tot|summ|due|kopa|ukupno|amount|amt|zahlen|betrag/;
const LOOSE_NUMBER = /(?<![\d.,:/-])(\d{1,6})(?:[.,](\d{1,2})| (\d{2}))?[^\p{L}\p{N}]{0,2}$/u;

function readLooseTotal(row: ReceiptRow, index: number): SummaryAmount | undefined {
  const match = LOOSE_NUMBER.exec(row.text);
  const label = row.text.slice(0, match?.index);
  if (!match?.[1] || !/[a-z]{3}/i.test(label) || /\d/.test(label) || !/[\s:]$/.test(label)) return undefined;
  const norm = normalizeText(label);
  // Only a word that names the total, not a balance of points or a count ("CLOSING BALANCE 2307", "ITEMS 2").
  if (!TOTAL_WORD.test(norm) || /item|qty|number|count|point|sold/.test(norm)) return undefined;
  const kind = classifyLabel(norm);
  if (kind !== 'total' && kind !== 'grand') return undefined;
  const decimals = match[3] ?? match[2];
  const value = Number(`${match[1]}.${decimals ?? '0'}`);
  const amount: Amount = { value, decimals: decimals?.length ?? 0, start: match.index, end: match.index + match[0].length, marker: null };
  return value > 0 ? { kind, value, row: index, amount, amountRow: index, rate: undefined, loose: true } : undefined;
}

/**
 * The summary read as if each label's amount stood one row above (`offset` -1) or below (+1) it: how a receipt's columns
 * come out when OCR reads the labels and the amounts as two columns a row apart ("SubTotal 0.61", "TAX 9.29", "Total").
 */
export function readShiftedSummary(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][], offset: -1 | 1): SummaryAmount[] {
  const summary: SummaryAmount[] = [];
  rows.forEach((row, index) => {
    const own = rowAmounts[index] ?? [];
    const label = withoutAmounts(row.text, own, ' ');
    if (!/\p{L}{2}/u.test(label)) return;
    const amounts = rowAmounts[index + offset] ?? [];
    const amount = amounts[amounts.length - 1];
    if (!amount) return;
    const kind = classifyLabel(normalizeText(label));
    if (kind !== 'none' && kind !== 'ignore') summary.push({ kind, value: amount.value, row: index, amount, amountRow: index + offset, rate: readRate(label) });
  });
  return summary;
}

/** A tip line on a card slip ("Tip: ______", "GRATUITY 18.90") and what follows its label. */
const TIP_LINE = /^[^\p{L}\p{N}]{0,3}(?:tip|tips|gratuity|add tip|trinkgeld|pourboire|propina)\b[\s:.]*(.*)$/iu;

/**
 * A tip written on the slip by hand, which OCR could not read ("Tip: 2p", "GRATUITY yaaa"): below the printed total, a tip
 * line holding neither an amount nor the blank to write one on. The total paid is then the printed one plus a tip unknown.
 */
export function hasUnreadTip(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][], below: number): boolean {
  for (let index = below + 1; index < rows.length; index++) {
    const rest = TIP_LINE.exec(rows[index]?.text ?? '')?.[1];
    if (rest === undefined || (rowAmounts[index] ?? []).length > 0) continue;
    if (isWriting(rest)) return true;
    // Handwriting larger than the print lands on a row of its own, above or below the label ("2p" over "Tip:").
    if (rest.trim() === '' && [index - 1, index + 1].some((near) => (rowAmounts[near] ?? []).length === 0 && isWritingRow(rows[near]))) return true;
  }
  return false;
}

/** Something written where a slip leaves a blank: letters or digits beyond the blank's own underscores and signs. */
const isWriting = (rest: string): boolean => /[\p{L}\p{N}]/u.test(rest.replace(/[_\-.$€£\s]/g, ''));

/** A short row of writing that is no label and not the signature line's printed x. */
const isWritingRow = (row: ReceiptRow | undefined): boolean =>
  row !== undefined && row.text.trim().length <= 24 && isWriting(row.text) && !/^\s*[xX×]\s*$/.test(row.text) && classifyLabel(row.norm) === 'none' && !/[:]\s*$/.test(row.text);

/**
 * The tip a card slip's writer added under the printed amount, when the total written after it is unreadable: a tip row
 * below the amount, then a total label with no amount OCR could read, within three rows.
 */
export function findWrittenTip(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][], summary: readonly SummaryAmount[], below: number): number | undefined {
  const tip = summary.find((entry) => entry.kind === 'tip' && entry.value > 0 && entry.amountRow > below);
  if (!tip) return undefined;
  for (let index = tip.amountRow + 1; index <= tip.amountRow + 3 && index < rows.length; index++) {
    if ((rowAmounts[index] ?? []).length === 0 && /^\W*total\b/.test(rows[index]?.norm ?? '')) return tip.value;
  }
  return undefined;
}
