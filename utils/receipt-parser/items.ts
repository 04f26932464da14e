import { formatAmount, withoutAmounts, type Amount } from './amounts';
import type { LineItem } from '../receipt';
import { isAddressOrContact } from './merchant-rows';
import type { ReceiptRow } from './rows';

const MAX_ITEMS = 200;
const QUANTITY = /(?:^|\s)(\d{1,3}(?:[.,]\d{1,3})?)\s*(?:x|×|@|\*|pcs?|stk|st)(?=\s|$)|(?:^|\s)(?:x|×|qty:?)\s*(\d{1,3})(?=\s|$)/i;
const NOT_ITEM = /\b(?:items?|item\(s\)|qty|qty\(s\)|total|subtotal|summe|tax|vat|gst|cash|change|tendered|rounding|discount|tip|balance|payment|card|visa|mastercard|date|time)\b/;

const letters = (text: string): number => (text.match(/\p{L}/gu) ?? []).length;
const letterShare = (text: string): number => letters(text) / Math.max(1, text.length);
/** Names above the numbers are the common layout; a row below is the fallback. */
const rank = (text: string, below: boolean): number => letterShare(text) - (below ? 0.5 : 0);

const LEADING_COUNT = /^(\d{1,2})\s+(?=\p{L})/u;

/** What was bought, without codes, quantity marks and the tax letter printers put after a price. */
function cleanDescription(text: string): string {
  return text
    .replace(QUANTITY, ' ')
    .replace(/(?:^|\s)\d{5,}(?=\s|$)/g, ' ')
    .replace(/[\t ]+/g, ' ')
    .replace(/\s(?:[A-Z]{1,2}|ZRL)$/, '')
    .replace(/^[\s\d.,:*x×@-]+|[\s:*@=-]+$/gi, '')
    .trim();
}

/** The row's words without its amounts. */
function describe(row: ReceiptRow, amounts: readonly Amount[]): string {
  return cleanDescription(withoutAmounts(row.text, amounts));
}

function readQuantity(text: string): number | null {
  const match = QUANTITY.exec(text);
  const raw = match?.[1] ?? match?.[2] ?? LEADING_COUNT.exec(text)?.[1];
  if (raw === undefined) return null;
  const quantity = Number(raw.replace(',', '.'));
  return Number.isFinite(quantity) && quantity > 0 ? quantity : null;
}

/** What the priced items come to, when there are at least two of them: one item's price proves nothing. */
export function sumItems(items: readonly LineItem[]): number | undefined {
  const amounts = items.flatMap((item) => (item.amount === null ? [] : [Number(item.amount)]));
  return amounts.length >= 2 ? amounts.reduce((sum, value) => sum + value, 0) : undefined;
}

/** Rows between the header and the first summary row that end with a price, as line items. */
export function findItems(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][], start: number, end: number, decimals: number): LineItem[] {
  const items: LineItem[] = [];
  const used = new Set<number>();
  for (let index = Math.max(0, start); index < Math.min(end, rows.length) && items.length < MAX_ITEMS; index++) {
    const row = rows[index];
    const amounts = rowAmounts[index] ?? [];
    const last = amounts[amounts.length - 1];
    if (!row || !last || NOT_ITEM.test(row.norm)) continue;
    let description = describe(row, amounts);
    // Above the first item, a row of the shop's address ("NO.53 55,57 & 59, JALAN SAGU 18,") holds numbers, not prices:
    // an address written as one, with commas besides its numbers ("STREET TACOS 12.50" is food).
    if (items.length === 0 && isAddressOrContact(row.norm) && description.includes(',')) continue;
    if (letters(description) < 3) {
      // Printers often put the name on its own row above or below the numbers, sometimes above a code row.
      const neighbour = [index - 1, index - 2, index + 1]
        .filter((at) => at >= start && at < end && !used.has(at) && (rowAmounts[at] ?? []).length === 0)
        .map((at) => ({ at, text: cleanDescription(rows[at]?.text ?? '') }))
        .filter(({ at, text }) => letters(text) >= 3 && !NOT_ITEM.test(rows[at]?.norm ?? ''))
        .sort((a, b) => rank(b.text, b.at > index) - rank(a.text, a.at > index))[0];
      if (neighbour) {
        description = neighbour.text;
        used.add(neighbour.at);
      }
    }
    if (letters(description) < 2) continue;
    items.push({ description, quantity: readQuantity(row.text), amount: formatAmount(last.value, decimals) });
  }
  return items;
}
