export type OcrEngine = 1 | 2 | 3;
export type DateOrder = 'auto' | 'dmy' | 'mdy' | 'ymd';

export interface Settings {
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
}

export const DEMO_API_KEY = 'helloworld';
export const DEFAULT_ENDPOINT = 'https://api.ocr.space/parse/image';

export const DEFAULT_SETTINGS: Settings = {
  apiKey: DEMO_API_KEY,
  endpoint: DEFAULT_ENDPOINT,
  language: 'eng',
  engine: 2,
  uploadLimitBytes: 1024 * 1024,
  downloadLimitBytes: 20 * 1024 * 1024,
  dateOrder: 'auto',
  defaultCurrency: '',
};
