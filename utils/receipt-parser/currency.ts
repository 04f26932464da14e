import type { Amount } from './amounts';
import { readCurrencyMarker } from './currency-markers';
import type { ReceiptRow } from './rows';

/** Words only one country's receipts print, in normalised text; both cue tables below use them. */
const COUNTRY_WORDS = {
  NOK: /\bmva\b|\bforetaksregisteret\b|\ba betale\b|\bnorge\b/,
  DKK: /\bcvr\b|\bi alt\b|\bdanmark\b|\bat betale\b/,
  AUD: /\babn\b|\baustralia\b|\beftpos\b/,
  // "Singapore059817": the postcode glued on, as OCR and transcriptions write it.
  SGD: /\bsingapore(?![a-z])|\buen\b/,
  MXN: /\bmexico\b|\brfc\b/,
  // A company form, a company number ("(81109-A)"), an address word or a place only Malaysia has (Indonesia's receipts also say
  // "jalan" and "tunai").
  MYR: /\bsdn\.? ?bhd\b|\bs\/b\b|\(\d{5,7}-[a-z]\)|\bjln\b|\btmn\b|\bshah alam\b|\bpetaling jaya\b|\bsubang jaya\b|\bklang\b|\bcheras\b|\bpuchong\b|\bipoh\b|\bseremban\b|\bmalaysia\b|\bjohor\b|\bselangor\b|\bkuala lumpur\b|\bpulau pinang\b|\bpenang\b|\bmelaka\b|\bnegeri sembilan\b|\bkedah\b|\bpahang\b|\bterengganu\b|\bkelantan\b|\bperlis\b|\bsabah\b|\bsarawak\b|\bputrajaya\b|\blabuan\b/,
} as const;

const COUNTRY_CUES: ReadonlyArray<readonly [RegExp, string, string]> = [
  // [cue in normalised text, currency family, currency]
  [COUNTRY_WORDS.NOK, 'kr', 'NOK'],
  [COUNTRY_WORDS.DKK, 'kr', 'DKK'],
  [/\bmoms\b|\batt betala\b|\bsverige\b|\bkvitto\b/, 'kr', 'SEK'],
  [/\bnew zealand\b|\bauckland\b|\bwellington\b|\bchristchurch\b|\bgst (?:no|number)\.?:? ?\d{2,3}-\d{3}-\d{3}\b/, '$', 'NZD'],
  [COUNTRY_WORDS.AUD, '$', 'AUD'],
  [/\bhst\b|\bqst\b|\btps\b|\bcanada\b|\bontario\b|\bquebec\b/, '$', 'CAD'],
  [COUNTRY_WORDS.SGD, '$', 'SGD'],
  [/\bhong kong\b/, '$', 'HKD'],
  // A Malaysian till set up with a dollar sign still takes ringgit.
  [COUNTRY_WORDS.MYR, '$', 'MYR'],
  [COUNTRY_WORDS.MXN, '$', 'MXN'],
  [/\brut\b|\bboleta\b|\bchile\b|\bsantiago\b/, '$', 'CLP'],
  [/\bcuit\b|\bargentina\b|\bcaba\b|\bbuenos aires\b/, '$', 'ARS'],
  [/\bcolombia\b|\bbogota\b|\bmedellin\b|\bnit\b/, '$', 'COP'],
  [/台北|台中|高雄|統一編號|\btaiwan\b/, '$', 'TWD'],
  [/元|人民币|\bchina\b|\bfapiao\b/, '¥', 'CNY'],
];

/**
 * A receipt that writes no currency at all is still in its country's: words, scripts and tax names that only one
 * currency's country prints, in normalised text. Checked in order; the first that matches wins.
 */
