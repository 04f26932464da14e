import { BUSINESS_ROW, BUSINESS_TAIL, BUSINESS_WORD, CONTINUES, CORPORATE_WORDS, LEGAL_PREFIX, LEGAL_SUFFIX, SUFFIX_WORDS, TITLE, cleanName, cutToName, hasAddressWord, hasCompanyForm, isAddressOrContact, isGreeting, isNotName, isSuffixOnly, readName, readSignificantWords } from './merchant-rows';
import { SURE_CONFIDENCE } from '../receipt';
import { countEdits, findBrand, foldBrand, type BrandMatch } from './brands';
import { isScrap, isWeakText, readRowWords } from './row-words';
import { normalizeText, type ReceiptRow } from './rows';

const MAX_HEADER_ROWS = 12;
/** A name that may be filed under another the receipt prints. */
const UNSURE_NAME = 0.7;
/** What a restaurant's tagline says it serves ("Chinese Restaurant", "Authentic Mexican Food"). */
const CUISINES = new Set('chinese italian mexican japanese korean thai indian vietnamese french greek spanish american german turkish lebanese asian authentic traditional family fine'.split(' '));
/** Kinds of place that put their name after them ("Restaurant Piccadilly", "Hotel Adlon", "Gasthof Post"). */
const NAMED_AFTER = /^(?:restaurant|restaurante|ristorante|restoran|restorans|hotel|motel|hostel|cafe|bar|pizzeria|trattoria|osteria|taverna|bistro|brasserie|gasthaus|gasthof)$/;

/** Brackets a row opens and leaves open; below zero when it closes one opened above. */
function countOpen(text: string): number {
  let open = 0;
  for (const char of text) {
    if (char === '(') open++;
    else if (char === ')') open--;
  }
  return open;
}

/** A sentence: four words or a long glued run, ending in a full stop ("and tell us about your visit."), not a company form ("Co., Ltd."). */
const isSentence = (row: ReceiptRow): boolean =>
  /[\p{L}']\.\s*$/u.test(row.text) && (/[\p{L}']{20,}/u.test(row.text) || row.text.trim().split(/\s+/).length >= 4) && !LEGAL_SUFFIX.test(row.norm);

/** A row without the scraps OCR puts in cells beside it ("é\tKOREAN RESTAURANT"). */
const dropScrapCells = (text: string): string =>
  text
    .split('\t')
    .filter((cell) => !isScrap(readRowWords(cell)))
    .join(' ');

/** Cells of one or two letters that read as no word: a stamp's or a logo's edge. */
const isEdgeScrap = (cell: string): boolean => (cell.match(/\p{L}/gu) ?? []).length <= 2 && isScrap(readRowWords(cell));

/**
 * The chosen row without scrap cells at its edges: after the name ("DOMINO'S PIZZA\ta", "Panera Bread\tsa e") two letters
 * at most, as a longer scrap may be a misread word of the name ("14 FIVE\tG#Ys"); before it ("‘a |\tRETRO JUNCTION",
 * "oe\tThe Shoppes at Marina Bay Sands") no capital or digit either, as those may start it ("Ta\tMahal", "99\tSPEED MART").
 */
function dropEdgeScrapCells(text: string): string {
  const cells = text.split('\t');
  while (cells.length > 1 && isEdgeScrap(cells[cells.length - 1] ?? '')) cells.pop();
  while (cells.length > 1 && isEdgeScrap(cells[0] ?? '') && !/\p{Lu}.*\p{L}|\p{L}.*\p{Lu}|\d/u.test(cells[0] ?? '')) cells.shift();
  return cells.join('\t');
}

const DOMAIN_ENDINGS = 'com|net|org|co|de|fr|it|es|nl|be|at|ch|uk|my|sg|au|ca|us|lv|info|biz';
/** A web or e-mail address on the row, tested before its names are read out of it. */
const HAS_DOMAIN = new RegExp(`[a-z0-9]\\.(?:${DOMAIN_ENDINGS})\\b`);
const DOMAIN_NAMES = new RegExp(`(?:www\\.|@|\\b)([a-z0-9-]{3,})\\.(?:${DOMAIN_ENDINGS})\\b`, 'g');

