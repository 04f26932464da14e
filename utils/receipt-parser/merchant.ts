import { isScrap, isWeakText, readRowWords } from './row-words';
import { normalizeText, type ReceiptRow } from './rows';

const MAX_HEADER_ROWS = 12;

const HEADER_WORDS = /^(?:(?:simplified |full |official |sales |cash |customer |duplicate |original )?(?:tax invoice|invoice|receipt|bill|sales|docket|copy)|cash bill|cash sales?|tax invoice|welcome(?: to)?|bienvenue|willkommen|herzlich willkommen|kassenbon|kassenbeleg|rechnung|quittung|beleg|bon|ticket|ticket de caisse|facture|factura|factura simplificada|fattura|scontrino|documento commerciale|kvitto|kvittering|bonnetje|kassabon|paragon|recibo|nota|order|takeaway|take away|dine in|eat in|thank you|merci|danke|gracias|grazie|bedankt|tak|tack|customer|member|cashier|server|table|guests?)\b(?!['’])/;
const ADDRESS = /\b(?:jalan|jln|lorong|taman|tmn|persiaran|lebuh|street|st|road|rd|avenue|ave|blvd|boulevard|lane|ln|drive|dr|highway|hwy|suite|ste|floor|flr|lot|no|unit|blok|block|building|bldg|level|tower|menara|wisma|plaza|mall|centre|center|strasse|str|platz|weg|allee|gasse|ring|damm|rue|av|bd|place|chemin|quai|cours|via|viale|piazza|corso|calle|c\/|avda|carrer|rua|straat|laan|plein|gracht|gatan|vagen|gata|gate|vej|ul|po box|p\.o\. box)\b/;
const POSTCODE = /\b\d{5}\b|\b\d{4} ?[a-z]{2}\b|\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b|\b[a-z]{2} \d{5}(?:-\d{4})?\b/;
const CONTACT = /\b(?:tel|tele?phone|phone|ph|fax|hp|mobile|mob|telefon|tlf|fon|email|e-mail|web)\b|www\.|https?:|\.com\b|\.co\.|\.de\b|\.fr\b|@|\+?\d[\d ()-]{7,}\d/;
const REGISTRATION = /\b(?:gst|vat|tax id|tin|siret|siren|ust|ust-?id\w*|steuer\w*|st-?nr|abn|acn|uen|co\.? ?reg\w*|company (?:no|reg\w*)|reg\.? ?no|roc|br no|nif|cif|p\.? ?iva|partita|kvk|org\.? ?nr|cvr|rcs|naf|ape|sst|id|uid|hrb|hra|amtsgericht|nip|regon|krs|tva|intracom\w*|capital|stammkapital|capitale sociale)\b|\(\s*[a-z]{0,3}\d{4,}[- ]?[a-z]?\s*\)|^[a-z]{0,3}\d{5,}-?[a-z]?$/;
const DATE_OR_TIME = /\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\b\d{1,2}:\d{2}\b/;
/** A company form ending the name ("... Ltd", "... GmbH & Co. KG", "... SDN BHD"). */
const LEGAL_SUFFIX = /\b(?:sdn\.? ?bhd|bhd|s\/b|ltd|limited|llc|l\.l\.c|inc|incorporated|corp|corporation|gmbh|ag|kg|ohg|e\.k|e\.kfm|ug|sarl|sas|sasu|eurl|s\.a|sa|s\.l|sl|srl|s\.r\.l|spa|s\.p\.a|bv|b\.v|nv|n\.v|ab|as|a\/s|aps|oy|plc|pty|pte|enterprise|trading|co|company)\b[\s.,]*$|\bsdn\.? ?b\w{1,2}\b/;
const BUSINESS_WORDS =
  'restaurant|restoran|cafe|coffee|bakery|boulangerie|backerei|baeckerei|market|markt|marche|mercado|mart|supermarket|supermarkt|supermarche|' +
  'store|stores|shop|hardware|pharmacy|apotheke|pharmacie|farmasi|hotel|bar|grill|kitchen|pizzeria|trattoria|bistro|brasserie|boutique|' +
  'station|tankstelle|kiosk|deli|food|foods|wholesale|warehouse|drugstore|diner|pub|tavern|taverna|pizza|grocery|' +
  'ristorante|restaurante|restorans|osteria|gasthaus|gasthof|imbiss|metzgerei|drogerie|steakhouse|brewery|burger|burgers|sushi|bbq|' +
  'cantina|taqueria|noodle|noodles|ramen|cafeteria|bookstore|books|stationery|hypermarket|minimarket|florist|laundry|apteka|aptieka|veikals|kafejnica';
const BUSINESS_WORD = new RegExp(`\\b(?:${BUSINESS_WORDS})\\b`);
/** A row that only says what kind of business the name above it is ("COSTCO" over "WHOLESALE"). */
const BUSINESS_ROW = new RegExp(`^(?:${BUSINESS_WORDS})(?: (?:${BUSINESS_WORDS}))?$`);
/** A row ending in the kind of business, spaced or glued ("KOREAN RESTAURANT", "KOREANRESTAURANT", "Restaurant&Bar"). */
const BUSINESS_TAIL = new RegExp(`(?:\\b(?:${BUSINESS_WORDS})|${BUSINESS_WORDS.split('|').filter((word) => word.length >= 6).join('|')})[^a-z]*$`);
const CONTINUES = /(?:&|\band|\bund|\bet|-|,)\s*$/;
const SUFFIX_WORDS = new Set('sdn bhd s/b co company ltd limited llc inc corp gmbh ag kg ohg und sarl sas sa srl spa bv nv plc pty pte ab as oy'.split(' '));

/** A row that only carries the company form of the name above it ("SDN BHD", "(Europe) Limited", "CO. (M) SDN BHD"). */
function isSuffixOnly(norm: string): boolean {
  const words = norm.replace(/\([^)]*\)/g, ' ').replace(/[.,&]/g, ' ').trim().split(/\s+/);
  return words.length > 0 && words.length <= 5 && words.every((word) => SUFFIX_WORDS.has(word));
}

const TITLE = /^(?:(?:simplified |full |official |sales |cash |tax )*(?:tax invoice|invoice|receipt|bill|cash sales?|docket)|kassenbon|rechnung|quittung|facture|factura|fattura|ticket de caisse|scontrino|kvitto|bonnetje|paragon)\b/;
const SLOGAN = /\b(?:error|warning|offnungszeiten|opening hours|open daily|horaires|geoffnet|promo|promotion|special offer|sale|thank|thanks|visit|again|goods sold|returnable|refundable|exchangeable|refund|welcome|please|come again|have a nice|vielen dank|merci de|gracias por|grazie per|bedankt|your cashier|cashier today|served by|your server)\b/;
/** Two short sentences in a row: a slogan ("Save money. Live better.", "Expect More. Pay Less."), not a name. */
const MOTTO = /^(?:\p{L}+ ){1,3}\p{L}+[.!] (?:\p{L}+ ){1,3}\p{L}+[.!]?$/u;
const COLUMN_WORDS = /\b(?:qty|quantity|description|desc|price|amount|amt|item|items|disc|tax|unit|code|subtotal|total|menge|preis|betrag|artikel|prix|montant|qte|cantidad|precio|importe|prezzo|quantita)\b/g;
const PERSON_ROLE = /^(?:salesperson|sales person|cashier|server|served by|operator|staff|waiter|kasse|kassierer|caissier|vendeur|cajero|table|order|your order|guest|pax|ref|posted)\b/;

/** Words that say what kind of company a name is, not which one. */
const CORPORATE_WORDS = new Set(
  ('exploitation exploitations stores store supermarket supermarkets hypermarket hypermarkets group groupe gruppe holding holdings retail retailers operations services distribution ' +
    'dienstleistung dienstleistungs gesellschaft verwaltung verwaltungs filiale filialen ' +
    'international trading enterprise enterprises company corporation stiftung vertrieb vertriebs handel handels europe uk france deutschland').split(' '),
);
const MINOR_WORDS = new Set('the and und et les des der die das von van de du la le of'.split(' '));

/** The words of a name that tell it apart: three letters or more, no company form ("MR D.I.Y. (M) SDN BHD" → diy). */
const readSignificantWords = (name: string): string[] =>
  name
    .replace(/[.'’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !SUFFIX_WORDS.has(word) && !MINOR_WORDS.has(word));

/** Where the top block ends: an address, phone or date row (a registration number does not end it). */
const isAddressOrContact = (norm: string): boolean =>
  !REGISTRATION.test(norm) && (CONTACT.test(norm) || DATE_OR_TIME.test(norm) || ((/\d/.test(norm) || norm.includes(',')) && (ADDRESS.test(norm) || POSTCODE.test(norm))));

const letterCount = (text: string): number => (text.match(/\p{L}/gu) ?? []).length;

/** True when a top row is not a name: a header, an address, a phone, a registration number, a date. */
function isNotName(text: string): boolean {
  const norm = text.replace(/[*=#_~]+/g, ' ').trim();
  const letters = letterCount(norm);
  if (letters < 2 || letters < norm.replace(/\s/g, '').length * 0.5) return true;
  if (HEADER_WORDS.test(norm.replace(/^[^\p{L}]+/u, '')) && norm.length < 40) return true;
  if (CONTACT.test(norm) || REGISTRATION.test(norm) || DATE_OR_TIME.test(norm)) return true;
  if (/#\d/.test(norm)) return true;
  if ((/\d/.test(norm) || norm.includes(',')) && (ADDRESS.test(norm) || POSTCODE.test(norm))) return true;
  if (SLOGAN.test(norm) || MOTTO.test(norm) || PERSON_ROLE.test(norm) || (norm.match(COLUMN_WORDS) ?? []).length >= 2) return true;
  return /,\s*$/.test(norm);
}

const GREETING = /^(?:welcome to|welcome at|thank you for shopping at|bienvenue (?:chez|a|à|au)|willkommen (?:bei|im|in)|benvenuti (?:da|al|a)|bienvenidos? a|welkom bij)\s+(?=\S)/i;

/** The name a top row carries: without a greeting ("Welcome to Walmart"), a registration number or stars. */
const readName = (text: string): string => cleanName(cleanName(text).replace(GREETING, ''));

/** Removes a registration number or stars printed beside the name. */
const cleanName = (text: string): string =>
  text
    .replace(/\([^()]*\d[^()]*\)/g, ' ')
    .replace(/[*=#_~]{2,}/g, ' ')
    .replace(/[\t ]+/g, ' ')
    .replace(/^[\s\-–:,.]+|[\s\-–:,]+$/g, '')
    .trim();

/** Brackets a row opens and leaves open; below zero when it closes one opened above. */
function countOpen(text: string): number {
  let open = 0;
  for (const char of text) {
    if (char === '(') open++;
    else if (char === ')') open--;
  }
  return open;
}

/** A row without the scraps OCR puts in cells beside it ("é\tKOREAN RESTAURANT"). */
const dropScrapCells = (text: string): string =>
  text
    .split('\t')
    .filter((cell) => !isScrap(readRowWords(cell)))
    .join(' ');

/** What the chosen row showed: how it reads, where it stands, what it says. */
interface MerchantSignals {
  /** Only words and numbers, nothing misread around them. */
  clean: boolean;
  /** A company form in the shop's header ("... SDN BHD", "... GmbH"). */
  company: boolean;
  /** A kind of business beside a name ("... RESTAURANT", "Bäckerei ..."), not the kind alone. */
  namedBusiness: boolean;
  rank: number;
  /** Rows of scraps above it: a logo OCR could not read, which may be the brand. */
  scrapsAbove: number;
}

/** Sure only of a clean row, under no unread logo, that says it is a company or names a business. */
function rateMerchant(signals: MerchantSignals, score: number): number {
  const sure = signals.clean && signals.scrapsAbove === 0 && (signals.company || (signals.namedBusiness && signals.rank === 0));
  return sure ? 0.85 : Math.max(0.3, Math.min(0.75, 0.4 + score * 0.3));
}

/** The business name from the top of the receipt, joining a name the printer carried over to the next row. */
export function findMerchant(rows: readonly ReceiptRow[], moneyRows: readonly boolean[]): { merchant: string | null; confidence: number; row: number | undefined } {
  const end = Math.min(rows.length, MAX_HEADER_ROWS);
  const heights = rows.slice(0, end).map((row) => row.height).filter((h) => h > 0).sort((a, b) => a - b);
  const medianHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  let best: { index: number; score: number; words: string[]; folded: string; signals: MerchantSignals } | undefined;
  let first: { index: number; folded: string; lead: string; words: string[] } | undefined;
  let rank = 0;
  let scraps = 0;
  let topBlock = true;
  for (let index = 0; index < end; index++) {
    const row = rows[index];
    if (!row) continue;
    // A document title ("TAX INVOICE") ends the shop's header: names below it are the customer's.
    if (best && (moneyRows[index] === true || TITLE.test(row.norm.replace(/^[^a-z]+/, '')))) break;
    if (moneyRows[index] === true || isSuffixOnly(row.norm)) continue;
    const name = normalizeText(readName(row.text));
    if (/,\s*$/.test(row.text) || isNotName(name)) {
      if (best && isAddressOrContact(name)) topBlock = false;
      continue;
    }
    const shape = readRowWords(readName(row.text));
    // OCR of a logo, a stamp or handwriting: no row at all.
    if (isScrap(shape)) {
      scraps++;
      continue;
    }
    const weak = isWeakText(shape);
    const company = LEGAL_SUFFIX.test(name);
    // Below the address, a row is a branch, a city or a footer more often than the name.
    let score = 1 - rank * 0.15 - (weak ? 0.4 : 0) - (topBlock ? 0 : 0.3);
    // A company line below the address is a footer or a landlord, not the shop's name.
    if (company && topBlock) score += 0.3;
    // Below a name, a row that only says a kind of business or a department ("GROCERY") names no shop.
    if (BUSINESS_ROW.test(name.trim())) score -= rank > 0 ? 0.5 : 0;
    else if (BUSINESS_WORD.test(name)) score += 0.1;
    // Large print is the logo's name only when it reads as words, and a word of three letters in it may be a stroke read as letters ("Fei").
    const tall = !weak && shape.longest >= 4 && medianHeight > 0 && row.height >= medianHeight * 1.3;
    if (tall) score += 0.3;
    const namedBusiness = BUSINESS_WORD.test(name) && readSignificantWords(name).some((word) => !BUSINESS_ROW.test(word));
    // A fragment is no sure name: an unclosed bracket, or a company form first ("CO. (M) SDN BHD" under "POPULAR BOOK").
    const fragment = countOpen(name) !== 0 || SUFFIX_WORDS.has(name.replace(/[^a-z/ ]/g, ' ').trim().split(' ')[0] ?? '');
    const signals: MerchantSignals = { clean: !weak && shape.clean && !fragment && !/\d/.test(name), company: company && topBlock, namedBusiness, rank, scrapsAbove: scraps };
    rank++;
    const folded = name.replace(/[^a-z0-9]/g, '');
    const lead = /^[a-z0-9]{3,}/.exec(name.replace(/[^a-z0-9 ]/g, ''))?.[0] ?? '';
    const words = readSignificantWords(name);
    if (best && company && topBlock) {
      const shared = best.words.filter((word) => words.includes(word));
      // A company line sharing no word with the name above it: that was a person, a slogan or a label ("TAN WOON YANN" over "MR D.I.Y. (M) SDN BHD").
      // Sharing one, the brand above is the name people know ("ALDI SÜD" over "ALDI GmbH", "MONOPRIX" over "Monoprix Exploitation SAS"),
      // unless the company line spells that brand out in full ("LAVENDER" over "LAVENDER CONFECTIONERY & BAKERY S/B").
      const spelledOut = shared.length === best.words.length && words.some((word) => !shared.includes(word) && !CORPORATE_WORDS.has(word));
      // "Pizza Express" over "PizzaExpress (Restaurants) Ltd" shares its letters, if not its words.
      const joined = best.folded.length >= 3 && folded.includes(best.folded);
      if ((shared.length === 0 && !joined) || spelledOut) {
        best = { index, score, words, folded, signals };
        break;
      }
      continue;
    }
    // Any other row repeating the brand above it adds nothing to the name.
    if (best && first && first.index === best.index && ((first.folded.length >= 3 && folded.includes(first.folded)) || (lead !== '' && lead === first.lead))) continue;
    if (!first) first = { index, folded, lead, words };
    if (!best || score > best.score) best = { index, score, words, folded, signals };
  }
  if (!best) return { merchant: null, confidence: 0, row: undefined };
  const row = rows[best.index];
  if (!row) return { merchant: null, confidence: 0, row: undefined };
  let name = readName(row.text);
  // "ALAM) SDN BHD" closes a bracket opened on the row above: the name started there ("AIK HUAT HARDWARE" / "ENTERPRISE (SETIA" / "ALAM) SDN BHD").
  const opener = rows[best.index - 1];
  let opened = false;
  if (opener && countOpen(row.text) < 0 && countOpen(opener.text) > 0 && !isNotName(normalizeText(opener.text))) {
    name = `${cleanName(opener.text)} ${name}`;
    opened = true;
    const above = rows[best.index - 2];
    if (above && !/\d/.test(above.text) && !isNotName(above.norm) && !isScrap(readRowWords(above.text))) name = `${cleanName(above.text)} ${name}`;
  }
  const next = rows[best.index + 1];
  const nextText = next ? dropScrapCells(next.text) : '';
  const nextNorm = normalizeText(nextText);
  const nextIsBusiness = next !== undefined && BUSINESS_ROW.test(nextNorm.trim());
  // "CHOEUN" over "KOREANRESTAURANT": the kind of business below a name that does not say it is the name's second half.
  const nextEndsBusiness =
    !/\d/.test(nextText) && nextText.length <= 30 && !BUSINESS_WORD.test(row.norm) && BUSINESS_TAIL.test(nextNorm) && !isNotName(nextNorm) && !isScrap(readRowWords(nextText));
  if (next && next.text.length <= 40 && (isSuffixOnly(nextNorm) || nextIsBusiness || nextEndsBusiness || (CONTINUES.test(row.text) && !isNotName(nextNorm)))) {
    name = `${name} ${cleanName(nextText)}`;
    // A logo stacked on three rows ("WHOLE" / "FOODS" / "MARKET").
    const third = rows[best.index + 2];
    if (third && nextIsBusiness && BUSINESS_ROW.test(third.norm.trim())) name = `${name} ${cleanName(third.text)}`;
  }
  const confidence = rateMerchant(opened ? { ...best.signals, clean: false } : best.signals, best.score);
  return { merchant: name === '' ? null : name, confidence, row: best.index };
}
