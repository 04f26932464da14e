/**
 * Chains people scan receipts from, as they write their names and as their receipts also print them ("Cafe Nero"). A
 * header row that spells one, even through a misread letter ("99 SPEED Hart", "Steak I 'n Shake"), names the shop. Names
 * that are also common words, first names or places ("Total", "Real", "Giant", "Metro", "Douglas", "Iceland") are left
 * out: a receipt says them for other reasons. One string a region, names apart by "|", keeps the worker small.
 */
const BRAND_NAMES: readonly string[] = [
  // United States and Canada: shops, pharmacies, fuel
  "Walmart|Target|Costco|Costco Wholesale>Costco|Sam's Club|Kroger|Safeway|Albertsons|Publix|Whole Foods Market|Trader Joe's|Meijer|" +
    'Wegmans|Food Lion|Giant Eagle|Stop & Shop|Hy-Vee|WinCo Foods|Sprouts Farmers Market|Ralphs|Vons|Fred Meyer|' +
    "King Soopers|Harris Teeter|ShopRite|Piggly Wiggly|Winn-Dixie|Smart & Final|Stater Bros|Jewel-Osco|Shaw's|" +
    'Price Chopper|Hannaford|Weis Markets|Dollar General|Dollar Tree|Family Dollar|Five Below|Big Lots|Walgreens|' +
    "CVS Pharmacy|Rite Aid|Duane Reade|Home Depot|Lowe's|Menards|Ace Hardware|Best Buy|GameStop|Staples|" +
    "Office Depot|OfficeMax|Barnes & Noble|Macy's|Kohl's|Nordstrom|JCPenney|Kmart|Marshalls|T.J. Maxx|HomeGoods|" +
    'Ross Dress for Less>Ross|Dress for Less>Ross|Old Navy|Banana Republic|Bed Bath & Beyond|Petco|PetSmart|Hobby Lobby|Bath & Body Works|' +
    "Victoria's Secret|Sephora|Ulta Beauty|Foot Locker|Dick's Sporting Goods|Bass Pro Shops|Cabela's|AutoZone|" +
    "O'Reilly Auto Parts|Advance Auto Parts|Apple Store|Microsoft Store|7-Eleven|Circle K|Wawa|Sheetz|QuikTrip|" +
    "Casey's|Speedway|Chevron|Exxon|ExxonMobil|Shell|Texaco|Citgo|Sunoco|Valero|Phillips 66|Sinclair|USA Gasoline|" +
    'Kwik Trip|Thorntons|RaceTrac|Murphy USA|Loblaws|No Frills|Sobeys|Provigo|Shoppers Drug Mart|Jean Coutu|' +
    'Pharmaprix|Canadian Tire|Petro-Canada|Couche-Tard|Northgate Market|Grocery Outlet|Save-A-Lot|Food 4 Less|FoodMaxx|' +
    "Raley's|Bashas'|Schnucks|Mariano's|Market Basket|Acme Markets|H Mart|99 Ranch Market|Natural Grocers|" +
    "The Fresh Market|Cost Plus World Market|Harbor Freight|Tractor Supply|Sherwin-Williams|Jo-Ann|Academy Sports|" +
    "Sav-on|Kum & Go|Flying J|Dutch Bros",
  // Restaurants and cafés
  "McDonald's|Burger King|Wendy's|Subway|Starbucks|Dunkin'|Taco Bell|KFC|Kentucky Fried Chicken|Pizza Hut|" +
    "Domino's|Papa John's|Little Caesars|Chipotle|Panera Bread|Panda Express|Chick-fil-A|Popeyes|Arby's|" +
    "Jack in the Box|Carl's Jr.|Hardee's|Whataburger|In-N-Out Burger|Five Guys|Shake Shack|Culver's|Dairy Queen|" +
    "Zaxby's|Wingstop|Raising Cane's|Bojangles|Church's Chicken|El Pollo Loco|Del Taco|Qdoba|Moe's Southwest Grill|" +
    "Jimmy John's|Jersey Mike's|Firehouse Subs|Potbelly|Quiznos|Noodles & Company|Olive Garden|Red Lobster|" +
    "Applebee's|Chili's|TGI Fridays|Denny's|IHOP|Cracker Barrel|Waffle House|Bob Evans|Outback Steakhouse|" +
    'Texas Roadhouse|LongHorn Steakhouse|Red Robin|Buffalo Wild Wings|Hooters|Ruby Tuesday|The Cheesecake Factory|' +
    "P.F. Chang's|Carrabba's|Maggiano's|Cheddar's|Steak 'n Shake|Golden Corral|Boston Market|Famous Dave's|" +
    "Dave & Buster's|California Pizza Kitchen|Round Table Pizza|Marco's Pizza|Sbarro|Auntie Anne's|Cinnabon|" +
    "Krispy Kreme|Tim Hortons|Peet's Coffee|Caribou Coffee|Jamba Juice|Smoothie King|Baskin-Robbins|Cold Stone|" +
    "Ben & Jerry's|Einstein Bros|Au Bon Pain|Pret A Manger|Costa Coffee|Caffè Nero|Cafe Nero|Greggs|Nando's|" +
    'Wagamama|Pizza Express|Zizzi|Prezzo|Wetherspoon|Vapiano|Nordsee|Backwerk|Hesburger|Jollibee|Chowking|' +
    'Secret Recipe|OldTown White Coffee|Marrybrown|Texas Chicken|Sushi King|Tealive|Din Tai Fung|Toast Box|Ya Kun|' +
    'Crystal Jade|BreadTalk|Old Chang Kee|Gong Cha|Chatime|Llaollao|Lotteria|Paris Baguette|Yoshinoya|Sukiya|' +
    "Mos Burger|Saizeriya|Doutor|Tully's Coffee|Baja Fresh|Benihana|Menchie's|Pinkberry|Yogurtland|Sonic Drive-In|" +
    "Fuddruckers|Johnny Rockets|Chuck E. Cheese|Papa Murphy's|Jason's Deli|McAlister's Deli|Schlotzsky's|Pei Wei|" +
    "Friendly's|Ruth's Chris|Fogo de Chão|Pollo Tropical|Torchy's Tacos|Cafe Rio|Sweetgreen|Corner Bakery|" +
    "Le Pain Quotidien|Blaze Pizza|MOD Pizza|White Castle|Smashburger|Habit Burger|Portillo's|El Torito|Chevys|" +
    "On The Border|Chuy's|Buca di Beppo|Macaroni Grill|Texas de Brazil|Logan's Roadhouse|O'Charley's|Bonefish Grill|" +
    "Joe's Crab Shack|Bubba Gump|Legal Sea Foods|Long John Silver's|Captain D's|Huddle House|First Watch|" +
    "Black Bear Diner|Village Inn|Marie Callender's|Block House|Hans im Glück|L'Osteria|Kamps|Ditsch|Back-Factory|Le Crobag",
  // United Kingdom and Ireland
  "Tesco|Sainsbury's|Asda|Morrisons|Waitrose|Marks & Spencer|Superdrug|Argos|Currys|John Lewis|Primark|Debenhams|" +
    'WHSmith|Poundland|Wilko|Halfords|Homebase|Screwfix|Wickes|Selfridges|Harrods|Dunnes Stores',
  // Germany, Austria, Switzerland
  'Aldi|Lidl|Rewe|Edeka|Kaufland|Netto Marken-Discount|Penny Markt|Globus|Tegut|Marktkauf|dm-drogerie markt|' +
    'Rossmann|Hornbach|Bauhaus|Hagebaumarkt|MediaMarkt|Media Markt|Karstadt|Kaufhof|Deichmann|Tchibo|Hugendubel|' +
    "Fressnapf|Aral|Esso|Westfalen|Alnatura|Denn's Biomarkt|Billa|Interspar|Migros|Denner|Saturn|OBI|Nahkauf|Famila|" +
    "Budni|KiK|Ernsting's family|Takko",
  // Rest of Europe
  'IKEA|Decathlon|Carrefour|Auchan|E.Leclerc|Leclerc|Intermarché|Monoprix|Franprix|Picard|Fnac|Darty|Leroy Merlin|' +
    'Castorama|Mercadona|Eroski|El Corte Inglés|Alcampo|Hipercor|Caprabo|Esselunga|Conad|Eurospin|Albert Heijn|' +
    'Kruidvat|Delhaize|Colruyt|Biedronka|Żabka|Spar|Uniqlo|Pepco|Jysk|Euronics|Stockmann|Tokmanni|K-Citymarket|' +
    'Statoil|Neste|Lukoil|Orlen|Repsol|Cepsa',
  // Baltic states
  'Rimi|Maxima|Mego|Elvi|Aibe|Narvesen|Virši|Viada|Drogas|Euroaptieka|Mēness aptieka|Benu aptieka|Gimenes aptieka|' +
    'K-Rauta|Senukai|Čili Pica|Double Coffee|Iki|Norfa|Prisma|Apranga|Sportland|Latvijas Pasts|Pica Lulū',
  // Asia, Middle East, Oceania, Latin America
  'Cold Storage|FairPrice|Sheng Siong|Watsons|Mydin|Tesco Lotus|Jaya Grocer|Village Grocer|99 Speed Mart|' +
    "KK Super Mart|FamilyMart|MR D.I.Y.|Popular Bookstore|Puregold|Mercury Drug|Big C|Makro|Lotus's|Indomaret|" +
    'Alfamart|Hypermart|Lulu Hypermarket|Spinneys|Choithrams|Woolworths|Bunnings|JB Hi-Fi|Harvey Norman|Officeworks|' +
    "Pak'nSave|Oxxo|Soriana|Chedraui|Bodega Aurrerá|Sanborns|Éxito|Carulla|Pão de Açúcar|Muji|Daiso|Don Quijote|" +
    'Bic Camera|Yodobashi|Matsumoto Kiyoshi|Emart|Homeplus|Lotte Mart|GS25|Olive Young|Hermès|Louis Vuitton|Gucci|' +
    'Chanel|Prada',
  // Travel
  'Novotel|Ibis|Mercure|Hilton|Marriott|Hyatt|Sheraton|Holiday Inn|Best Western|Radisson|Amtrak|NJ Transit|' +
    'Greyhound|Hertz|Europcar|Sixt|Uber|Lyft',
].flatMap((names) => names.split('|'));

