/** Regions whose currency is not the one their country code names by itself: the euro area, and a few more. */
const EURO_REGIONS = new Set(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK', 'AD', 'MC', 'SM', 'VA', 'ME', 'XK']);

const REGION_CURRENCIES: Record<string, string> = {
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', CH: 'CHF', LI: 'CHF', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD',
  KR: 'KRW', SG: 'SGD', MY: 'MYR', ID: 'IDR', TH: 'THB', PH: 'PHP', VN: 'VND', IN: 'INR', PK: 'PKR', LK: 'LKR', BD: 'BDT',
  AE: 'AED', SA: 'SAR', QA: 'QAR', KW: 'KWD', OM: 'OMR', BH: 'BHD', JO: 'JOD', IL: 'ILS', EG: 'EGP', TR: 'TRY', ZA: 'ZAR',
  NG: 'NGN', KE: 'KES', GH: 'GHS', MA: 'MAD', TN: 'TND', RU: 'RUB', UA: 'UAH', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON',
  BG: 'BGN', RS: 'RSD', SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK', BR: 'BRL', MX: 'MXN', AR: 'ARS', CL: 'CLP', CO: 'COP',
  PE: 'PEN', UY: 'UYU',
};

/** A language alone names no country, except where one is the obvious home of its receipts. */
const LANGUAGE_ONLY: Record<string, string> = { de: 'EUR', fr: 'EUR', it: 'EUR', es: 'EUR', nl: 'EUR', fi: 'EUR', ja: 'JPY', ko: 'KRW', pl: 'PLN', cs: 'CZK', hu: 'HUF', sv: 'SEK', da: 'DKK', nb: 'NOK', tr: 'TRY', uk: 'UAH', he: 'ILS', th: 'THB' };

/** The currency a browser set to this locale most likely pays in ('en-US' → USD, 'de-DE' → EUR); '' when it cannot tell. */
export function currencyForLocale(locale: string): string {
  let region: string | undefined;
  let language = '';
  try {
    const parsed = new Intl.Locale(locale);
    region = parsed.region;
    language = parsed.language;
  } catch {
    return '';
  }
  if (region) return EURO_REGIONS.has(region) ? 'EUR' : (REGION_CURRENCIES[region] ?? '');
  return LANGUAGE_ONLY[language] ?? '';
}
