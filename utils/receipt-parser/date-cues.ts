import { hasUsCues } from './currency';
import type { ReceiptRow } from './rows';

/** A cue on the receipt for its country's day/month order, with how much it counts, unless another pattern is also there. */
type Cue = readonly [pattern: RegExp, order: 'dmy' | 'mdy', weight: number, unless?: RegExp];

/** GST is also Canada's, whose receipts print either order. */
const CANADA = /\b(?:hst|pst|qst|canada)\b/;

/** Read in lower-case text without accents; each cue counts once a receipt, however often it is printed. */
const CUES: readonly Cue[] = [
  // Tax names: VAT and GST, by whatever name, are charged where the day comes first (sales tax is among hasUsCues).
  [/\b(?:vat|tva|mwst|ust|iva|btw|moms|mva|alv|ppn|sst)\b/, 'dmy', 2],
  [/\bgst\b/, 'dmy', 2, CANADA],
  // Company forms.
  [/\b(?:sdn\.? ?bhd|bhd|s\/b|pte\.? ltd|pty\.? ltd|ltd|limited|plc|gmbh|sarl|s\.a\.r\.l|srl|s\.r\.l|s\.p\.a|b\.v|n\.v|aps|oy|sas|s\.a|s\.l)\b/, 'dmy', 1],
  [/\b(?:inc|llc|l\.l\.c)\b/, 'mdy', 1],
  // Phones: a trunk 0 or a foreign country code after the label is not American; (555) 555-5555 is.
  [/\b(?:tel|tele?phone|phone|telefon|fon|fax|hp|mobile|mob)\b[^\d+]{0,4}(?:0\d|\+(?!1\b)\d)/, 'dmy', 1],
  // Street words of countries where the day comes first.
  [/\b(?:rue|strasse|str|platz|gasse|weg|viale|piazza|calle|avda|carrer|rua|straat|laan|gatan|vej|jalan|jln|taman|lorong)\b/, 'dmy', 1],
  // A UK postcode.
  [/\b[a-z]{1,2}\d[a-z\d]? \d[a-z]{2}\b/, 'dmy', 1],
  [/\b(?:malaysia|singapore|australia|new zealand|india|united kingdom|england|scotland|wales|ireland|deutschland|germany|osterreich|austria|schweiz|suisse|france|italia|italy|espana|spain|nederland|belgique|belgie|portugal|sverige|danmark|norge|polska|indonesia|south africa)\b/, 'dmy', 2],
  [/\b(?:usa|u\.s\.a|united states)\b/, 'mdy', 2],
];

/**
 * The day/month order the receipt's own words point to (tax names, company forms, phones, postcodes,
 * countries, and the currency it prints), or undefined when they are silent or split evenly.
 */
export function readDateOrderCue(rows: readonly ReceiptRow[], currency: string | null, currencyFromReceipt: boolean): 'dmy' | 'mdy' | undefined {
  const all = rows.map((row) => row.norm).join('\n');
  let dmy = 0;
  let mdy = 0;
  for (const [pattern, order, weight, unless] of CUES) {
    if (!pattern.test(all) || unless?.test(all) === true) continue;
    if (order === 'dmy') dmy += weight;
    else mdy += weight;
  }
  // A US address, phone or sales tax, or dollars with no other country named.
  if (hasUsCues(rows)) mdy += 2;
  if (currencyFromReceipt && currency === 'USD') mdy += 2;
  else if (currencyFromReceipt && currency !== null && currency !== 'CAD' && currency !== 'PHP') dmy += 2;
  return dmy === mdy ? undefined : dmy > mdy ? 'dmy' : 'mdy';
}
