/**
 * ISO 4217 codes a receipt may print; "BHD" is left out as it ends Malaysian company names ("SDN BHD"). The Baltic states'
 * old currencies (EEK, LVL, LTL) stay: a receipt from before the euro still says its amounts were in them.
 */
const ISO_CODES = new Set(
  ('USD EUR GBP JPY CNY RMB CHF CAD AUD NZD SGD HKD MYR IDR THB PHP INR PKR LKR BDT VND KRW TWD AED SAR QAR KWD OMR JOD ' +
    'EGP ZAR NGN KES GHS MAD TND TRY RUB UAH PLN CZK HUF RON BGN RSD SEK NOK DKK ISK BRL MXN ARS CLP COP PEN UYU ILS EEK LVL LTL').split(' '),
);

const SYMBOLS: Record<string, string> = {
  '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₱': 'PHP', '฿': 'THB', '₫': 'VND', '₺': 'TRY', '₪': 'ILS',
  Eur: 'EUR', RM: 'MYR', Rp: 'IDR', 'Rs': 'INR', 'Rs.': 'INR', CHF: 'CHF', 'Fr.': 'CHF', zł: 'PLN', zl: 'PLN', Kč: 'CZK', Ft: 'HUF',
  lei: 'RON', TL: 'TRY', '₽': 'RUB', руб: 'RUB', '₴': 'UAH', грн: 'UAH', R: 'ZAR', P: 'PHP', 'US$': 'USD', 'A$': 'AUD', 'C$': 'CAD', 'N$': 'NAD', 'S$': 'SGD', 'HK$': 'HKD', 'R$': 'BRL', 'NT$': 'TWD',
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