/** The names in the web and e-mail addresses a receipt prints ("meijer.com", "www.dominos.com.my", "info@panerabread.com"). */
function readDomainNames(rows: readonly ReceiptRow[]): Set<string> {
  const names = new Set<string>();
  for (const row of rows) {
    if (!HAS_DOMAIN.test(row.norm)) continue;
    for (const match of row.norm.matchAll(DOMAIN_NAMES)) {
      if (match[1] && match[1] !== 'www') names.add(match[1].replace(/-/g, ''));
    }
  }
  return names;
}

/** The shop's name, how sure the parser is of it, and the row it was read on. */
interface MerchantPick {
  merchant: string | null;
  confidence: number;
  row: number | undefined;
}

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
  /** A company line below names it again. */
  confirmed: boolean;
  /** Only words and numbers, however short or lower-case ("real"). */
  readable: boolean;
  /** A chain's name on the row. */
  brand: BrandMatch | undefined;
  /** Printed larger than the header's other rows, and reading as words. */
  tall: boolean;
}

/** Sure only under no unread logo: of a clean row that says it is a company or names a business, or of a brand its company line names again. */
function rateMerchant(signals: MerchantSignals, score: number): number {
  const sure = signals.scrapsAbove === 0 && ((signals.clean && (signals.company || (signals.namedBusiness && signals.rank === 0))) || (signals.readable && signals.confirmed));
  return sure ? 0.85 : Math.max(0.3, Math.min(0.75, 0.4 + score * 0.3));
}

/**
 * With no name at the top (a logo OCR could not read, then the address), the company line many receipts print at their foot
 * ("REWE Markt GmbH" under the date) names the shop; never sure, as a landlord or an operator may print there too.
 */
function findFooterCompany(rows: readonly ReceiptRow[], moneyRows: readonly boolean[], from: number): MerchantPick {
  for (let index = from; index < rows.length; index++) {
    const row = rows[index];
    if (!row || moneyRows[index] === true) continue;
    const name = readName(cutToName(row.text));
    const norm = normalizeText(name);
    if (!hasCompanyForm(norm) || isSuffixOnly(norm) || isNotName(norm) || isWeakText(readRowWords(name))) continue;
    return { merchant: name, confidence: 0.4, row: index };
  }
  return { merchant: null, confidence: 0, row: undefined };
}

/**
 * A chain the receipt spells out on a row without prices, other than `skip`; never sure, as a landlord or a partner may
 * be one. Not misspelt: an item or a cashier's name may be a letter from one ("MUTTON CURRYS", "JASON MARSHALL").
 */
function findBrandAnywhere(rows: readonly ReceiptRow[], moneyRows: readonly boolean[], skip: number | undefined): MerchantPick | undefined {
  for (let index = 0; index < rows.length; index++) {
    const text = rows[index]?.text ?? '';
    const brand = index === skip || moneyRows[index] === true ? undefined : findBrand(text, true);
    if (!brand) continue;
    // A clean row that starts with the chain's name, as in a header, is the name as printed ("NJ TRANSIT Rail"); a sentence
    // naming it ("THANK YOU FOR SHOPPING AT KOHL'S") gives the chain.
    const shape = readRowWords(text);
    const printed = !brand.renamed && foldBrand(text).startsWith(foldBrand(brand.brand)) && shape.clean && !/\d/.test(text) && text.trim().split(/\s+/).length <= 4;
    return { merchant: printed ? cleanName(text) : brand.brand, confidence: 0.4, row: index };
  }
  return undefined;
}

/** Company forms of Malaysia, whose receipts are filed under the company they print ("MR D.I.Y. (M) SDN BHD"). */
const MALAYSIAN_FORM = /\b(?:sdn\.? ?b\w{1,3}|bhd|berhad|s\/b)\b/;

/**
 * A chain's company line read as the name ("REWE Markt GmbH", "SIA MAXIMA LATVIJA", "EDEKA Wolf e.K.", its logo unread): the
 * chain's name as the line prints it, which is what people file it under. Not in Malaysia, where the company is the name.
 */
function brandOfCompany(printed: string, brand: BrandMatch | undefined): string | undefined {
  const norm = normalizeText(printed);
  if (!hasCompanyForm(norm) || MALAYSIAN_FORM.test(norm)) return undefined;
  const words = printed.split(/\s+/);
  const from = LEGAL_PREFIX.test(norm) ? 1 : 0;
  // After a company form first, the chain may be all the rest (SIA "Drogas").
  const chainEnd = brand && findChainEnd(words, from, Math.min(from > 0 ? words.length : words.length - 1, from + 4), brand);
  if (chainEnd !== undefined) return trimQuotes(words.slice(from, chainEnd).join(' '));
  // A company form first ("SIA LaTS Veikali", "UAB Norfos mažmena"): the name between it and the words that say it is a company.
  if (from === 0) return undefined;
  let end = words.length;
  while (end > from + 1 && CORPORATE_WORDS.has(normalizeText(words[end - 1] ?? '').replace(/[^a-z]/g, ''))) end--;
  return end < words.length ? trimQuotes(words.slice(from, end).join(' ')) : undefined;
}

