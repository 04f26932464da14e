import { sameAmount } from './amounts';
import { bothSigns, findImpliedTotals, isOneDigitApart, isRound, isRounding, ofKind, pickTax } from './sums';
import type { SummaryAmount } from './summary';

export interface TotalPick {
  total: SummaryAmount | undefined;
  /** A total worked out (cash − change) when no row says it. */
  derived: number | undefined;
  confidence: number;
  subtotal: SummaryAmount | undefined;
  tax: number | undefined;
  tip: SummaryAmount | undefined;
  /** The total is what cash − change or the parts adding up make: the receipt's arithmetic holds. */
  balanced: boolean;
}

/** A total the line items add up to is sure. */
const ITEMS_BACKED = 0.85;

/** What the receipt's rows say of its total besides their labels. */
export interface TotalHints {
  /** The largest amount written with a currency: the guess when no row names a total and no arithmetic gives one. */
  inCurrency?: number | undefined;
  /** The largest amount written as money: the last resort. */
  asMoney?: number | undefined;
  /** Amounts a subtotal and the amounts under it add up to, labelled or not (see findColumnTotals). */
  columns?: readonly number[];
}

/**
 * Picks what the customer paid, else the likeliest guess `hints` give. `itemsSum`, what the line items come to, makes sure
 * a total it equals: it never picks one.
 */