/** Lower case without accents, compatibility forms folded (full-width letters); printable ASCII needs no decomposing. */
const plainLower = (text: string): string => (/^[\x20-\x7e\t]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase();

/** Letters and digits only, without accents or case: "Mēness aptieka" and "MENESS APTIEKA" fold alike. */
export const foldBrand = (text: string): string => plainLower(text).replace(/[^\p{L}\p{N}]/gu, '');

/** Shorter names match only as written: a letter misread in "Subway" or "Denner" makes another word ("Sunway", "Dinner"). */
const MIN_FUZZY = 8;
/** Most words a name spans on a row ("Ross Dress for Less"). */
const MAX_SPAN = 5;

interface BrandEntry {
  name: string;
  folded: string;
  /** Letters a misreading may change, add or drop: one in eight letters, two in fourteen. */
  tolerance: number;
  /** Words the name is written in: a row may glue them, never cut one in two ("NE Ste D" is no "Neste"). */
  words: number;
  /** Printed otherwise than the chain is called. */
  renamed: boolean;
}

/** Words as a row writes them, an apostrophe inside one ("McDonald's") keeping it whole. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** "Printed>Name": a chain whose receipts print it otherwise than people write it ("Dress for Less>Ross", under a logo). */
const ENTRIES: readonly BrandEntry[] = BRAND_NAMES.map((entry) => {
  const [printed = entry, name = printed] = entry.split('>');
  const folded = foldBrand(printed);
  return { name, folded, tolerance: folded.length >= MIN_FUZZY ? Math.floor((folded.length - 2) / 6) : 0, words: printed.match(WORD)?.length ?? 1, renamed: name !== printed };
});
const BY_FOLD = new Map(ENTRIES.map((entry) => [entry.folded, entry]));
/** Every start of a name, to stop reading a row's words once no name begins with them. */
const PREFIXES = new Set(ENTRIES.flatMap((entry) => Array.from({ length: entry.folded.length }, (_, end) => entry.folded.slice(0, end + 1))));
/** The names a misreading may hide, and the indexes of those holding each three-letter run. */
const FUZZY = ENTRIES.filter((brand) => brand.tolerance > 0);
const BY_TRIGRAM = new Map<string, number[]>();
FUZZY.forEach((entry, index) => {
  for (const trigram of new Set(trigramsOf(entry.folded))) BY_TRIGRAM.set(trigram, [...(BY_TRIGRAM.get(trigram) ?? []), index]);
});
/** Runs each fuzzy name shares with the row being read; zeroed after each row. */
const sharedRuns = new Uint8Array(FUZZY.length);

function trigramsOf(folded: string): string[] {
  const trigrams: string[] = [];
  for (let i = 0; i + 3 <= folded.length; i++) trigrams.push(folded.slice(i, i + 3));
  return trigrams;
}

/** Letters changed, added or dropped from `a` to `b`, or `max + 1` once past `max`. */
export function countEdits(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(cost);
      best = Math.min(best, cost);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** The names whose three-letter runs the row shares enough of to be there with their tolerance of misread letters. */
function findCandidates(folded: string): BrandEntry[] {
  const touched: number[] = [];
  for (let i = 0; i + 3 <= folded.length; i++) {
    for (const index of BY_TRIGRAM.get(folded.slice(i, i + 3)) ?? []) {
      if (sharedRuns[index] === 0) touched.push(index);
      sharedRuns[index] = Math.min(255, (sharedRuns[index] ?? 0) + 1);
    }
  }
  const candidates: BrandEntry[] = [];
  for (const index of touched) {
    const entry = FUZZY[index];
    // Each misread letter breaks at most three runs.
    if (entry && (sharedRuns[index] ?? 0) >= entry.folded.length - 2 - 3 * entry.tolerance) candidates.push(entry);
    sharedRuns[index] = 0;
  }
  return candidates;
}

export interface BrandMatch {
  /** The chain's name as it writes it. */
  brand: string;
  /** Spelt on the row letter for letter. */
  exact: boolean;
  /** Printed otherwise than the chain is called ("COSTCO WHOLESALE", "DRESS FOR LESS"). */
  renamed?: true;
}

/**
 * The chain a row names, in whole words: "Subway#1926-0" and "PaneraBread" name one, "SUBWAYS" and "crossroads" do not.
 * The closest spelling wins, then the longest name ("Ross Dress for Less" over "Ross"). `exactOnly` looks for names spelt
 * right alone, which is quicker.
 */
export function findBrand(text: string, exactOnly = false): BrandMatch | undefined {
  const words = (plainLower(text).match(WORD) ?? []).map((word) => word.replace(/['’]/g, ''));
  if (words.length === 0) return undefined;
  const candidates = exactOnly ? [] : findCandidates(words.join(''));
  let best: { entry: BrandEntry; edits: number } | undefined;
  const consider = (entry: BrandEntry, edits: number): void => {
    if (!best || edits < best.edits || (edits === best.edits && entry.folded.length > best.entry.folded.length)) best = { entry, edits };
  };
  for (let start = 0; start < words.length; start++) {
    let span = '';
    let count = 0;
    for (let end = start; end < Math.min(words.length, start + MAX_SPAN); end++) {
      span += words[end] ?? '';
      // A possessive's s OCR set apart ("KOHL 'S") is no word of its own.
      if (words[end] !== 's') count++;
      const found = BY_FOLD.get(span);
      if (found && count <= found.words) consider(found, 0);
      // A misread may split a word in two ("Steak I 'n Shake"), and no more.
      else {
        for (const entry of candidates) {
          const edits = count <= entry.words + 1 ? countEdits(span, entry.folded, entry.tolerance) : Number.POSITIVE_INFINITY;
          if (edits <= entry.tolerance) consider(entry, edits);
        }
      }
      // No name spelt right goes on from here, and none misspelt is near.
      if (candidates.length === 0 && !PREFIXES.has(span)) break;
    }
  }
  const match = best as { entry: BrandEntry; edits: number } | undefined;
  return match ? { brand: match.entry.name, exact: match.edits === 0, ...(match.entry.renamed ? { renamed: true } : {}) } : undefined;
}