/**
 * A fuel brand first, then "Station" and its tenant or town ("Aral Tankstelle Fischer", "Shell Station Essen"): the brand,
 * as the row prints it, which is what the receipt is filed under.
 */
function chainBeforeKind(printed: string, brand: BrandMatch | undefined): string | undefined {
  if (!brand?.exact) return undefined;
  const words = printed.split(/\s+/);
  // The kind and at least one word after it.
  const end = findChainEnd(words, 0, words.length - 2, brand);
  const kind = normalizeText(words[end ?? 0] ?? '').replace(/[^a-z]/g, '');
  return end !== undefined && KIND_AFTER_CHAIN.test(kind) ? trimQuotes(words.slice(0, end).join(' ')) : undefined;
}

/** Where the chain's name, printed from `words[from]`, ends: the first end up to `last` whose words spell it. */
function findChainEnd(words: readonly string[], from: number, last: number, brand: BrandMatch): number | undefined {
  const target = foldBrand(brand.brand);
  for (let end = from + 1; end <= last; end++) if (foldBrand(words.slice(from, end).join(' ')) === target) return end;
  return undefined;
}

/**
 * A fuel station, which names itself by its brand, then "Station" and its tenant or town, and a Latvian chain's shop
 * ("ELVI veikals Origo"); a German shop's "Markt" stays ("EDEKA Markt Schulz").
 */
const KIND_AFTER_CHAIN = /^(?:tankstelle|station|servicestation|tankcenter|veikals)$/;

