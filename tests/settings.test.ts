import { describe, expect, it } from 'vitest';
import { createSettingsReader, createSettingsStore, DEFAULT_SETTINGS, mergeSettings, validateEndpoint, validateSettings, type Settings } from '../utils/settings';

function memoryStorage(initial: Record<string, unknown> = {}) {
  const items: Record<string, unknown> = { ...initial };
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (next: Record<string, unknown>) => void Object.assign(items, next),
  };
}

describe('validateEndpoint', () => {
  it.each([
    ['https://api.ocr.space/parse/image', null],
    ['http://localhost:8080/parse/image', null],
    ['http://127.0.0.1:5000/parse/image', null],
    ['http://[::1]:5000/parse/image', null],
    ['http://api.ocr.space/parse/image', 'The OCR endpoint must use https:// (http:// is allowed only for localhost).'],
    ['http://localhost.evil.example/parse', 'The OCR endpoint must use https:// (http:// is allowed only for localhost).'],
    ['ftp://api.ocr.space/', 'The OCR endpoint must use https:// (http:// is allowed only for localhost).'],
    ['api.ocr.space/parse/image', 'The OCR endpoint must be a full address, like https://api.ocr.space/parse/image.'],
    ['https://user:pass@api.ocr.space/', 'The OCR endpoint must not contain a user name or password.'],
  ])('%s → %s', (endpoint, message) => {
    expect(validateEndpoint(endpoint)).toBe(message);
  });
});

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({});
  });

  it('has a deadline of two minutes for the download and for the OCR exchange by default', () => {
    expect([DEFAULT_SETTINGS.downloadDeadlineSeconds, DEFAULT_SETTINGS.ocrDeadlineSeconds]).toEqual([120, 120]);
  });

  it.each([5, 60, 3600])('accepts deadlines of %i seconds', (seconds) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, downloadDeadlineSeconds: seconds, ocrDeadlineSeconds: seconds })).toEqual({});
  });

  it.each<[Partial<Settings>, keyof Settings, string]>([
    [{ apiKey: '  ' }, 'apiKey', 'Enter an API key, or the demo key helloworld.'],
    [{ apiKey: 'abc def' }, 'apiKey', 'The API key must not contain spaces or control characters.'],
    [{ uploadLimitBytes: 10 }, 'uploadLimitBytes', 'The upload size limit must be between 100 KB and 100 MB.'],
    [{ downloadLimitBytes: Number.NaN }, 'downloadLimitBytes', 'The download limit must be between 1 KB and 500 MB.'],
    [{ defaultCurrency: 'euro' }, 'defaultCurrency', 'Use a three-letter currency code such as EUR or USD, or leave it empty.'],
    [{ engine: 4 as 1 }, 'engine', 'The OCR engine is 1, 2 or 3.'],
    [{ language: '../x' }, 'language', 'Choose a language from the list.'],
    [{ downloadDeadlineSeconds: 4 }, 'downloadDeadlineSeconds', 'The download deadline must be a whole number of seconds from 5 to 3600.'],
    [{ downloadDeadlineSeconds: 3601 }, 'downloadDeadlineSeconds', 'The download deadline must be a whole number of seconds from 5 to 3600.'],
    [{ downloadDeadlineSeconds: 30.5 }, 'downloadDeadlineSeconds', 'The download deadline must be a whole number of seconds from 5 to 3600.'],
    [{ ocrDeadlineSeconds: 0 }, 'ocrDeadlineSeconds', 'The OCR deadline must be a whole number of seconds from 5 to 3600.'],
    [{ ocrDeadlineSeconds: Number.NaN }, 'ocrDeadlineSeconds', 'The OCR deadline must be a whole number of seconds from 5 to 3600.'],
    [{ categories: ['Meals', ' '] }, 'categories', 'Each category needs 1 to 40 characters.'],
    [{ categories: ['x'.repeat(41)] }, 'categories', 'Each category needs 1 to 40 characters.'],
    [{ categories: ['Meals', 'meals'] }, 'categories', 'Each category can be listed only once.'],
    [{ categories: Array.from({ length: 51 }, (_, n) => `C${n}`) }, 'categories', 'Keep to 50 categories or fewer.'],
  ])('rejects %o', (change, field, message) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, ...change })).toEqual({ [field]: message });
  });
});

describe('settings store', () => {
  it('loads the defaults when nothing is stored, the demo key among them', async () => {
    expect(await createSettingsStore(memoryStorage()).load()).toEqual({ ...DEFAULT_SETTINGS, apiKey: 'helloworld' });
  });

  it('saves valid settings and loads them back', async () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage);
    const mine = { ...DEFAULT_SETTINGS, apiKey: 'K123', endpoint: 'http://localhost:9/parse/image', engine: 1 as const };
    expect(await store.save(mine)).toEqual({});
    expect(await store.load()).toEqual(mine);
  });

  it('refuses to save invalid settings and keeps the old ones', async () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage);
    const errors = await store.save({ ...DEFAULT_SETTINGS, endpoint: 'http://evil.example/' });
    expect(errors.endpoint).toContain('https://');
    expect(storage.items).toEqual({});
  });

  it('ignores stored values of the wrong type', () => {
    expect(mergeSettings({ apiKey: 42, engine: '3', language: 'ger' })).toEqual({ ...DEFAULT_SETTINGS, language: 'ger' });
    expect(mergeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings({ categories: 'Meals' })).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings({ categories: ['Meals', 3] })).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings({ categories: ['Rent', 'Meals'] })).toEqual({ ...DEFAULT_SETTINGS, categories: ['Rent', 'Meals'] });
  });

  it.each([
    ['en-US', 'USD'],
    ['de-DE', 'EUR'],
    ['en-GB', 'GBP'],
    ['', ''],
  ])('takes the default currency of a browser in %s (%s) until the user sets one', async (locale, currency) => {
    expect((await createSettingsStore(memoryStorage(), locale).load()).defaultCurrency).toBe(currency);
  });

  it('writes down the locale\'s currency once, so the service worker, which reads only what is stored, uses it too', async () => {
    const storage = memoryStorage();
    await createSettingsStore(storage, 'de-DE').keepLocaleDefaults();
    expect((await createSettingsReader(storage).load()).defaultCurrency).toBe('EUR');
    await createSettingsStore(storage, 'en-US').keepLocaleDefaults();
    expect((await createSettingsReader(storage).load()).defaultCurrency).toBe('EUR');
  });

  it('reads the shipped defaults in the service worker, whatever the locale, until something is stored', async () => {
    expect((await createSettingsReader(memoryStorage()).load()).defaultCurrency).toBe('');
  });

  it('keeps the currency the user chose, none included, whatever the browser locale', async () => {
    const storage = memoryStorage();
    await createSettingsStore(storage, 'de-DE').save({ ...DEFAULT_SETTINGS, defaultCurrency: '' });
    expect((await createSettingsStore(storage, 'de-DE').load()).defaultCurrency).toBe('');
  });
});
