/** Receipts like the pipeline's finished ones, made in Node for the popup bench; their summaries come from the product's own code. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ReceiptRecord } from '../utils/receipt';
import { summariseReceipt, type ReceiptSummary } from '../utils/storage/receipt-summary';

interface Shop {
  merchant: string;
  currency: string;
  /** Sales tax or VAT rate. */
  tax: number;
  city: string;
  site: string;
}

const SHOPS: readonly [Shop, ...Shop[]] = [
  { merchant: 'Tesco Extra', currency: 'GBP', tax: 0.2, city: 'Leeds LS1 4AP', site: 'https://www.tesco.com/' },
  { merchant: "Sainsbury's", currency: 'GBP', tax: 0.2, city: 'London SE1 9SG', site: 'https://www.sainsburys.co.uk/' },
  { merchant: 'Pret A Manger', currency: 'GBP', tax: 0.2, city: 'Manchester M1 1AD', site: 'https://www.pret.co.uk/' },
  { merchant: 'REWE', currency: 'EUR', tax: 0.19, city: '50667 Köln', site: 'https://www.rewe.de/' },
  { merchant: 'dm-drogerie markt', currency: 'EUR', tax: 0.19, city: '76131 Karlsruhe', site: 'https://www.dm.de/' },
  { merchant: 'Lidl', currency: 'EUR', tax: 0.07, city: '10115 Berlin', site: 'https://www.lidl.de/' },
  { merchant: 'Carrefour Market', currency: 'EUR', tax: 0.055, city: '75011 Paris', site: 'https://www.carrefour.fr/' },
  { merchant: 'Boulangerie Paul', currency: 'EUR', tax: 0.1, city: '69002 Lyon', site: 'https://www.paul.fr/' },
  { merchant: 'Albert Heijn', currency: 'EUR', tax: 0.09, city: '1012 Amsterdam', site: 'https://www.ah.nl/' },
  { merchant: 'Migros', currency: 'CHF', tax: 0.026, city: '8001 Zürich', site: 'https://www.migros.ch/' },
  { merchant: 'Coop City', currency: 'CHF', tax: 0.081, city: '3011 Bern', site: 'https://www.coop.ch/' },
  { merchant: 'Walmart Supercenter', currency: 'USD', tax: 0.0825, city: 'Austin, TX 78701', site: 'https://www.walmart.com/' },
  { merchant: 'Whole Foods Market', currency: 'USD', tax: 0.08875, city: 'New York, NY 10003', site: 'https://www.wholefoodsmarket.com/' },
  { merchant: 'Starbucks', currency: 'USD', tax: 0.1025, city: 'Seattle, WA 98101', site: 'https://www.starbucks.com/' },
  { merchant: 'Target', currency: 'USD', tax: 0.0725, city: 'San Jose, CA 95113', site: 'https://www.target.com/' },
  { merchant: 'Shell', currency: 'USD', tax: 0.06, city: 'Denver, CO 80202', site: 'https://www.shell.us/' },
  { merchant: 'Biedronka', currency: 'PLN', tax: 0.23, city: '00-001 Warszawa', site: 'https://www.biedronka.pl/' },
  { merchant: 'ICA Kvantum', currency: 'SEK', tax: 0.12, city: '111 20 Stockholm', site: 'https://www.ica.se/' },
  { merchant: 'FamilyMart', currency: 'JPY', tax: 0.08, city: 'Tokyo 100-0005', site: 'https://www.family.co.jp/' },
  { merchant: 'Tim Hortons', currency: 'CAD', tax: 0.13, city: 'Toronto, ON M5H 2N2', site: 'https://www.timhortons.ca/' },
];

const PRODUCTS: readonly [string, ...string[]] = [
  'MILK 2L', 'BANANAS LOOSE', 'SOURDOUGH LOAF', 'FREE RANGE EGGS 12', 'CHEDDAR 400G', 'OLIVE OIL 1L', 'ESPRESSO BEANS', 'TOMATOES VINE',
  'SPAGHETTI 500G', 'GREEK YOGURT', 'APPLES GALA', 'CHICKEN BREAST', 'ORANGE JUICE', 'TOILET ROLL 9PK', 'DISH SOAP', 'SPARKLING WATER 6X',
  'DARK CHOCOLATE', 'AVOCADO', 'BASMATI RICE 1KG', 'CROISSANT', 'FLAT WHITE', 'CARROTS 1KG', 'SHAMPOO', 'TOOTHPASTE', 'BAGUETTE',
];

