import type { Amount } from './amounts';
import type { ReceiptRow } from './rows';

/** ISO 4217 codes a receipt may print; "BHD" is left out as it ends Malaysian company names ("SDN BHD"). */
const ISO_CODES = new Set(
  ('USD EUR GBP JPY CNY RMB CHF CAD AUD NZD SGD HKD MYR IDR THB PHP INR PKR LKR BDT VND KRW TWD AED SAR QAR KWD OMR JOD ' +
    'EGP ZAR NGN KES GHS MAD TND TRY RUB UAH PLN CZK HUF RON BGN RSD SEK NOK DKK ISK BRL MXN ARS CLP COP PEN UYU ILS').split(' '),
);

const SYMBOLS: Record<string, string> = {
  '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₱': 'PHP', '฿': 'THB', '₫': 'VND', '₺': 'TRY', '₪': 'ILS',
  RM: 'MYR', Rp: 'IDR', 'Rs': 'INR', 'Rs.': 'INR', CHF: 'CHF', 'Fr.': 'CHF', zł: 'PLN', zl: 'PLN', Kč: 'CZK', Ft: 'HUF',
  lei: 'RON', TL: 'TRY', 'US$': 'USD', 'A$': 'AUD', 'C$': 'CAD', 'N$': 'NAD', 'S$': 'SGD', 'HK$': 'HKD', 'R$': 'BRL',
};

/** Codes whose amounts carry three decimals. */
export const THREE_DECIMAL_CURRENCIES = new Set(['KWD', 'OMR', 'JOD', 'TND', 'BHD']);

/** The ISO code a marker written against a number stands for, before any cue ('$' → 'USD', 'kr' → 'SEK'). */
export function readCurrencyMarker(marker: string): string | undefined {
  const trimmed = marker.trim();
  if (ISO_CODES.has(trimmed)) return trimmed === 'RMB' ? 'CNY' : trimmed;
  if (trimmed === '$') return 'USD';
  if (trimmed === '¥') return 'JPY';
  if (/^kr$/i.test(trimmed)) return 'SEK';
  return SYMBOLS[trimmed];
}

const COUNTRY_CUES: ReadonlyArray<readonly [RegExp, string, string]> = [
  // [cue in normalised text, currency family, currency]
  [/\bmva\b|\bforetaksregisteret\b|\ba betale\b|\bnorge\b/, 'kr', 'NOK'],
  [/\bcvr\b|\bi alt\b|\bdanmark\b|\bat betale\b/, 'kr', 'DKK'],
  [/\bmoms\b|\batt betala\b|\bsverige\b|\bkvitto\b/, 'kr', 'SEK'],
  [/\babn\b|\baustralia\b|\beftpos\b/, '$', 'AUD'],
  [/\bhst\b|\bqst\b|\btps\b|\bcanada\b|\bontario\b|\bquebec\b/, '$', 'CAD'],
  [/\bsingapore\b|\buen\b/, '$', 'SGD'],
  [/\bnew zealand\b|\bgst no\b.*\bnz\b/, '$', 'NZD'],
  [/\bhong kong\b/, '$', 'HKD'],
  [/\bmexico\b|\brfc\b/, '$', 'MXN'],
  [/元|人民币|\bchina\b|\bfapiao\b/, '¥', 'CNY'],
];

const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
/** A US address ("Austin, TX 78701"), a US phone number or sales tax. */
const US_CUES = new RegExp(`\\b(?:${US_STATES}),? \\d{5}(?:-\\d{4})?(?![\\d-])|\\(\\d{3}\\) ?\\d{3}-\\d{4}\\b|\\b[Ss]ales [Tt]ax\\b`);

/** True when the receipt reads as American: a state and ZIP code, a (555) 555-5555 phone, "sales tax". */
export const hasUsCues = (rows: readonly ReceiptRow[]): boolean => rows.some((row) => US_CUES.test(row.text));

/** The receipt's currency from symbols, codes and local forms, or the default ('' → null). */
export function detectCurrency(rows: readonly ReceiptRow[], amounts: readonly Amount[], defaultCurrency: string): { currency: string | null; confidence: number; fromReceipt: boolean } {
  const votes = new Map<string, number>();
  const families = new Map<string, number>();
  for (const amount of amounts) {
    if (amount.marker === null) continue;
    const code = readCurrencyMarker(amount.marker);
    if (code === undefined) continue;
    const family = amount.marker === '$' ? '$' : amount.marker === '¥' ? '¥' : /^kr$/i.test(amount.marker) ? 'kr' : code;
    families.set(family, (families.get(family) ?? 0) + 1);
    votes.set(code, (votes.get(code) ?? 0) + 1);
  }
  // Column headers such as "AMOUNT (RM)" or "Preis EUR" name the currency without touching a number.
  for (const row of rows) {
    if (!/RM|Rp|EUR|USD|GBP|CHF|[€£$]/.test(row.text)) continue;
    for (const match of row.text.matchAll(/(?:^|[\s(\[])(RM|Rp|EUR|USD|GBP|CHF|[€£$])(?=$|[\s)\]:])/g)) {
      const code = match[1] === undefined ? undefined : readCurrencyMarker(match[1]);
      if (code !== undefined) {
        const family = match[1] === '$' ? '$' : code;
        families.set(family, (families.get(family) ?? 0) + 0.5);
        votes.set(code, (votes.get(code) ?? 0) + 0.5);
      }
    }
  }
  let best: string | undefined;
  let bestVotes = 0;
  for (const [code, count] of votes) {
    if (count > bestVotes) {
      best = code;
      bestVotes = count;
    }
  }
  if (best === undefined && hasUsCues(rows)) return { currency: 'USD', confidence: 0.5, fromReceipt: true };
  if (best === undefined) {
    const fallback = defaultCurrency.trim().toUpperCase();
    return { currency: /^[A-Z]{3}$/.test(fallback) ? fallback : null, confidence: fallback ? 0.4 : 0, fromReceipt: false };
  }
  const family = best === 'USD' && families.has('$') ? '$' : best === 'JPY' && families.has('¥') ? '¥' : best === 'SEK' && families.has('kr') ? 'kr' : undefined;
  if (family !== undefined) {
    const all = rows.map((row) => row.norm).join('\n');
    const cue = COUNTRY_CUES.find(([pattern, cueFamily]) => cueFamily === family && pattern.test(all));
    if (cue) return { currency: cue[2], confidence: 0.8, fromReceipt: true };
    const fallback = defaultCurrency.trim().toUpperCase();
    const sameFamily = family === '$' ? /^(USD|CAD|AUD|NZD|SGD|HKD|MXN)$/ : family === 'kr' ? /^(SEK|NOK|DKK|ISK)$/ : /^(JPY|CNY)$/;
    if (sameFamily.test(fallback)) return { currency: fallback, confidence: 0.8, fromReceipt: true };
    return { currency: best, confidence: 0.7, fromReceipt: true };
  }
  return { currency: best, confidence: bestVotes >= 2 ? 0.95 : 0.85, fromReceipt: true };
}
