import { currencyForLocale } from './locale-currency';

export type OcrEngine = 1 | 2 | 3;
export type DateOrder = 'auto' | 'dmy' | 'mdy' | 'ymd';
/** Who reads the receipts: OCR.space, or Tesseract inside the browser (nothing leaves the machine). */
export type OcrReader = 'ocr-space' | 'on-device';
/** When OCR.space is rate-limited or unreachable: wait and try again, or read on this device at once. */
export type OcrFallback = 'wait' | 'on-device';

export interface Settings {
  reader: OcrReader;
  fallback: OcrFallback;
  apiKey: string;
  endpoint: string;
  /** OCR.space language code (eng, ger, fre, ...). */
  language: string;
  engine: OcrEngine;
  /** Images above this many bytes are shrunk before upload. */
  uploadLimitBytes: number;
  /** Downloads above this many bytes are refused. */
  downloadLimitBytes: number;
  dateOrder: DateOrder;
  /** ISO 4217 code used when a receipt names no currency; '' for none. */
  defaultCurrency: string;
  /** How many scans run at once. */
  concurrency: number;
  /** The whole image download, however steadily bytes arrive, must end within this many seconds. */
  downloadDeadlineSeconds: number;
  /** The whole OCR exchange (upload, answer, reading its body) must end within this many seconds. */
  ocrDeadlineSeconds: number;
  /** Announce finished and failed scans with a system notification. */
  notifications: boolean;
  /** The expense categories offered on the review page, in the user's order. */
  categories: string[];
}

export const DEMO_API_KEY = 'helloworld';
export const DEFAULT_ENDPOINT = 'https://api.ocr.space/parse/image';

export const DEFAULT_SETTINGS: Settings = {
  reader: 'ocr-space',
  fallback: 'wait',
  apiKey: DEMO_API_KEY,
  endpoint: DEFAULT_ENDPOINT,
  language: 'eng',
  engine: 2,
  uploadLimitBytes: 1024 * 1024,
  downloadLimitBytes: 20 * 1024 * 1024,
  dateOrder: 'auto',
  defaultCurrency: '',
  concurrency: 2,
  // 20 MB (the default download limit) over a slow 2 Mbit/s line takes about 80 s.
  downloadDeadlineSeconds: 120,
  // OCR.space gives up on its own at about 60 s (E101); twice that leaves room for a slow upload and answer.
  ocrDeadlineSeconds: 120,
  notifications: true,
  categories: ['Meals', 'Groceries', 'Travel', 'Fuel', 'Lodging', 'Office', 'Equipment', 'Software', 'Other'],
};

/** The defaults for a browser in this locale: the currency it most likely pays in. */
export function defaultSettings(locale: string): Settings {
  return { ...DEFAULT_SETTINGS, defaultCurrency: currencyForLocale(locale) };
}

const MAX_CATEGORIES = 50;
const MAX_CATEGORY_CHARS = 40;

export type SettingsErrors = Partial<Record<keyof Settings, string>>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const ISO_CURRENCY = /^[A-Z]{3}$/;
const OCR_LANGUAGE = /^[a-z]{3}$|^auto$/;
const MIN_DEADLINE_SECONDS = 5;
const MAX_DEADLINE_SECONDS = 3600;
const isWholeBetween = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** The key goes to this address, so only TLS is allowed, except on this machine itself. */
export function validateEndpoint(endpoint: string): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The OCR endpoint must be a full address, like https://api.ocr.space/parse/image.';
  }
  if (url.username || url.password) return 'The OCR endpoint must not contain a user name or password.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'The OCR endpoint must use https:// (http:// is allowed only for localhost).';
}

