/** What a row at the top of a receipt is: a header, an address, a company form, a kind of business, or a name. */
import { US_STATES } from './currency';
import { readCurrencyMarker } from './currency-markers';
import { isOneEditAway } from './misread-words';
import { normalizeText } from './rows';

const HEADER_WORDS = /^(?:(?:simplified |full |official |sales |cash |customer |duplicate |original )?(?:tax invoice|invoice|receipt|bill|sales|docket|copy)|cash bill|cash sales?|tax invoice|welcome(?: to)?|bienvenue|willkommen|herzlich willkommen|kassenbon|kassenbeleg|rechnung|quittung|beleg|bon|ticket|ticket de caisse|facture|factura|factura simplificada|fattura|scontrino|documento commerciale|kvitto|kvittering|bonnetje|kassabon|paragon|recibo|nota|order|takeaway|take away|dine in|eat in|thank you|merci|danke|gracias|grazie|bedankt|tak|tack|customer|member|cashier|server|table|guests?)\b(?!['’])/;
const ADDRESS = /\b(?:jalan|jln|lorong|taman|tmn|persiaran|lebuh|street|st|road|rd|avenue|ave|blvd|boulevard|lane|ln|drive|dr|highway|hwy|pkwy|parkway|fwy|freeway|expy|suite|ste|floor|flr|lot|no|unit|blok|block|building|bldg|level|tower|menara|wisma|plaza|mall|centre|center|strasse|str|platz|weg|allee|gasse|ring|damm|rue|av|bd|place|chemin|quai|cours|via|viale|piazza|corso|calle|c\/|avda|carrer|rua|straat|laan|plein|gracht|gatan|vagen|gata|gate|vej|ul|iela|po box|p\.o\. box|[a-z]{2,}shire)\b|[a-z]{3}(?:strasse|str|weg|platz|allee|gasse|damm|ufer|straat|laan|plein|gracht|gatan|vagen|vej|gade|veien)\b\.? ?\d/;
const STREET_FIRST = /^(?:jalan|jln|lorong|persiaran|lebuh)\b/;
/** A US town and its state after a comma ("OMAHA, NE #1012", "Austin, TX"): an address line. */
const CITY_STATE = new RegExp(`,\\s*(?:${US_STATES.toLowerCase()})\\b(?:\\s*(?:#\\s*\\d+|\\d{5}(?:-\\d{4})?))?\\s*$`);
const POSTCODE = /(?<!#)\b\d{5}\b|\b\d{4} ?[a-z]{2}\b|\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b|\b[a-z]{2} \d{5}(?:-\d{4})?\b/;
const CONTACT = /\b(?:tel|tele?phone|phone|ph|fax|hp|mob|telefon|tlf|fon|email|e-mail|web)\b|\bmobile\b(?=\s*(?:no\b|number|[:.#+]|\d))|www\.|https?:|\.com\b|\.co\.|\.de\b|\.fr\b|\w@\w|\+?\d[\d ()-]{7,}\d/;
/** A phone printed after the name on its row ("Subway#15936-0 Phone 608-758-4560", "SHELL KINGSWAY 01382443110"). */
const TRAILING_PHONE = /\s+(?:(?:tel|tele?phone|phone|ph|fax|telefon|tlf)\b.*|\+?\d[\d ()-]{7,}\d\s*)$/i;

/** A row's text without a phone printed after the name, when letters come first. */
const cutTrailingPhone = (text: string): string => {
  const cut = text.replace(TRAILING_PHONE, '');
  return cut !== text && /^\S*\p{L}/u.test(cut) ? cut : text;
};
const REGISTRATION = /\b(?:gst|vat|tax id|tin|siret|siren|ust|ust-?id\w*|steuer\w*|st-?nr|abn|acn|uen|co\.? ?reg\w*|company (?:no|reg\w*)|reg\.? ?no|roc|br no|nif|cif|p\.? ?iva|partita|kvk|org\.? ?nr|cvr|rcs|naf|ape|sst|id|uid|hrb|hra|amtsgericht|nip|regon|krs|tva|intracom\w*|capital|stammkapital|capitale sociale)\b|\(\s*[a-z]{0,3}\d{4,}[- ]?[a-z]?\s*\)|^[a-z]{0,3}\d{5,}-?[a-z]?$/;
const GLUED_ADDRESS = /^\d{2,}[a-z].*(?:st|street|rd|road|ave|avenue|blvd|dr|drive|lane|ln|hwy)(?:\b|\d)/;
/** A row's text without a street address glued into one word before the name ("6375SouthRainbowBlvd KOBESUSHIBISTRO!!"). */
const cutLeadingAddress = (text: string): string => {
  const [, first = '', rest = ''] = /^\s*(\S+)\s+(.*\p{L}.*)$/u.exec(text) ?? [];
  return GLUED_ADDRESS.test(normalizeText(first)) ? rest : text;
};
/** The part of a row that may be the name: without an address glued before it or a phone after it. */
export const cutToName = (text: string): string => cutLeadingAddress(cutTrailingPhone(text));
const DATE_OR_TIME = /\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\b\d{1,2}:\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? ?'?\d{2,4}\b/;
/** A company form ending the name ("... Ltd", "... GmbH & Co. KG", "... SDN BHD"). */
export const LEGAL_SUFFIX = /\b(?:sdn\.? ?bhd|bhd|s\/b|ltd|limited|llc|l\.l\.c|inc|incorporated|corp|corporation|gmbh|ag|kg|ohg|e\.k|e\.kfm|e\.? k|ug|sarl|sas|sasu|eurl|s\.a|sa|s\.l|sl|srl|s\.r\.l|spa|s\.p\.a|bv|b\.v|nv|n\.v|ab|as|a\/s|aps|oy|sia|uab|plc|pty|pte|enterprise|trading|co|company)\b[\s.,]*$|\bsdn\.? ?b\w{1,3}\b/;
const BUSINESS_WORDS =
  'restaurant|restoran|cafe|coffee|bakery|boulangerie|backerei|baeckerei|market|markt|marche|mercado|mart|supermarket|supermarkt|supermarche|' +
  'store|stores|shop|hardware|pharmacy|apotheke|pharmacie|farmasi|hotel|bar|grill|kitchen|pizzeria|trattoria|bistro|brasserie|boutique|' +
  'station|tankstelle|kiosk|deli|food|foods|wholesale|warehouse|drugstore|diner|pub|tavern|taverna|pizza|' +
  'ristorante|restaurante|restorans|osteria|gasthaus|gasthof|imbiss|metzgerei|drogerie|steakhouse|brewery|burger|burgers|sushi|bbq|' +
  'cantina|taqueria|noodle|noodles|ramen|cafeteria|bookstore|books|hypermarket|minimarket|florist|laundry|apteka|aptieka|veikals|kafejnica|' +
  'museum|gallery|buffet|carwash|salon|cinema|theatre|theater|motel|hostel|lounge|winery|creamery|bagels|donuts|grocery|liquor|liquors|' +
  'brewing|roastery|patisserie|konditorei';
export const BUSINESS_WORD = new RegExp(`\\b(?:${BUSINESS_WORDS})\\b`);
/** A row that only says what kind of business the name above it is ("COSTCO" over "WHOLESALE"). */
export const BUSINESS_ROW = new RegExp(`^(?:${BUSINESS_WORDS})(?: (?:${BUSINESS_WORDS}))?$`);
/** A row ending in the kind of business, spaced or glued ("KOREAN RESTAURANT", "KOREANRESTAURANT", "Restaurant&Bar"). */
export const BUSINESS_TAIL = new RegExp(`(?:\\b(?:${BUSINESS_WORDS})|${BUSINESS_WORDS.split('|').filter((word) => word.length >= 6).join('|')})[^a-z]*$`);
/** A row the name goes on from ("... &", "... und", "Super-"); not a price-style logo ("real,-"). */
export const CONTINUES = /(?:&|\band|\bund|\bet|(?<!,)-|,)\s*$/;
export const SUFFIX_WORDS = new Set('sdn bhd s/b co company ltd limited llc inc corp gmbh ag kg ohg und sarl sas sa srl spa bv nv plc pty pte ab as oy sia uab'.split(' '));
/** A company form before the name, as the Baltic states print it ("SIA RIMI LATVIA", "UAB Maxima LT"). */
export const LEGAL_PREFIX = /^(?:sia|uab|ooo)\s+["'„“]?\p{L}/u;

/** "SDN BHD" with a letter of each word misread ("SUN' BHO", "SBN BHO", "SON BHD", "SDN 8HD"), ending the row. */
const MISREAD_SDN_BHD = /\b([a-z0-9]{3})\W{0,2} ?([a-z0-9]{3})(\W*)$/;

/** A row with a misread "SDN BHD" at its end put right. */
const mendSdnBhd = (norm: string): string =>
  norm
    .replace(MISREAD_SDN_BHD, (whole, first: string, second: string, tail: string) => (isOneEditAway(first, 'sdn') && isOneEditAway(second, 'bhd') ? `sdn bhd${tail}` : whole))
    // "S/B" with its letters read as digits ("5/8", "8/B").
    .replace(/(?<=\s)[s58]\/[b8]['’]*(?=[\s.,]*$)/, 's/b')
    // German forms with an O read as a nought ("& Co. 0HG", "GrnbH" is left to its brand).
    .replace(/(?<=\s)0hg(?=[\s.,]*$)/, 'ohg');

/** A company form beside the name: after it, before it, or a Malaysian one OCR misread. */
export const hasCompanyForm = (name: string): boolean => LEGAL_SUFFIX.test(mendSdnBhd(name)) || LEGAL_PREFIX.test(name);

/** A row that only carries the company form of the name above it ("SDN BHD", "(Europe) Limited", "CO. (M) SDN BHD"). */
export function isSuffixOnly(norm: string): boolean {
  const words = mendSdnBhd(norm).replace(/\([^)]*\)/g, ' ').replace(/[.,&]/g, ' ').trim().split(/\s+/);
  return words.length > 0 && words.length <= 5 && words.every((word) => SUFFIX_WORDS.has(word));
}

export const GLUED_HEADER = /^(?:thankyou|customercopy|merchantcopy|customerreceipt|customerbilling|yourguest|yourorder|guestnumber|ordernumber|checkno|chkno|tableno|receiptno|invoiceno|taxinvoice|cashbill|approved)/;
export const TITLE = /^(?:(?:simplified |full |official |sales |cash |tax )*(?:tax invoice|invoice|receipt|bill|cash sales?|docket)|kassenbon|rechnung|quittung|facture|factura|fattura|ticket de caisse|scontrino|kvitto|bonnetje|paragon)\b/;
const SLOGAN = /\b(?:error|warning|expiry|redeem|offnungszeiten|opening hours|open daily|horaires|geoffnet|promo|promotion|special offer|sale|thank|thanks|visit|again|goods sold|returnable|refundable|exchangeable|refund|welcome|please|come again|have a nice|vielen dank|merci de|gracias por|grazie per|bedankt|your cashier|cashier today|served by|your server|feedback|survey|(?:guest|order) (?:number|no)\b)\b/;
/** Two short sentences in a row: a slogan ("Save money. Live better.", "Expect More. Pay Less."), not a name. */
const MOTTO = /^(?:\p{L}+ ){1,3}\p{L}+[.!] (?:\p{L}+ ){1,3}\p{L}+[.!]?$/u;
const COLUMN_WORDS = /\b(?:qty|quantity|description|desc|price|amount|amt|item|items|disc|tax|unit|code|subtotal|total|menge|preis|betrag|artikel|prix|montant|qte|cantidad|precio|importe|prezzo|quantita)\b/g;
const ROLE_NAMED = /\b(?:cashier|server|waiter|waitress|operator|kassierer|kassiererin|bediener|caissier|caissiere|cajero|cajera|mesero|kasieris|kasiere)\s*:\s*\p{L}/u;
const PERSON_ROLE = /^(?:salesperson|sales person|cashier|server|employee|collector|served by|operator|staff|waiter|kasse|kassierer|caissier|vendeur|cajero|table|order|your order|guest|pax|ref|posted)\b|^(?:check|chk|tab|trans|transaction|ticket)\s*(?:#|no\b)/;

/** Words that say what kind of company a name is, not which one. */
export const CORPORATE_WORDS = new Set(
  ('exploitation exploitations stores store supermarket supermarkets hypermarket hypermarkets group groupe gruppe holding holdings retail retailers operations services distribution ' +
    'dienstleistung dienstleistungs gesellschaft verwaltung verwaltungs filiale filialen ' +
    'international trading enterprise enterprises company corporation stiftung vertrieb vertriebs handel handels europe uk france deutschland ' +
    'warenhandels veikali veikals latvia latvija lietuva lithuania eesti estonia osterreich osterreichische schweiz suisse polska espana italia nederland belgium sverige norge danmark suomi finland').split(' '),
);
const MINOR_WORDS = new Set('the and und et les des der die das von van de du la le of'.split(' '));

/** The words of a name that tell it apart: three letters or more, no company form ("MR D.I.Y. (M) SDN BHD" → diy). */
export const readSignificantWords = (name: string): string[] =>
  name
    .replace(/[.'’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !SUFFIX_WORDS.has(word) && !MINOR_WORDS.has(word));

/** A street, a building or a town's word, with or without a number ("Bretonischer Ring", "PLAZA DEL PUEBLO"). */
export const hasAddressWord = (norm: string): boolean => ADDRESS.test(norm);

/** Where the top block ends: an address, phone or date row (a registration number does not end it). */
export const isAddressOrContact = (norm: string): boolean =>
  !REGISTRATION.test(norm) && (CONTACT.test(norm) || (!/\s/.test(norm.trim()) && GLUED_ADDRESS.test(norm.trim())) || DATE_OR_TIME.test(norm) || STREET_FIRST.test(norm) || ((/\d/.test(norm) || norm.includes(',')) && (ADDRESS.test(norm) || POSTCODE.test(norm) || CITY_STATE.test(norm))));

const STORE_NUMBER = /^(?:store|shop|branch|outlet|unit|location|loc|site|filiale|tienda|magasin|rest)\s*(?:#|no\.?|nr\.?|number)\s*[a-z-]*\d[\w-]*$/;
const PAYMENT_BANNER = /^(?:cash|card|credit|debit|credit card|void|refund|reprint|duplicate|copy) ?\d?$/;

const letterCount = (text: string): number => (text.match(/\p{L}/gu) ?? []).length;

/** True when a top row is not a name: a header, an address, a phone, a registration number, a date. */
export function isNotName(text: string): boolean {
  // A number after '#' stays glued to it, so a store number is not read as a postcode.
  const norm = text.replace(/[*=_~]+|#+(?!\d)/g, ' ').trim();
  // A store number beside the name ("Subway#15936-0") does not count against its letters; alone ("#Waka1") it leaves none.
  const bare = text.replace(/#[\w-]*\d[\w-]*|[*=#_~]+/g, ' ').trim();
  const letters = letterCount(bare);
  if (letters < 2 || letters < bare.replace(/\s/g, '').length * 0.5) return true;
  if (HEADER_WORDS.test(norm.replace(/^[^\p{L}]+/u, '')) && norm.length < 40) return true;
  // How the order is served, alone on its row: a shop may be called "To Go Sushi".
  if (/^\W*(?:take ?out|to go|carry ?out)\W*$/.test(norm)) return true;
  // A restaurant's party size with its number or beside a waiter ("Covers: 2", "Paxs GP: Weray"; "Pax" is a role above);
  // not a shop called "Covers Cafe".
  if (/^\W*(?:covers|paxs)\b/.test(norm) && /[:\d]/.test(norm)) return true;
  // Words glued without spaces, as some OCR prints them: "CUSTOMERCOPY", "THANKYOUFORVISITING", "CheckNo.:1".
  if (!/\s/.test(norm) && GLUED_HEADER.test(norm.replace(/[^a-z]/g, ''))) return true;
  if (CONTACT.test(norm) || REGISTRATION.test(norm) || DATE_OR_TIME.test(norm)) return true;
  // A store's number alone ("Store#1458", "STORE #NY-1104") or a payment banner ("******CASH******"): the name is elsewhere.
  if (STORE_NUMBER.test(text.trim()) || PAYMENT_BANNER.test(norm)) return true;
  // A currency's code over the price column ("EUR") heads the items.
  if (/^\p{L}{2,3}$/u.test(norm) && readCurrencyMarker(norm.toUpperCase()) !== undefined) return true;
  // An address OCR glued into one word: a house number, then a street ("6375SouthRainbowBlvd", "642Midlandroad").
  if (!/\s/.test(norm.trim()) && GLUED_ADDRESS.test(norm.trim())) return true;
  // Digits of a misread company form ("SDN 8HD") are no house number.
  const place = mendSdnBhd(norm);
  if ((/\d/.test(place) || place.includes(',')) && (ADDRESS.test(place) || POSTCODE.test(place) || CITY_STATE.test(place))) return true;
  // A Malaysian street named first needs no number to be one ("Jalan Lapangan Terbang Subang").
  if (STREET_FIRST.test(norm)) return true;
  // A share of something ("100% GRASS-FED BEEF", "20% OFF") is a claim or an offer, never a name.
  if (/\d ?%/.test(norm)) return true;
  // A form's field ("Customer Name: ...", its first word misread or not) names the customer, not the shop.
  // A role and the person's name after it, wherever on the row ("AE cashier: Luis", a logo's edge before it).
  if (SLOGAN.test(norm) || MOTTO.test(norm) || PERSON_ROLE.test(norm) || ROLE_NAMED.test(norm) || /\bname\s*:/.test(norm) || (norm.match(COLUMN_WORDS) ?? []).length >= 2) return true;
  return /,\s*$/.test(norm);
}

const GREETING = /^(?:\S{1,3} )?(?:welcome (?:to|t0|10)|welcome at|thank you for shopping at|thank(?:s| you) for (?:visiting|dining (?:at|with)),?|bienvenue (?:chez|a|à|au)|willkommen (?:bei|im|in)|benvenuti (?:da|al|a)|bienvenidos? a|welkom bij)\s+(?=\S)/i;

/** The name a top row carries: without a greeting ("Welcome to Walmart"), a registration number or stars. */
export function readName(text: string): string {
  const name = cleanName(cleanName(text).replace(GREETING, ''));
  // A scrap of one to three small letters before a name in capitals ("ee THE CHEESECAKE FACTORY"): a logo's stroke, not a word of the name.
  const scrap = /^(\p{Ll}{1,3}) (?=[^\p{Ll}]*\p{Lu}{3}[^\p{Ll}]*$)/u.exec(name);
  return scrap && !MINOR_WORDS.has(scrap[1] ?? '') ? cleanName(name.slice(scrap[0].length)) : name;
}

/** A row that greets in the shop's name ("Welcome to Walmart", "Thank You for Visiting, PYT"): the receipt names itself. */
export const isGreeting = (text: string): boolean => GREETING.test(cleanName(text));

/** Removes a registration number or stars printed beside the name. */
export const cleanName = (text: string): string =>
  text
    // In brackets OCR may misread as braces ("{519537-X)").
    .replace(/[({[][^(){}[\]]*\d[^(){}[\]]*[)}\]]/g, ' ')
    .replace(/[*=#_~]{2,}/g, ' ')
    .replace(/[\t ]+/g, ' ')
    .replace(/^[\s\-–:,._]+|[\s\-–:,_]+$/g, '')
    .trim()
    // A bar before capitals is OCR of an I ("|KEA", "|NTERSPAR").
    .replace(/(?<![\p{L}\p{N}])\|(?=\p{Lu}{2})/gu, 'I')
    // Signs standing alone at either end are OCR of a frame or a logo ("| Taj Mahal |", "Woolworths @)").
    .replace(/^[^\p{L}\p{N}\s(&]+\s+|\s+[^\p{L}\p{N}\s(&]+$/gu, (edge) => (edge.includes(')') && text.includes('(') ? edge : ''));