export function pickTotal(rawSummary: readonly SummaryAmount[], hints: TotalHints = {}, itemsSum?: number): TotalPick {
  const fallback = hints.inCurrency;
  // A "rounding" row whose amount is too large to be an adjustment is the rounded total.
  const rounded = rawSummary.map((e) => (e.kind === 'rounding' && Math.abs(e.value) >= 1 ? { ...e, kind: 'grand' as const } : e));
  // "Net Amount" below "Grand Total" and "Round Off", equal to the two together, is the rounded total, not a subtotal; so is a
  // subtotal printed again after its rounding ("SUBTOTAL 41.43", "ROUNDING 0.02", "SUBTOTAL 41.45").
  const roundings = rounded.filter((e) => e.kind === 'rounding' && e.value !== 0);
  const isRoundedTotal = (e: SummaryAmount): boolean =>
    rounded.some((t) => (t.kind === 'grand' || t.kind === 'total' || t.kind === 'subtotal') && t.row < e.row && roundings.some((r) => r.row > t.row && r.row < e.row && sameAmount(t.value + r.value, e.value)));
  // "Net Amount" under "Gross Amount" and the tax, equal to the two together, is the total after tax.
  const taxes = rounded.filter((e) => e.kind === 'tax' && e.value > 0);
  const isTaxedTotal = (e: SummaryAmount): boolean =>
    rounded.some((t) => (t.kind === 'grand' || t.kind === 'total') && t.row < e.row && taxes.some((x) => x.row > t.row && x.row < e.row && sameAmount(t.value + x.value, e.value)));
  // With no total row, a subtotal printed again a few cents off ("SUBTOTAL 41.43", "SUBTOTAL 41.45") is the rounded total whose
  // rounding row OCR lost.
  const noTotalRow = !rounded.some((t) => t.kind === 'grand' || t.kind === 'total');
  const isRoundedAgain = (e: SummaryAmount): boolean => noTotalRow && rounded.some((t) => t.kind === 'subtotal' && t.row < e.row && !sameAmount(t.value, e.value) && Math.abs(t.value - e.value) <= 0.05);
  const promoted = rounded.map((e) => (e.kind === 'subtotal' && (isRoundedTotal(e) || isTaxedTotal(e) || isRoundedAgain(e)) ? { ...e, kind: 'total' as const } : e));
  // "GRAND TOTAL 1000" under "SUB TOTAL 10.00", "TOTAL DUE: $2730" under "$26." and "GST $1.30", a card slip's "Betrag EUR
  // 2504" under "Gesamtbetrag 25,04": a decimal point OCR dropped, which the receipt's other amounts show.
  const mayHaveLostPoint = (e: SummaryAmount): boolean => (e.loose === true || e.amount.marker !== null) && e.amount.decimals === 0 && e.value >= 100;
  // The parts are summed only for a receipt that has such an amount: most have none.
  const promotedImplied = promoted.some(mayHaveLostPoint) ? findImpliedTotals(promoted) : undefined;
  const parts = promotedImplied ? [...promoted.filter((e) => !e.loose && (e.kind === 'subtotal' || e.kind === 'tendered' || ((e.kind === 'grand' || e.kind === 'total') && e.amount.decimals > 0))).map((e) => e.value), ...promotedImplied.summed, ...promotedImplied.paid] : [];
  const summary = promoted.map((e) => (mayHaveLostPoint(e) && parts.some((value) => sameAmount(value, e.value / 100)) ? { ...e, value: e.value / 100 } : e));
  const itemsAddUp = (value: number): boolean => itemsSum !== undefined && sameAmount(itemsSum, value);
  const named = ofKind(summary, 'grand', 'total');
  // A number not written as money is a total only when no total row says one in money, or when the items add up to it.
  const labelled = named.some((e) => !e.loose) ? named.filter((e) => !e.loose || itemsAddUp(e.value)) : named;
  // A refund's total is negative; a receipt with any positive total is a sale.
  const positive = labelled.filter((e) => e.value > 0);
  const negative = labelled.filter((e) => e.value < 0);
  // A receipt that came to nothing ("Total $0.00": a free item, a comp, a pre-order) has a total of zero, not none; but
  // not one where money changed hands or was printed ("Total Due £0.00" under a payment is what is left to pay).
  const nothingPaid = !summary.some((e) => e.kind === 'tendered' && e.value > 0) && !(fallback !== undefined && fallback > 0);
  const zero = nothingPaid ? labelled.filter((e) => e.value === 0 && !e.loose) : [];
  const signed = positive.length > 0 ? positive : negative.length > 0 ? negative : zero;
  // OCR often drops a rounding's minus sign ("~0.01"), so a rounding counts either way.
  const roundingEither = bothSigns(ofKind(summary, 'rounding'));
  // What may be added to a total after it is printed: a rounding adjustment, a tip.
  const adjustments = [...roundingEither, ...ofKind(summary, 'tip').map((e) => e.value)].filter((value) => value !== 0);
  const implied = findImpliedTotals(summary);
  const paid = implied.paid;
  const summed = [...implied.summed, ...(hints.columns ?? [])];
  const tendered = ofKind(summary, 'tendered').map((e) => e.value);
  // How many other places print or make the same amount: what was paid, the parts adding up, the cash handed over,
  // the subtotal, another total row.
  const subtotals = ofKind(summary, 'subtotal').map((e) => e.value);
  const support = (entry: SummaryAmount): number =>
    [paid, summed, tendered, subtotals].filter((values) => values.some((value) => sameAmount(value, entry.value))).length +
    signed.filter((other) => other.row !== entry.row && sameAmount(other.value, entry.value)).length;
  // Two totals one digit apart ("102.00" and a rounded "702.00") are one amount misread; the one the receipt backs stands.
  // Not when a rounding adjustment or tip makes one from the other ("88.97", "Rounding -0.02", "88.95").
  // With nothing to tell them apart, a later total one digit from an earlier one that no rounding would change ("Total 9.00",
  // "Rounded Total 9.60") is the misread one.
  const backedMore = (other: SummaryAmount, entry: SummaryAmount): boolean =>
    support(other) > support(entry) || (support(other) === support(entry) && other.row < entry.row && isRound(other.value));
  const misread = (entry: SummaryAmount, other: SummaryAmount): boolean =>
    isOneDigitApart(other.value, entry.value) && backedMore(other, entry) && !adjustments.some((r) => sameAmount(other.value + r, entry.value) || sameAmount(entry.value + r, other.value));
  const candidates = signed.filter((entry) => !signed.some((other) => misread(entry, other)));
  const largest = Math.max(0, ...candidates.map((e) => Math.abs(e.value)));
  const firstChange = ofKind(summary, 'change')[0]?.row ?? Number.POSITIVE_INFINITY;
  let best: SummaryAmount | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const entry of candidates) {
    let score = entry.kind === 'grand' ? 3 : 2;
    if (entry.amount.marker !== null) score += 0.2;
    if (paid.some((value) => sameAmount(value, entry.value))) score += 1.5;
    if (summed.some((value) => sameAmount(value, entry.value))) score += 1;
    if (tendered.some((value) => sameAmount(value, entry.value))) score += 0.5;
    if (sameAmount(Math.abs(entry.value), largest)) score += 0.5;
    if (candidates.every((other) => sameAmount(other.value, entry.value))) score += 0.5;
    // A "total" far below the largest is a tax line that names the total ("GST included in total: 1.42").
    if (Math.abs(entry.value) < largest * 0.3) score -= 2;
    // A total after its rounding adjustment or tip is the one paid.
    // So is one its label calls rounded, a few cents from a total above it, when OCR lost the adjustment's label.
    if (candidates.some((other) => other.row < entry.row && (adjustments.some((r) => sameAmount(other.value + r, entry.value)) || (entry.rounded === true && isRounding(other.value, entry.value))))) score += 2;
    // Totals printed after the change are tax tables and reprints.
    if (entry.row > firstChange) score -= 0.7;
    score += entry.row * 0.001;
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  const tip = ofKind(summary, 'tip').find((e) => e.value > 0);
  // Without a subtotal line, the total printed before the tip ("Summe", "Trinkgeld", "Gesamt") is the subtotal.
  const beforeTip = best && tip ? candidates.find((e) => e.row < best.row && sameAmount(e.value + tip.value, best.value)) : undefined;
  const subtotal = ofKind(summary, 'subtotal').find((e) => e.value > 0) ?? beforeTip;
  const tax = pickTax(summary, best?.value, subtotal?.value);
  // Two of cash − change, the parts adding up, the subtotal, a total with its rounding and the items agree on an amount no total row backs: a digit of that row
  // was misread. And a total printed after the change (a tax table's) that nothing backs yields to what was paid.
  const chosen = best;
  const adjusted = signed.filter((entry) => entry !== chosen).flatMap((entry) => roundingEither.map((r) => entry.value + r));
  const sources = [paid, summed, subtotals, adjusted, itemsSum === undefined ? [] : [itemsSum]];
  const agreed = [...paid, ...summed].find((value) => sources.filter((values) => values.some((other) => sameAmount(other, value))).length >= 2);
  // The parts adding up to an amount one digit from a total nothing backs: that digit of the total was misread. Not a few
  // cents apart, which is how a till's rounding and a receipt's own sums differ ("343.95" against parts of 343.97). The items
  // and a tax are such parts when the subtotal is misread ("subtotal 926.33" for $26.33); never against a total the items
  // already make, whose tax the prices include ("TOTAL EURO 50.00", "TVA 20% 1.00").
  const itemsTaxed = itemsSum === undefined ? [] : ofKind(summary, 'tax').filter((e) => e.value > 0 && !e.included && e.value < itemsSum / 2).map((e) => itemsSum + e.value);
  const summedNear = chosen ? [...summed, ...itemsTaxed].find((value) => isOneDigitApart(value, chosen.value) && Math.abs(value - chosen.value) >= 0.05) : undefined;
  const override = chosen && support(chosen) === 0 && !itemsAddUp(chosen.value) ? (agreed ?? summedNear ?? (chosen.row > firstChange ? paid[0] : undefined)) : undefined;
  // Never the total's own rounded amount: "TOTAL 12.37", "ROUNDING -0.02", cash − change 12.35 say the same.
  const roundedLater = bothSigns(ofKind(summary, 'rounding').filter((e) => chosen !== undefined && e.row > chosen.row));
  const consistent = (value: number): boolean => chosen !== undefined && (sameAmount(value, chosen.value) || roundedLater.some((r) => sameAmount(chosen.value + r, value)));
  if (override !== undefined && !consistent(override)) {
    return { total: undefined, derived: override, confidence: itemsAddUp(override) ? ITEMS_BACKED : 0.7, subtotal, tax, tip, balanced: true };
  }
  if (chosen) {
    const value = chosen.value;
    const balanced = paid.some((paidValue) => sameAmount(paidValue, value)) || summed.some((sum) => sameAmount(sum, value));
    // Sure only when the receipt backs the amount up: what was paid or handed over, the parts adding up to it, or a
    // second total row printing it again. A lone labelled amount may be misread and is never more than likely.
    const backed = balanced || tendered.some((handed) => sameAmount(handed, value)) || candidates.some((other) => other.row !== chosen.row && sameAmount(other.value, value));
    // "Total 11.98", "Rounding Adjust 0.02", "Rounding 12.00": receipts and their readers differ on which of the two is the
    // total when the rounded one is labelled only as a rounding, so it is never sure.
    const roundingOnly = rawSummary.some((e) => e.row === chosen.row && e.kind === 'rounding') && candidates.some((other) => other.row < chosen.row && roundingEither.some((r) => r !== 0 && sameAmount(other.value + r, value)));
    // Backing counts toward sure as well as allowing it: "TOTAL 33.00" over "Cash 33.00" is sure.
    const confidence = backed && !roundingOnly ? Math.min(1, 0.5 + (bestScore - 2) * 0.2) : Math.min(0.75, 0.45 + (bestScore - 2) * 0.2);
    // The items adding up to it is the receipt's own arithmetic, printed line by line: a misread digit would break it.
    const itemsBacked = itemsAddUp(value) && !roundingOnly ? ITEMS_BACKED : 0;
    return { total: chosen, derived: undefined, confidence: Math.max(0.5, confidence, itemsBacked), subtotal, tax, tip, balanced };
  }
  // The cash handed over is never the total on its own; when it agrees with the subtotal, that is what was paid.
  const subtotalPaid = ofKind(summary, 'subtotal').find((e) => e.value > 0 && tendered.some((value) => sameAmount(value, e.value)))?.value;
  // A card pays the exact amount: with no total printed and no change given, what the card paid is the total.
  const noChange = ofKind(summary, 'change').length === 0;
  const cardPaid = noChange ? summary.find((e) => e.card && e.value > 0)?.value : undefined;
  // The guess (the largest amount in a currency) is no total when the receipt prints a larger subtotal ("Saving £3.00" under "Sold Items Total 13.40").
  const guess = fallback !== undefined && subtotals.some((value) => value > fallback) ? undefined : fallback;
  // Of the sums the parts make, the one handed over exactly ("SUB TOTAL 885.00", "VAT 110.63", "SRV.TAX 43.37", "CASH 1039.00").
  const summedPaid = summed.find((value) => tendered.some((handed) => sameAmount(handed, value)));
  // Else the sum of every part printed: subtotal, service charge and tax ("SUBTOTAL 42.69", "SC 4.27", "GST 3.29"), not a part of them.
  // Not when a tax says the amounts include it ("inclusive of GST @6% 1.42"): the subtotal may already be the total.
  const allParts = summed.length > 0 && !ofKind(summary, 'tax').some((e) => e.included) ? Math.max(...summed) : undefined;
  // Cash to the cent with no change given ("Bar € 32,60"): the exact amount was paid. A whole sum ("CASH 50.00") is a note
  // handed over, whose change the photo may have lost.
  const exactCash = noChange ? ofKind(summary, 'tendered').filter((e) => !e.loose && e.amount.decimals === 2 && !Number.isInteger(e.value) && e.value > 0) : [];
  const handed = Math.max(0, ...exactCash.map((e) => e.value));
  const cashPaid = handed > 0 && (guess === undefined || handed >= guess) ? handed : undefined;
  const made = agreed ?? paid[0] ?? summedPaid ?? allParts ?? subtotalPaid ?? cardPaid ?? cashPaid ?? guess;
  // Last, a lone subtotal with nothing to add or take off ("Sold Items Total 13.40" and no total row, or a tax of 0.00) is the
  // likeliest total, never a sure one: the items add up to it by its nature, and the rows that would change it may be where the photo ends.
  // Of two subtotals ("SUBTOTAL 661.00", "Netto 25% 628.80"), the one the items add up to.
  const onlySubtotal = ofKind(summary, 'tax', 'tip', 'discount').every((e) => e.value === 0 || e.included) ? (subtotals.length === 1 ? subtotals[0] : subtotals.find(itemsAddUp)) : undefined;
  // With nothing else, on a photo whose labels OCR lost ("1360.00" alone, "RoOTAL _ 20.00"), the largest amount written as
  // money is a guess for the user to check, which beats an empty field.
  const derived = made ?? onlySubtotal ?? hints.asMoney;
  const balanced = derived !== undefined && derived !== fallback && paid.some((value) => sameAmount(value, derived)) && summed.some((value) => sameAmount(value, derived));
  const confidence = derived === undefined ? 0 : made === undefined ? (derived === onlySubtotal ? 0.3 : 0.2) : itemsAddUp(derived) ? ITEMS_BACKED : derived === fallback ? 0.2 : 0.3;
  return { total: undefined, derived, confidence, subtotal, tax, tip, balanced };
}
