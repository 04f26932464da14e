import { countSubstitutions, isMisreadTotal, isOneEditAway, mendM } from './misread-words';

/** What a summary row of a receipt says its amount is. */
export type LabelKind =
  | 'grand' // a total that is surely what was paid: "amount due", "total TTC", "zu zahlen"
  | 'total' // a plain total: "total", "Summe", "Totaal"
  | 'subtotal'
  | 'tax'
  | 'tip'
  | 'discount'
  | 'rounding'
  | 'tendered'
  | 'change'
  | 'ignore'
  | 'none';

// Rules run on normalised text (lower case, no accents) in this order; the first that matches wins.
// \b only knows ASCII letters: words in other scripts stand without it.
const RULES: ReadonlyArray<readonly [LabelKind, RegExp]> = [
  // A till's abbreviation standing alone as the label: "TL 297.00" (its subtotal, "ST", is too often a misread GST).
  ['total', /^\W*tl\W*$/],
  // The bill's total by its American name ("Check Total", "Chk Total"), not a payment by cheque.
  ['total', /\b(?:check|chk) total\b/],
  // A service charge by its abbreviation alone ("SC 4.27", "S/C 10%", "10% SVC"), and glued ("10%SvcChg").
  ['tip', /^\W*(?:\d+(?:\.\d+)?\s*%\s*)?(?:sc|s\/c|svc)\W*(?:\d+(?:\.\d+)?\s*%)?\W*$|svc\.? ?chg/],
  // The amount tax is charged on ("GST TAXABLE 152.00", "Total Taxable"), neither the tax nor the total.
  ['ignore', /\b(?:non-?)?taxable\b/],
  // The tax that is payable ("GST Payable: 1.76"), not the amount payable.
  ['tax', /\b(?:gst|vat|tax|sst)\s*payable\b/],
  // What the items come to, before discounts and tax ("Item Total", "Sold Items Total", "Original Total" above the saving,
  // "SUB_TOTITM=8"); a total before the items is their count.
  ['subtotal', /\b(?:items? ?total|original total|regular total)\b|\bsub[_.]tot/],
  ['ignore', /\b(?:posten|qtys?|quantity|items?|item\(s\)|articles?|artikel|anzahl|stuck|pcs|points?|pts|punkte|loyalty|bonus|saved|savings?|you save|ersparnis|economie|no\. of|nbr|count|tickets?)\b/],
  ['change', /\b(?:change|chnage|riickgeld|zuriick|(?<!(?:serv|svc|srv|service)\W{0,2})chg|ruckgeld|rueckgeld|wechselgeld|zuruck|rendu|rendue|monnaie|a rendre|cambio|vuelto|devolucion|resto|wisselgeld|terug|vaxel|veksel|byttepenge|reszta|retur|troco|atlikums|izdots|tagasi)\b|お釣り|お釣|おつり|找零|找赎|거스름돈|сдача|решта|ρεστα|עודף|เงินทอน|الباقي/],
  ['grand', /\b(?:total|tot|ttl)\b \W?(?:w\/|with|incl\.?|including) ?(?:tip|tips|gratuity|grat)\b|\b(?:total|tot|ttl|amount|amt|summe|betrag)\b.*\b(?:incl\w*|inclu\w*|including|ncl\w*|inkl\w*|ttc|after (?:round\w*|adj\w*|rnd|disc\w*))|\b(?:incl\w*|inclu\w*|inkl\w*)\b.*\b(?:total|tot|ttl)\b|\b(?:grand total|due|amount to be paid|to be paid|total due|amount due|balance due|amt due|due amount|total to pay|to pay|payable|total payable|total amount payable|total inc|total incl|total ttc|ttc|net a payer|a payer|montant du|zu zahlen|zahlbetrag|gesamtbetrag|endbetrag|rechnungsbetrag|bruttobetrag|summe brutto|total a pagar|a pagar|importe total|total factura|totale complessivo|totale da pagare|da pagare|totale euro|te betalen|totaal te betalen|att betala|a betale|at betale|apmaksai|samaksai|do zaplaty|k uhrade|fizetendo|toplam tutar|pay amount|payamount|nett total|net total|total nett|total net)\b|\bround(?:ed|d)?\b.*\b(?:total|tot|amt|amount)\b|\b(?:total|tot|amt|amount)\b.*\bround(?:ed|d)?\b|к оплате|до сплати|πληρωτεο|לתשלום|ยอดชำระ|المبلغ المستحق/],
  ['subtotal', /\b(?:bez (?:pvn|pvm)|ohne (?:mwst|ust)|sub ?-?totals?|s\/total|subtot|zwischensumme|zwischensum|sous[- ]?total|subtotale|subtotaal|subtotal|total excl|excl\.? (?:tax|vat|gst)|exclusive|excluding|before (?:tax|vat|gst)|pre-?tax|netto|nettobetrag|net amount|net amt|total ht|montant ht|ht|base imponible|imponibile|total sales \(ex)\b|\bexcl\w*|\bexclu\w*|小計|小计|소계|подытог|промежуточный итог|μερικο συνολο/],
  // "Round" is a rounding only alone: an item may be round ("ROUND STEAK").
  ['rounding', /\b(?:rounding|round adj|round off|rounded off|rundung|arrondi|redondeo|arrotondamento|afronding|avrundning|oresavrundning|adj)\b|^\W*round\W*$/],
  ['discount', /\b(?:discount|disc|atlaide|atlaides|rabatt|nachlass|remise|reduction|descuento|dto|sconto|korting|coupon|promo|voucher|off)\b|скидка|знижка|εκπτωση|הנחה|ส่วนลด|خصم/],
  ['tip', /\b(?:tip|tips|gratuity|grat|optional service|discretionary service|service charge|serv(?:ice)?\.? ?charge|serv(?:ice)?\.? chg|svc\.? chg|srv\.? chg|trinkgeld|pourboire|propina|mancia|fooi|dricks|drikkepenger)\b/],
  ['tax', /\bsales tx\b|\b(?:tax|taxes|vat|gst|hst|pst|qst|sst|mwst|mw st|ust|umsatzsteuer|mehrwertsteuer|tva|iva|igv|btw|moms|mva|alv|dph|ptu|pvn|afa|kdv|ppn|impuesto|imposta|steuer)\b|消費税|税額|内税|外税|税金|부가세|ндс|пдв|φπα|מע"מ|ภาษี|ضريبة/],
  ['tendered', /\b(?:cash|tendered|tender|paid|payment|pay|received|given|gegeben|bar|bargeld|gezahlt|especes|espece|cb|carte|efectivo|tarjeta|contanti|contant|pin|pinnen|kontant|kort|card|visa|mastercard|master|amex|american express|debit|credit|eftpos|girocard|ec|maestro|dinheiro|gotowka|hotovost|kontanter|pagamento|paiement|bezahlt|pagado|entregado|contactless|apple pay|google pay|card payment|accepted|kartenzahlung|karte|geg|gegeben|tend|cheque|check|voucher|kreditkarte|discover|pymt|samaksats|samaksat|skaidra nauda|nauda|sanemts)\b|お預り|お預かり|預り金|现金|現金|받은금액|наличн|безналичн|готівка|μετρητα|καρτα|מזומן|אשראי|เงินสด|نقدا/],
  ['total', /\b(?:\w*summe|gesamt\w*|total|totals|balance|saldo|gross|brutto|tot|ttl|totale|totaal|totalt|summe|summa|suma|sum|gesamt|somme|montant|importe|betrag|amount|amt|yhteensa|razem|celkem|osszesen|toplam|jumlah|ukupno|kopa|kopsumma|kokku|i alt)\b|合計|合计|総計|总计|總計|お会計|합계|итого|всего|сумма|разом|всього|συνολο|סה"כ|סך הכל|ยอดรวม|รวม|المجموع|الإجمالي|الاجمالي/],
];

/** Classifies a row by its label; the label is the row's text without its amounts. */
export function classifyLabel(norm: string): LabelKind {
  // OCR reads O as 0 and l as 1 inside words ("T0TAL", "SUBTOTA1", "Zu zah1en"), and the G of GST as a 6 or a B.
  const gstMended = /\b[6b]st\b/.test(norm) ? norm.replace(/\b[6b]st\b/g, 'gst') : norm;
  const digitsMended = /[a-z][01]|[01][a-z]/.test(gstMended) ? gstMended.replace(/(?<=[a-z])0|0(?=[a-z])/g, 'o').replace(/(?<=[a-z])1(?![0-9])/g, 'l') : gstMended;
  // "Tota] (Inclusive of GST)", "Total (inc! Tax)": a closing l read as a sign. "Sunne", "Arnount": an m read as nn or rn.
  // "Suk-Total 57.00": the sub of a subtotal misread by one letter is no plain total.
  const label = (/rn|nn/.test(digitsMended) ? digitsMended.replace(/\b[a-z]{5,7}\b/g, mendM) : digitsMended).replace(/\b(tota|inc)[!|)\]](?![a-z])/g, '$1l').replace(/\b[a-z]{3}(?=[- ]?total)/g, (word) => (word !== 'sub' && word !== 'sum' && isOneEditAway(word, 'sub') ? 'sub' : word));
  // "Tatal Sales (Inclusive of GST)", "Anount Incl. GST": a total or an amount misread by one letter, with words that say
  // which total, before "GST" makes the row a tax line.
  const misread = label.replace(/\b[a-z]{4,7}\b/g, (word) =>
    !REAL_WORDS_NEAR_TOTAL.has(word) && isMisreadTotal(word) ? 'total' : word.length >= 5 && word !== 'account' && isOneEditAway(word, 'amount') ? 'amount' : word,
  );
  if (misread !== label) {
    const named = matchRules(misread);
    if (named !== 'none' && named !== 'total') return named;
  }
  const kind = matchRules(label);
  if (kind !== 'none') return kind;
  // Words OCR glues ("TOTALDUE", "NetAmount", "53AMTOTAL", "SALESTAX") read apart; "subtotal" stays one word.
  const apart = label.replace(/(?<=[a-z]{3})(tax|vat|gst)(?![a-z])/g, ' $1').replace(/(?<![a-z])(total|totale|grand|amount|amt|net)(?=total|due|sales|amount|amt|payable|incl|ttc|rm|usd|eur)/g, '$1 ').replace(/(?<=[a-z])(?<!sub)(total|amount)(?![a-z])/g, ' $1');
  if (apart !== label) {
    const glued = matchRules(apart);
    if (glued !== 'none') return glued;
  }
  if (!/\s/.test(label.trim()) && label.length >= 8) {
    // A whole label glued into one word ("CASHTENDERED", "GROSSAMT", "TOTALEEURO"): its words read apart.
    // Only when the keywords make up the label, beside three letters at most ("CASHMERE" is no cash).
    const split = label.replace(GLUED_WORDS, '').replace(/[^a-z]/g, '').length <= 3 ? matchRules(label.replace(GLUED_WORDS, ' $1 ')) : 'none';
    if (split !== 'none') return split;
    // "TOTALAPAGAREUROS", "TotalBill", "UKUPNOkn": a total word first, and nothing after it that names another part.
    const rest = /^(?:total|totale|summe|summa|ukupno|kopa)([a-z]{2,})\W*$/.exec(label)?.[1];
    // A second total word after it ("TOTALIMPORTE") is the same total.
    const restKind = rest === undefined ? undefined : matchRules(rest);
    if (rest !== undefined && (restKind === 'none' || restKind === 'total') && !/item|qty|number|count|point|sav|disc|tax|sold/.test(rest)) return 'total';
  }
  return classifyMisread(label);
}

/** Words one letter from "total" that are words of their own. */
const REAL_WORDS_NEAR_TOTAL = new Set(['totals', 'totale', 'totaal', 'totalt', 'tonal']);

const GLUED_WORDS = /(grand|gross|totale?|amount|cash|tendered|change|payable|euros?|ttc|rounding|adj(?:ust(?:ment)?)?)/g;

function matchRules(label: string): LabelKind {
  for (const [kind, pattern] of RULES) {
    if (pattern.test(label)) return kind;
  }
  return 'none';
}

/** Labels OCR often breaks: letters spaced out ("T O T A L", "TOTA L"), one misread ("TOTAI", "SUBT0TAI", "Zu zshlen") or a stray mark between ("zu ‘zahlen"). */
const MISREAD_LABELS: ReadonlyArray<readonly [string, LabelKind]> = [
  ['total', 'total'],
  ['subtotal', 'subtotal'],
  ['grandtotal', 'grand'],
  ['totaldue', 'grand'],
  ['amountdue', 'grand'],
  ['balancedue', 'grand'],
  ['summe', 'total'],
  ['gesamt', 'total'],
  ['zuzahlen', 'grand'],
  ['zahlbetrag', 'grand'],
  ['endbetrag', 'grand'],
  ['apmaksai', 'grand'],
  ['change', 'change'],
  ['zuruck', 'change'],
  ['ruckgeld', 'change'],
  ['wechselgeld', 'change'],
  ['gegeben', 'tendered'],
  ['atlikums', 'change'],
  ['izdots', 'change'],
  ['gratuity', 'tip'],
];

function classifyMisread(rawLabel: string): LabelKind {
  // A closing l misread as a sign ("Tota)", "TOTA!", "Tota|").
  const label = rawLabel.replace(/(?<=[a-z]{3})[!|)\]](?![a-z])/g, 'l');
  const letters = label.replace(/[^a-z]/g, '');
  if (letters.length < 5) return 'none';
  const whole = letters.length > 12 ? undefined : MISREAD_LABELS.find(([word]) => isOneEditAway(letters, word))?.[1];
  if (whole !== undefined) return whole;
  // One misread word among others ("jotal Sales", "Tota! Due"): the label is a total only when no word names something else.
  const words = label.split(/[^a-z!|]+/).filter((word) => word.length >= 3);
  const last = words[words.length - 1] ?? '';
  // "Fol Art Feyable": "payable" with two letters misread ends the label (not "taxable").
  if (last.length === 7 && last !== 'taxable' && countSubstitutions(last, 'payable') <= 2) return 'grand';
  // "igtal Gales": two letters of "total" misread, with a word after it that a total has, misread by one letter at most.
  if (words.length === 2 && countSubstitutions(words[0] ?? '', 'total') <= 2 && LONG_NEIGHBOURS.some((word) => isOneEditAway(last, word))) return 'total';
  // "SUNME EUR", "Gesant": a German total with one letter misread, alone or beside its currency.
  const misreadSumme = (word: string): boolean => GERMAN_TOTALS.some((total) => countSubstitutions(word, total) === 1);
  if (words.some(misreadSumme) && words.every((word) => misreadSumme(word) || CURRENCY_WORDS.has(word))) return 'total';
  if (!words.some(isMisreadTotal)) return 'none';
  // The misread word put right, the other words say which total: "Tatal Sales (Inclusive of GST)" and "Potal Rounded"
  // are the grand total, "Totai GST" the tax, "Tatal Items" a count.
  const mended = matchRules(label.replace(/[a-z!|]+/g, (word) => (word.length >= 3 && isMisreadTotal(word) ? 'total' : word)));
  if (mended !== 'none' && mended !== 'total') return mended;
  // A plain total needs the words beside it to be ones a total has ("Tatal: kee en" is a tax table's junk), or, when it
  // ends the label, short words before it that OCR garbled ("Kel Jota!").
  const garbledBefore = isMisreadTotal(last) && words.slice(0, -1).every((word) => word.length <= 3);
  return garbledBefore || words.every((word) => isMisreadTotal(word) || TOTAL_NEIGHBOURS.has(word)) ? 'total' : 'none';
}

/** Words a total has, long enough that one misread letter still names them ("Gales"). */
const LONG_NEIGHBOURS = ['sales', 'amount', 'payable', 'rounded', 'inclusive', 'including'];

const GERMAN_TOTALS = ['summe', 'gesamt'];
const CURRENCY_WORDS = new Set(['eur', 'euro', 'chf']);

/** Words that may stand beside a misread "total" without changing what it names. */
const TOTAL_NEIGHBOURS = new Set(['sales', 'amount', 'due', 'rounded', 'after', 'rounding', 'incl', 'including', 'inclusive', 'price', 'bill', 'payable']);