const LOCAL_CURRENCY_CUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\uac00-\ud7a3]/, 'KRW'],
  [/[\u3040-\u30ff]/, 'JPY'],
  [/[\u0e00-\u0e7f]/, 'THB'],
  [/[\u05d0-\u05ea]/, 'ILS'],
  [/[\u0391-\u03c9]/, 'EUR'],
  [/пдв|єдрпоу|всього|разом/, 'UAH'],
  [/[\u0430-\u044f]/, 'RUB'],
  [/合计|找零|人民币|发票/, 'CNY'],
  [COUNTRY_WORDS.NOK, 'NOK'],
  [COUNTRY_WORDS.DKK, 'DKK'],
  // Not "moms": Danish receipts print it too, and here no "kr" narrows the choice.
  [/\batt betala\b|\bsverige\b|\bkvitto\b/, 'SEK'],
  [/\bgstin\b|\bcgst\b|\bsgst\b|\bigst\b/, 'INR'],
  [/\bdubai\b|\babu dhabi\b|\bsharjah\b|\bu\.a\.e\b|\buae\b/, 'AED'],
  [COUNTRY_WORDS.MYR, 'MYR'],
  [/\bppn\b|\bnpwp\b|\bindonesia\b/, 'IDR'],
  [/\bvat reg tin\b|\bvatable\b|\bphilippines\b/, 'PHP'],
  [/\btong cong\b|\btien mat\b|\bthanh tien\b|\bviet ?nam\b/, 'VND'],
  [/\bcnpj\b|\bcupom fiscal\b|\bbrasil\b/, 'BRL'],
  [/\bkdv\b|\btoplam\b|\bturkiye\b/, 'TRY'],
  [/\bptu\b|\bparagon fiskalny\b|\bpolska\b/, 'PLN'],
  [/\bcelkem\b|\bdic: ?cz/, 'CZK'],
  [/\bafa\b.*\bosszesen\b|\bosszesen\b.*\bafa\b|\bmagyarorszag\b/s, 'HUF'],
  [COUNTRY_WORDS.AUD, 'AUD'],
  [/\bhst\b|\bqst\b|\bpst\b|\bcanada\b|\b(?:bc|ab|sk|mb|on|qc|nb|ns|pe|nl) [a-z]\d[a-z] ?\d[a-z]\d\b/, 'CAD'],
  [COUNTRY_WORDS.SGD, 'SGD'],
  [/\bnew zealand\b/, 'NZD'],
  [COUNTRY_WORDS.MXN, 'MXN'],
  [/\.co\.uk\b|\bunited kingdom\b|\b[a-z]{1,2}\d[a-z\d]? \d[abd-hjlnp-uw-z]{2}\b/, 'GBP'],
  [/\bchf\b|\bschweiz\b|\bsuisse\b|\bsvizzera\b|\bche-?\d{3}/, 'CHF'],
  // Tax words and company numbers of the euro countries, and the Baltic states' VAT and totals ("PVN", "Kopā"); checked last, so a Swiss or Latin American cue comes first.
  [/\bmwst\b|\bust-?id|\bsteuer-?nr|\bzu zahlen\b|\bsiret\b|\bttc\b|\bp\.? ?iva\b|\bpartita iva\b|\bdocumento commerciale\b|\bbtw\b|\bkvk\b|\bfactura simplificada\b|\bnif\b|\balv\b|\by-tunnus\b|\bpvn\b|\bpvm\b|\bkaibemaks|\bkopa\b|\bsamaksai\b|\bapmaksai\b/, 'EUR'],
];

/** The currency of the country a receipt without any currency names itself from, if any. */
export function findLocalCurrency(normText: string): string | undefined {
  return LOCAL_CURRENCY_CUES.find(([pattern]) => pattern.test(normText))?.[1];
}

/** The two-letter codes of the US states and DC, upper case as addresses print them. */
export const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
/** A US address ("Austin, TX 78701"), a US phone number or sales tax. */
const US_CUES = new RegExp(`\\b(?:${US_STATES}),? ?\\d{5}(?:-\\d{4})?(?![\\d-])|\\(\\d{3}\\) ?\\d{3}-\\d{4}\\b|\\b[Ss]ales [Tt]ax\\b`);

/** True when the receipt reads as American: a state and ZIP code, a (555) 555-5555 phone, "sales tax". */
export const hasUsCues = (rows: readonly ReceiptRow[]): boolean => rows.some((row) => US_CUES.test(row.text));

interface Votes {
  /** Votes per ISO code. */
  codes: Map<string, number>;
  /** Votes per symbol family ('$', '¥', 'kr'), whose country needs a cue. */
  families: Set<string>;
  /** Codes written out at least once ("RM", "SGD", "NT$"), not only as a one-character sign OCR may have misread. */
  spelled: Set<string>;
}