export const BENCH_MERCHANTS: readonly string[] = SHOPS.map((shop) => shop.merchant);

/** A seeded generator, so every run lists the same receipts. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const money = (amount: number, currency: string) => (currency === 'JPY' ? String(Math.round(amount)) : amount.toFixed(2));

/** One finished receipt of the last two years, without its thumbnail (a Blob, made where it is stored). */
function makeReceipt(random: () => number, now: number): ReceiptRecord {
  const pick = <T,>(list: readonly [T, ...T[]]): T => list[Math.floor(random() * list.length)] ?? list[0];
  const shop = pick(SHOPS);
  const capturedAt = now - Math.floor(random() * 730 * DAY_MS);
  const paid = new Date(capturedAt - Math.floor(random() * 3) * DAY_MS);
  const date = `${paid.getUTCFullYear()}-${pad(paid.getUTCMonth() + 1)}-${pad(paid.getUTCDate())}`;
  const time = `${pad(7 + Math.floor(random() * 14))}:${pad(Math.floor(random() * 60))}`;
  const scale = shop.currency === 'JPY' ? 120 : shop.currency === 'SEK' || shop.currency === 'PLN' ? 9 : 1;
  const lines: string[] = [];
  let subtotal = 0;
  for (let item = 0, items = 8 + Math.floor(random() * 8); item < items; item++) {
    const price = (0.5 + random() * 9) * scale;
    subtotal += price;
    lines.push(`${pick(PRODUCTS).padEnd(24)} ${money(price, shop.currency).padStart(8)}`);
  }
  const tax = subtotal * shop.tax;
  const tip = shop.merchant === 'Starbucks' && random() < 0.4 ? subtotal * 0.15 : 0;
  const total = subtotal + tax + tip;
  const text = [
    shop.merchant.toUpperCase(),
    `${Math.floor(random() * 400) + 1} High Street`,
    shop.city,
    `Tel ${Math.floor(1e9 + random() * 9e9)}`,
    `${date} ${time}   Till ${Math.floor(random() * 12) + 1}  Op ${Math.floor(random() * 900) + 100}`,
    '----------------------------------',
    ...lines,
    '----------------------------------',
    `SUBTOTAL ${money(subtotal, shop.currency).padStart(25)}`,
    `VAT ${(shop.tax * 100).toFixed(1)}% ${money(tax, shop.currency).padStart(21)}`,
    ...(tip > 0 ? [`TIP ${money(tip, shop.currency).padStart(30)}`] : []),
    `TOTAL ${shop.currency} ${money(total, shop.currency).padStart(23)}`,
    `CARD ************${Math.floor(1000 + random() * 8999)}   CONTACTLESS`,
    `AUTH ${Math.floor(100000 + random() * 899999)}  REF ${Math.floor(random() * 1e8)}`,
    'Thank you for shopping with us',
    'Please keep your receipt',
  ].join('\n');
  const id = randomUUID();
  return {
    id,
    status: 'done',
    progress: null,
    error: null,
    capturedAt,
    updatedAt: capturedAt + 4000,
    source: { imageUrl: `${shop.site}receipts/${id}.jpg`, pageUrl: `${shop.site}account/orders`, pageTitle: `${shop.merchant} - Your orders` },
    original: { sha256: randomBytes(32).toString('hex'), mime: 'image/jpeg', extension: 'jpg', size: 180_000 + Math.floor(random() * 900_000) },
    thumbnail: null,
    ocr: { text, lines: [] },
    fields: {
      merchant: shop.merchant,
      date,
      time,
      total: money(total, shop.currency),
      currency: shop.currency,
      subtotal: money(subtotal, shop.currency),
      tax: money(tax, shop.currency),
      tip: tip > 0 ? money(tip, shop.currency) : null,
      items: [],
      confidence: { merchant: 0.9, date: 0.9, time: 0.9, total: 0.9, currency: 0.9, subtotal: 0.5, tax: 0.5, tip: 0 },
    },
    edited: [],
    receiptDate: date,
    job: null,
  };
}

/** `count` receipts in batches of `batchSize`, each with the summary the repository would write beside it. */
export function* makeBenchReceipts(count: number, now: number, batchSize: number): Generator<{ receipts: ReceiptRecord[]; summaries: ReceiptSummary[] }> {
  const random = createRandom(0x2f6b9a1d);
  for (let start = 0; start < count; start += batchSize) {
    const receipts = Array.from({ length: Math.min(batchSize, count - start) }, () => makeReceipt(random, now));
    yield { receipts, summaries: receipts.map(summariseReceipt) };
  }
}
