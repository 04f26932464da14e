import { formatAmount, type Amount } from './amounts';
import type { LineItem } from '../receipt';
import type { ReceiptRow } from './rows';

const MAX_ITEMS = 200;
const QUANTITY = /(?:^|\s)(\d{1,3}(?:[.,]\d{1,3})?)\s*(?:x|×|@|\*|pcs?|stk|st)(?=\s|\d|$)|(?:^|\s)(?:x|×|qty:?)\s*(\d{1,3})(?=\s|$)/i;
const NOT_ITEM = /\b(?:total|subtotal|summe|tax|vat|gst|cash|change|tendered|rounding|discount|tip|balance|payment|card|visa|mastercard|date|time)\b/;

const letters = (text: string): number => (text.match(/\p{L}/gu) ?? []).length;

/** The row's words without its amounts, codes and quantity marks: what was bought. */
function describe(row: ReceiptRow, amounts: readonly Amount[]): string {
  let text = row.text;
  for (const amount of [...amounts].reverse()) text = text.slice(0, amount.start) + text.slice(amount.end);
  return text
    .replace(QUANTITY, ' ')
    .replace(/(?:^|\s)\d{5,}(?=\s|$)/g, ' ')
    .replace(/[\t ]+/g, ' ')
    .replace(/^[\s\d.,:*x×@-]+|[\s:*@=-]+$/gi, '')
    .trim();
}

function readQuantity(text: string): number | null {
  const match = QUANTITY.exec(text);
  const raw = match?.[1] ?? match?.[2];
  if (raw === undefined) return null;
  const quantity = Number(raw.replace(',', '.'));
  return Number.isFinite(quantity) && quantity > 0 ? quantity : null;
}

/** Rows between the header and the first summary row that end with a price, as line items. */
export function findItems(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][], start: number, end: number, decimals: number): LineItem[] {
  const items: LineItem[] = [];
  for (let index = Math.max(0, start); index < Math.min(end, rows.length) && items.length < MAX_ITEMS; index++) {
    const row = rows[index];
    const amounts = rowAmounts[index] ?? [];
    const last = amounts[amounts.length - 1];
    if (!row || !last || NOT_ITEM.test(row.norm)) continue;
    let description = describe(row, amounts);
    if (letters(description) < 3) {
      // Printers often put the name on its own row above or below the numbers.
      const above = rows[index - 1];
      const below = rows[index + 1];
      const neighbour = [above, below].find(
        (candidate, offset) => candidate && (rowAmounts[index + (offset === 0 ? -1 : 1)] ?? []).length === 0 && letters(candidate.text) >= 3 && !NOT_ITEM.test(candidate.norm),
      );
      description = neighbour ? neighbour.text.replace(/[\t ]+/g, ' ').trim() : description;
    }
    if (letters(description) < 2) continue;
    items.push({ description, quantity: readQuantity(row.text), amount: formatAmount(last.value, decimals) });
  }
  return items;
}