export function validateSettings(settings: Settings): SettingsErrors {
  const errors: SettingsErrors = {};
  if (!settings.apiKey.trim()) errors.apiKey = 'Enter an API key, or the demo key helloworld.';
  else if (/[\s\u0000-\u001f]/.test(settings.apiKey)) errors.apiKey = 'The API key must not contain spaces or control characters.';
  const endpoint = validateEndpoint(settings.endpoint);
  if (endpoint) errors.endpoint = endpoint;
  if (!['ocr-space', 'on-device'].includes(settings.reader)) errors.reader = 'Choose who reads the receipts.';
  if (!['wait', 'on-device'].includes(settings.fallback)) errors.fallback = 'Choose what happens when OCR.space cannot be used.';
  if (!OCR_LANGUAGE.test(settings.language)) errors.language = 'Choose a language from the list.';
  if (![1, 2, 3].includes(settings.engine)) errors.engine = 'The OCR engine is 1, 2 or 3.';
  if (!Number.isInteger(settings.uploadLimitBytes) || settings.uploadLimitBytes < 100 * 1024 || settings.uploadLimitBytes > 100 * 1024 * 1024)
    errors.uploadLimitBytes = 'The upload size limit must be between 100 KB and 100 MB.';
  if (!Number.isInteger(settings.downloadLimitBytes) || settings.downloadLimitBytes < 1024 || settings.downloadLimitBytes > 500 * 1024 * 1024)
    errors.downloadLimitBytes = 'The download limit must be between 1 KB and 500 MB.';
  if (!['auto', 'dmy', 'mdy', 'ymd'].includes(settings.dateOrder)) errors.dateOrder = 'Choose a date order from the list.';
  if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1 || settings.concurrency > 6)
    errors.concurrency = 'Scans at once must be a whole number from 1 to 6.';
  if (!isWholeBetween(settings.downloadDeadlineSeconds, MIN_DEADLINE_SECONDS, MAX_DEADLINE_SECONDS))
    errors.downloadDeadlineSeconds = 'The download deadline must be a whole number of seconds from 5 to 3600.';
  if (!isWholeBetween(settings.ocrDeadlineSeconds, MIN_DEADLINE_SECONDS, MAX_DEADLINE_SECONDS))
    errors.ocrDeadlineSeconds = 'The OCR deadline must be a whole number of seconds from 5 to 3600.';
  const categories = settings.categories.map((category) => category.trim());
  if (categories.length > MAX_CATEGORIES) errors.categories = `Keep to ${MAX_CATEGORIES} categories or fewer.`;
  else if (categories.some((category) => category === '' || category.length > MAX_CATEGORY_CHARS)) errors.categories = `Each category needs 1 to ${MAX_CATEGORY_CHARS} characters.`;
  else if (new Set(categories.map((category) => category.toLowerCase())).size !== categories.length) errors.categories = 'Each category can be listed only once.';
  if (settings.defaultCurrency !== '' && !ISO_CURRENCY.test(settings.defaultCurrency))
    errors.defaultCurrency = 'Use a three-letter currency code such as EUR or USD, or leave it empty.';
  return errors;
}

/** Stored values over the defaults, dropping any stored value of the wrong type. */
export function mergeSettings(stored: unknown, defaults: Settings = DEFAULT_SETTINGS): Settings {
  const merged: Settings = { ...defaults };
  if (typeof stored !== 'object' || stored === null) return merged;
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const value = record[key];
    const fallback = defaults[key];
    const fits = Array.isArray(fallback) ? Array.isArray(value) && value.every((entry) => typeof entry === 'string') : typeof value === typeof fallback;
    if (fits) Object.assign(merged, { [key]: value });
  }
  return merged;
}

export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SETTINGS_KEY = 'settings';

/** Reads the settings in extension storage, over `defaults` where the user never set one (the service worker: the shipped ones). */
export function createSettingsReader(area: SettingsStorage, defaults: Settings = DEFAULT_SETTINGS) {
  return {
    async load(): Promise<Settings> {
      const stored = await area.get(SETTINGS_KEY);
      return mergeSettings(stored[SETTINGS_KEY], defaults);
    },
  };
}

/** Reads and saves the settings, with the defaults of the browser's `locale`; the service worker only reads. */
export function createSettingsStore(area: SettingsStorage, locale = '') {
  const reader = createSettingsReader(area, defaultSettings(locale));
  return {
    ...reader,
    /** Saves only valid settings; returns what is wrong otherwise. */
    async save(settings: Settings): Promise<SettingsErrors> {
      const errors = validateSettings(settings);
      if (Object.keys(errors).length === 0) await area.set({ [SETTINGS_KEY]: settings });
      return errors;
    },
    /** Writes down what this browser's locale chose (the default currency) before anything was saved, so the worker reads it too. */
    async keepLocaleDefaults(): Promise<void> {
      const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (typeof stored === 'object' && stored !== null && 'defaultCurrency' in stored) return;
      await area.set({ [SETTINGS_KEY]: await reader.load() });
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