/** Without the quotes and the comma a company's name is printed in (SIA "RIMI LATVIA", "MERCADONA, S.A."). */
const trimQuotes = (name: string): string => name.replace(/^["'„“”«]+|["'„“”»,.:;]+$/g, '');

/**
 * The name up to where a clean row below, repeating its start alone, ends it: "Applebee's Sux" over "APPLEBEE'S" is a logo
 * whose edge OCR read as a word, "Banco de Bogota G yrs G" over "Banco de Bogate" a stamp's.
 */
function cutToRepeat(name: string, below: readonly ReceiptRow[]): string {
  const words = name.split(/\s+/);
  const whole = foldBrand(name);
  for (const row of below) {
    const repeat = foldBrand(row.text);
    // Cheap tests first: a shorter row starting as the name does.
    if (repeat.length < 4 || repeat.length >= whole.length || repeat[0] !== whole[0] || /\d/.test(repeat)) continue;
    const shape = readRowWords(row.text);
    if (isWeakText(shape) || !shape.clean) continue;
    // A letter misread in six, as in a brand's name.
    const tolerance = Math.floor(repeat.length / 6);
    let head = '';
    for (let end = 1; end < words.length; end++) {
      head += foldBrand(words[end - 1] ?? '');
      if (head.length >= repeat.length && countEdits(head, repeat, tolerance) <= tolerance) return words.slice(0, end).join(' ');
      if (head.length > repeat.length + 1) break;
    }
  }
  return name;
}

/**
 * A logo's letters spaced wrong ("THERE AL") that a clean row below spells out, ending a word where they end ("The Real
 * Greek Hoxton"): that row. Not a name the row only repeats before a branch ("NOVOTEL" over "NOVOTEL PEKANBARU"), nor one
 * whose words the row splits or glues ("Jollibee" over "Jol libee Yayasan Complex"), nor a company line.
 */
function spellOut(name: string, below: readonly ReceiptRow[]): string {
  // The same letters in as many words, parted elsewhere.
  const spelt = name.split(/\s+/).map(foldBrand).filter((word) => word !== '');
  const folded = spelt.join('');
  if (folded.length < 5) return name;
  for (const row of below) {
    const words = row.text.split(/\s+/).map(foldBrand).filter((word) => word !== '');
    const head = words.slice(0, spelt.length);
    if (words.length <= spelt.length || head.join('') !== folded || head.join(' ') === spelt.join(' ')) continue;
    const shape = readRowWords(row.text);
    if (/\d/.test(row.text) || !shape.clean || isWeakText(shape) || isNotName(row.norm) || hasAddressWord(row.norm) || hasCompanyForm(row.norm)) continue;
    return cleanName(row.text);
  }
  return name;
}

/** The business name from the top of the receipt, joining a name the printer carried over to the next row. */
export function findMerchant(rows: readonly ReceiptRow[], moneyRows: readonly boolean[]): MerchantPick {
  const end = Math.min(rows.length, MAX_HEADER_ROWS);
  const heights = rows.slice(0, end).map((row) => row.height).filter((h) => h > 0).sort((a, b) => a - b);
  const medianHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  let best: { index: number; score: number; words: string[]; folded: string; signals: MerchantSignals } | undefined;
  let first: { index: number; folded: string; lead: string; words: string[] } | undefined;
  let rank = 0;
  let scraps = 0;
  let topBlock = true;
  const domainNames = readDomainNames(rows);
  for (let index = 0; index < end; index++) {
    const row = rows[index];
    if (!row) continue;
    // A document title ("TAX INVOICE") ends the shop's header: names below it are the customer's.
    if (best && (moneyRows[index] === true || TITLE.test(row.norm.replace(/^[^a-z]+/, '')))) break;
    if (moneyRows[index] === true) continue;
    if (isSuffixOnly(row.norm)) {
      // A company form on its own row ("SDN BHD", "(Thailand) Co., Ltd.") marks the row above it as the company's name.
      if (best && best.index === index - 1 && best.signals.readable) best = { ...best, score: best.score + 1, signals: { ...best.signals, confirmed: true } };
      continue;
    }
    const text = cutToName(row.text);
    const name = normalizeText(readName(text));
    // A row ending in a comma continues an address; a word or two ending in a colon is a label waiting for its value ("FECHA:").
    if (/,\s*$/.test(row.text) || /^\s*\S+(?:\s+\S+)?\s*:\s*$/.test(row.text) || isSentence(row) || isNotName(name)) {
      if (best && isAddressOrContact(name)) topBlock = false;
      continue;
    }
    const shape = readRowWords(readName(text));
    const brand = findBrand(text);
    // OCR of a logo, a stamp or handwriting: no row at all.
    if (isScrap(shape) && !brand) {
      scraps++;
      continue;
    }
    const weak = isWeakText(shape);
    const company = hasCompanyForm(name);
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
    // A chain's name, however OCR spelt it, is the shop's; but not over the company line above it, which Malaysian receipts
    // give as the name ("IKANO HANDEL SDN BHD" over "IKEA CHERAS").
    if (brand && !best?.signals.company) score += 0.6;
    // A greeting in the shop's name ("Thank You for Visiting, PYT") is the receipt naming itself.
    if (isGreeting(text)) score += 0.5;
    // The shop's own web address names it ("meijer" over "meijer.com"): a slogan or a company line above it does not.
    const folded = name.replace(/[^a-z0-9]/g, '');
    const words = readSignificantWords(name);
    if (domainNames.size > 0 && (domainNames.has(folded) || words.some((word) => word.length >= 4 && domainNames.has(word)))) score += 0.5;
    // A kind of business with only its cuisine ("Chinese Restaurant") is a logo's tagline, its name unread: no named business.
    const namedBusiness = BUSINESS_WORD.test(name) && words.some((word) => !BUSINESS_ROW.test(word) && !CUISINES.has(word));
    // A fragment is no sure name: an unclosed bracket, or a company form first ("CO. (M) SDN BHD" under "POPULAR BOOK").
    const fragment = countOpen(name) !== 0 || (!LEGAL_PREFIX.test(name) && SUFFIX_WORDS.has(name.replace(/[^a-z/ ]/g, ' ').trim().split(' ')[0] ?? ''));
    const signals: MerchantSignals = { clean: !weak && shape.clean && !fragment && !/\d/.test(name), company: company && topBlock, namedBusiness, rank, scrapsAbove: scraps, confirmed: false, readable: shape.clean && !fragment, brand, tall };
    rank++;
    const lead = /^[a-z0-9]{3,}/.exec(name.replace(/[^a-z0-9 ]/g, ''))?.[0] ?? '';
    if (best && company && topBlock) {
      const shared = best.words.filter((word) => words.includes(word));
      // A company line sharing no word with the name above it: that was a person, a slogan or a label ("TAN WOON YANN" over "MR D.I.Y. (M) SDN BHD").
      // Sharing one, the brand above is the name people know ("ALDI SÜD" over "ALDI GmbH", "MONOPRIX" over "Monoprix Exploitation SAS"),
      // unless the company line spells that brand out in full ("LAVENDER" over "LAVENDER CONFECTIONERY & BAKERY S/B").
      const spelledOut = shared.length === best.words.length && words.some((word) => !shared.includes(word) && !CORPORATE_WORDS.has(word) && !BUSINESS_WORD.test(word));
      // "Pizza Express" over "PizzaExpress (Restaurants) Ltd" shares its letters, if not its words.
      const joined = best.folded.length >= 3 && folded.includes(best.folded);
      // Not under a chain's name: that is the shop, and the company line its operator ("Jollibee" over "Entrek (B) Sdn.Bhd.").
      // Nor, outside Malaysia, whose receipts are filed under the company, under a clean name printed half again as large
      // (a logo's: "Khyen Chyen" over "7NK Foods & Beverages Pvt. Ltd."), or over a Baltic company line, whose form comes
      // first (SIA "Kristaps un draugi" under "Pie Kristapa").
      const logoAbove = best.signals.clean && !MALAYSIAN_FORM.test(name) && ((best.signals.tall && (rows[best.index]?.height ?? 0) >= row.height * 1.5) || LEGAL_PREFIX.test(name));
      if (((shared.length === 0 && !joined) || spelledOut) && !best.signals.brand && !logoAbove) {
        best = { index, score, words, folded, signals };
        break;
      }
      // The company line names the brand above it again: that brand is the name, however its logo reads ("real" over "real GmbH").
      if (shared.length > 0 || joined) best = { ...best, score: best.score + 1, signals: { ...best.signals, confirmed: true } };
      continue;
    }
    // Any other row repeating the brand above it adds nothing to the name.
    if (best && first && first.index === best.index && ((first.folded.length >= 3 && folded.includes(first.folded)) || (lead !== '' && lead === first.lead))) continue;
    if (!first) first = { index, folded, lead, words };
    if (!best || score > best.score) best = { index, score, words, folded, signals };
  }
  // A header that names no chain and no company, under a logo OCR could not read, may say less than the receipt's foot
  // ("Thank you for shopping at Kohl's").
  if (!best || (!best.signals.brand && !best.signals.company && rateMerchant(best.signals, best.score) < SURE_CONFIDENCE)) {
    const named = findBrandAnywhere(rows, moneyRows, best?.index);
    // Not over a header that spells it glued or in part ("ShellCanada", "LostHillsMcDonald's", "ROSS" of "Ross Dress for Less").
    const folded = best ? foldBrand(rows[best.index]?.text ?? '') : '';
    const brandFold = foldBrand(named?.merchant ?? '');
    if (named && !(folded.length >= 3 && (folded.includes(brandFold) || brandFold.includes(folded)))) return named;
  }
  if (!best) return findFooterCompany(rows, moneyRows, end);
  const row = rows[best.index];
  if (!row) return { merchant: null, confidence: 0, row: undefined };
  // Of a row in cells, the chain's own ("Panera Bread" of ".\tPanera Bread\tSrtoeet").
  const brandCell = best.signals.brand && row.text.split('\t').find((cell) => findBrand(cell)?.brand === best?.signals.brand?.brand);
  const chosenText = cutToName(brandCell || dropEdgeScrapCells(row.text));
  // A chain's name misspelt ("99 SPEED Hart &igy-0 By", "Steak I ‘n Shake Shake Not Nos!") or among scraps is written as the chain
  // writes it; spelt right on a clean row, as printed ("CAFE NERO DUBAI MALL", "Pizza Hut #744007").
  const chosenBrand = best.signals.brand;
  // A company line the printer carried over after its "&" ("Kaufland Dienstleistung GmbH &" / "Co. KG") ends at its form.
  const read = readName(chosenText);
  const beforeAnd = read.replace(/\s*&\s*$/, '');
  const printed = beforeAnd !== read && hasCompanyForm(normalizeText(beforeAnd)) ? beforeAnd : read;
  // A row printing the chain otherwise than it is called ("DRESS FOR LESS" under Ross's logo, "COSTCO WHOLESALE") gives the
  // name it goes by.
  const spelt = chosenBrand !== undefined && (!chosenBrand.exact || chosenBrand.renamed === true || isWeakText(readRowWords(chosenText))) && !hasCompanyForm(normalizeText(printed));
  const chain = spelt ? undefined : (brandOfCompany(printed, chosenBrand) ?? chainBeforeKind(printed, chosenBrand));
  let name = spelt ? chosenBrand.brand : (chain ?? printed);
  // "ALAM) SDN BHD" closes a bracket opened on the row above: the name started there ("AIK HUAT HARDWARE" / "ENTERPRISE (SETIA" / "ALAM) SDN BHD").
  const opener = rows[best.index - 1];
  let opened = false;
  if (opener && countOpen(row.text) < 0 && countOpen(opener.text) > 0 && !isNotName(normalizeText(opener.text))) {
    name = `${cleanName(opener.text)} ${name}`;
    opened = true;
    const above = rows[best.index - 2];
    if (above && !/\d/.test(above.text) && !isNotName(above.norm) && !isScrap(readRowWords(above.text))) name = `${cleanName(above.text)} ${name}`;
  }
  if (!opened) name = cutToRepeat(name, rows.slice(best.index + 1, best.index + 3));
  if (!opened) name = spellOut(name, rows.slice(best.index + 1, best.index + 4));
  const next = rows[best.index + 1];
  const nextText = next ? dropScrapCells(next.text) : '';
  const nextNorm = normalizeText(nextText);
  const nextIsBusiness = next !== undefined && BUSINESS_ROW.test(nextNorm.trim());
  // A short row of words below, no number in it, that may carry on the name.
  const nextMayJoin = !/\d/.test(nextText) && nextText.length <= 30 && !isNotName(nextNorm);
  // "CHOEUN" over "KOREANRESTAURANT": the kind of business below a name that does not say it is the name's second half.
  const nextEndsBusiness = nextMayJoin && !BUSINESS_WORD.test(row.norm) && BUSINESS_TAIL.test(nextNorm) && !isScrap(readRowWords(nextText));
  // "RESTAURANT" over "PICCADILLY": a kind of place that goes before its name says none alone; the row below says it. Not a
  // department ("GROCERY"), which items follow.
  const nextNames = nextMayJoin && NAMED_AFTER.test(normalizeText(name).trim()) && !hasAddressWord(nextNorm) && !isWeakText(readRowWords(nextText));
  // A greeting ends with the name it gives; what follows it is another line.
  // A chain's name is whole: the kind of business under it is its logo's ("COSTCO" over "WHOLESALE"), unless the two spell
  // a longer chain.
  const chainWhole = chosenBrand !== undefined && !isSuffixOnly(nextNorm) && (findBrand(`${chosenText} ${nextText}`)?.brand.length ?? 0) <= chosenBrand.brand.length;
  // A logo stacked on two rows that spell a chain between them ("Olive" / "Garden").
  const nextSpellsChain = chosenBrand === undefined && nextMayJoin && findBrand(nextText, true) === undefined && findBrand(`${chosenText} ${nextText}`, true) !== undefined;
  // A name cut to its chain from a company line takes no company form from the next row ("ALDI SUD ... & Co." / "OHG").
  if (next && next.text.length <= 40 && !isGreeting(chosenText) && !chainWhole && !(chain !== undefined && isSuffixOnly(nextNorm)) && (isSuffixOnly(nextNorm) || nextIsBusiness || nextEndsBusiness || nextNames || nextSpellsChain || (CONTINUES.test(row.text) && !isNotName(nextNorm)))) {
    name = `${name} ${cleanName(nextText)}`;
    // A logo stacked on three rows ("WHOLE" / "FOODS" / "MARKET").
    const third = rows[best.index + 2];
    if (third && nextIsBusiness && BUSINESS_ROW.test(third.norm.trim())) name = `${name} ${cleanName(third.text)}`;
  }
  // A company line over a chain's name ("... Restaurants Sdn Bhd" over "McDonald's Nong Chik"): which of the two the user files
  // it under is theirs to say.
  const chainBelow = best.signals.company && !chosenBrand && next !== undefined && findBrand(next.text, true) !== undefined;
  const confidence = Math.min(rateMerchant(opened ? { ...best.signals, clean: false } : best.signals, best.score), chainBelow ? UNSURE_NAME : 1);
  return { merchant: name === '' ? null : name, confidence, row: best.index };
}