const FAMILY_OF: Record<string, string> = { $: '$', '¥': '¥', kr: 'kr', Kr: 'kr', KR: 'kr' };

/** Counts the currencies written against amounts, and at half weight those in column headers ("AMOUNT (RM)"). */
function countVotes(rows: readonly ReceiptRow[], amounts: readonly Amount[]): Votes {
  const votes: Votes = { codes: new Map(), families: new Set(), spelled: new Set() };
  const vote = (marker: string, weight: number): void => {
    const code = readCurrencyMarker(marker);
    if (code === undefined) return;
    votes.codes.set(code, (votes.codes.get(code) ?? 0) + weight);
    if (marker.length > 1) votes.spelled.add(code);
    const family = FAMILY_OF[marker];
    if (family !== undefined) votes.families.add(family);
  };
  for (const amount of amounts) if (amount.marker !== null) vote(amount.marker, 1);
  for (const row of rows) {
    if (!/RM|Rp|EUR|USD|GBP|CHF|[€£$]/.test(row.text)) continue;
    for (const match of row.text.matchAll(/(?:^|[\s(\[])(RM|Rp|EUR|USD|GBP|CHF|[€£$])(?=$|[\s)\]:])/g)) vote(match[1] ?? '', 0.5);
  }
  return votes;
}

const SAME_FAMILY: Record<string, RegExp> = { $: /^(USD|CAD|AUD|NZD|SGD|HKD|MXN|CLP|ARS|COP|TWD)$/, kr: /^(SEK|NOK|DKK|ISK)$/, '¥': /^(JPY|CNY)$/ };

/** The receipt's currency from symbols, codes and local forms, or the default ('' → null). */
export function detectCurrency(rows: readonly ReceiptRow[], amounts: readonly Amount[], defaultCurrency: string): { currency: string | null; confidence: number; fromReceipt: boolean } {
  const { codes, families, spelled } = countVotes(rows, amounts);
  let best: string | undefined;
  let bestVotes = 0;
  for (const [code, count] of codes) {
    if (count > bestVotes) {
      best = code;
      bestVotes = count;
    }
  }
  const fallback = defaultCurrency.trim().toUpperCase();
  if (best === undefined && hasUsCues(rows)) return { currency: 'USD', confidence: 0.5, fromReceipt: true };
  const all = rows.map((row) => row.norm).join('\n');
  if (best === undefined) {
    const local = findLocalCurrency(all);
    if (local !== undefined) return { currency: local, confidence: 0.5, fromReceipt: true };
    return { currency: /^[A-Z]{3}$/.test(fallback) ? fallback : null, confidence: fallback ? 0.4 : 0, fromReceipt: false };
  }
  // '$', '¥' and 'kr' are shared by several countries: the receipt's words, else the default, say which.
  const family = best === 'USD' && families.has('$') ? '$' : best === 'JPY' && families.has('¥') ? '¥' : best === 'SEK' && families.has('kr') ? 'kr' : undefined;
  if (family !== undefined) {
    const cue = COUNTRY_CUES.find(([pattern, cueFamily]) => cueFamily === family && pattern.test(all));
    if (cue) return { currency: cue[2], confidence: 0.8, fromReceipt: true };
    if (SAME_FAMILY[family]?.test(fallback)) return { currency: fallback, confidence: 0.8, fromReceipt: true };
  }
  // One sign that the receipt's country does not use ("£" or "¥" on a Johor receipt) is more often OCR's misreading than a foreign price.
  // An American address, phone or sales tax names the country as well as a local word does ("€" in a New York logo's junk).
  const local = bestVotes < 2 && !spelled.has(best) ? (findLocalCurrency(all) ?? (hasUsCues(rows) ? 'USD' : undefined)) : undefined;
  const foreign = local !== undefined && local !== best && !(family !== undefined && SAME_FAMILY[family]?.test(local));
  if (foreign) return { currency: local, confidence: 0.4, fromReceipt: true };
  return { currency: best, confidence: family !== undefined ? 0.7 : bestVotes >= 2 ? 0.95 : 0.85, fromReceipt: true };
}
