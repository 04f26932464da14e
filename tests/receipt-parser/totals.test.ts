import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { SURE_CONFIDENCE } from '../../utils/receipt';
import { pageFromText } from './pages';

const read = (body: string) => parseReceipt(pageFromText(`SHOP\n${body}`), { today: new Date(2025, 11, 1) });
const sureTotal = (body: string) => {
  const { total, confidence } = read(body);
  return { total, sure: confidence.total >= SURE_CONFIDENCE };
};

describe('total', () => {
  it.each([
    ['the grand total, not the subtotal or tax', 'Subtotal 10.00\nTax 0.80\nGrand Total 10.80', '10.80'],
    ['amount due after a tip', 'Subtotal 35.00\nTax 3.10\nAmount Due 38.10\nTip 7.00\nTotal 45.10', '45.10'],
    ['balance due', 'Items 3\nBalance Due 12.00\nVISA 12.00', '12.00'],
    ['a whole-number total on a total row', 'Pizza 60.00\nBeer 44.00\nTotal: 104', '104.00'],
    ['what is due, its label read a row below its amount', 'Lather 11.00\nSteak 128.00\n139. 05\nDue\nThank you for dining with us\n516. 30 f', '139.05'],
    ['cash − change and the parts (a rounding OCR lost the minus of) over a total OCR cut short', 'Carnitas Bowl 8.27\nGuacamole 2.07\nSubtotal 10.34\nTax 0,92\nRound 0.01\nTAKE OUT Total 25\nCash 20.00\nChange 8.75', '11.25'],
    ['a total whose decimal comma OCR dropped, shown by cash − change', 'Brot 2,49 A\nZu zahlen EUR 4544\nBar 50,00\nZurück 4,56', '45.44'],
    ['a whole-number total whose decimal point OCR dropped, shown by the subtotal', 'SUB TOTAL 10.00\nGRAND TOTAL 1000\nCASH 20.00', '10.00'],
    ['a one-decimal grand total', 'SubTotal 339.00\nGst5% 16.95\nGrandTotal 356.0', '356.00'],
    ['the items total less the discount, as paid', 'Item Total £151.95\nDiscount £15.00\nTotal £136.5\nTotal Paid £136.95', '136.95'],
    ['the total, not the original total above the saving', 'Blue 36 19.95\nOriginal Total $29,195.00\nYOU SAVE- $29,175.05\nTOTAL $19.95', '19.95'],
    ['the sum of subtotal and taxes that was handed over', 'SUB_TOTITM=8 Q=10.00 885.00\nVAT @12.50% ON 885.00 110.63\nSRV.TAX @4.90% ON 885.00 43.37\nCASH 1039.00', '1039.00'],
    ['garbled total labels of a photo', 'Tea 4.00\nCake 6.00\nigtal Gales 10.00\nFol Art Feyable 10.00', '10.00'],
    ['a total in dollars whose decimal point OCR dropped, shown by subtotal + tax', 'SUB-TOTAL: $26.00\nGST(5%): $1.30\nTOTAL DUE: $2730', '27.30'],
    ['a card slip\'s amount whose decimal comma OCR dropped, under the total it repeats', 'Brot 2,49\nKäse 22,55\nGesamtbetrag 25,04\nNetto 7% 23,40\nKartenzahlung kontaktlos\nBetrag EUR 2504', '25.04'],
    ['cash − change when OCR read the total\'s comma as a colon, in Latvian', 'Kafija Latte 4,38\nSendvičs ar vistu 3,19\nKOPĀ 7:57\nNauda 8,50\nAtlikums EUR 0,93', '7.57'],
    ['a total in dollars without cents that nothing else shows to be cents', 'Room 2 nights\nTOTAL DUE: $2730', '2730'],
    ['a total in money over a whole number on a total row', 'TOTAL 12.50\nTotal items: 3\nTotal 2', '12.50'],
    ['never a closing balance of points', 'TOTAL 41.45\nCLOSING BALANCE 2307', '41.45'],
    ['never the cash tendered or the change', 'TOTAL 11.55\nCASH 20.00\nCHANGE 8.45', '11.55'],
    ['cash minus change settles two totals', 'TOTAL 9.03\nTOTAL 9.00\nCASH 10.00\nCHANGE 1.00', '9.00'],
    ['subtotal plus tax settles two totals', 'Subtotal 20.00\nTotal 3.20\nVAT 3.20\nTotal 23.20', '23.20'],
    ['the total after rounding', 'TOTAL 33.92\nROUNDING ADJUSTMENT -0.02\nTOTAL ROUNDED 33.90\nCASH 50.00\nCHANGE 16.10', '33.90'],
    ['a rounding row that prints the rounded total', 'TOTAL 19.99\nROUNDING ADJ 0.01\nROUNDING 20.00\nCASH 20.00\nCHANGE 0.00', '20.00'],
    ['a subtotal repeated a few cents off, when OCR lost the rounding row between', 'WS BABY WIPES 7.90\nPUP LESS 30% 2.37\nSUBTOTAL (QTY 4) RM41.43\nSUBTOTAL (QTY = 4) RY41.45\nCHANGE CASH RN10,05', '41.45'],
    ['the total its label calls rounded, when OCR lost the adjustment\'s label', 'TOTAL INCL. GST RM 8.11\nFOUNDING ADJUSTMENT ~RM 0.01\nPOTAL ROUNDED RM 8.10', '8.10'],
    ['the total after rounding, as its label says', 'TOTAL 45.34\nTOTAL AFTER ROUNDING 45.35', '45.35'],
    ['not a tax line that names the total', 'DUE 25.15\nCASH 25.15\n(TOTAL INCLUDED GST @ 6% : 1.42)', '25.15'],
    ['not a tax table printed after the change', 'TOTAL 112.45\nCASH 112.45\nCHANGE 0.00\nTAX SUMMARY\nTOTAL 106.10 6.37', '112.45'],
    ['not loyalty points or item counts', 'TOTAL QTY: 9 327.00\nTOTAL 327.00\nPOINTS 327.00', '327.00'],
    ['the amount on the row below a lone label', 'TOTAL\n32.70\nCASH 40.00', '32.70'],
    ['the label cell nearest the amount', 'QTY : 1\tTOTAL RM :\t11.60\nCASH 12.00\nCHANGE 0.40', '11.60'],
    ['a total with its currency after it', 'SUMME EUR 12,50\nGegeben 20,00\nRückgeld 7,50\nMwSt 19% 2,00', '12.50'],
    ['a total in thousands', 'Gesamtbetrag 1.648,00 EUR', '1648.00'],
    ['cash minus change without a total label', 'CASH 20.00\nCHANGE 8.45', '11.55'],
    ['not the first item under a column heading', 'DESCRIPTION  PRICE  TOTAL\nCoffee  3.00\nCake  4.50\nTOTAL  7.50', '7.50'],
    ['the largest amount with a currency when nothing is labelled', 'Coffee  $3.00\nCake  $4.50\nThanks\n$7.50\nSee you', '7.50'],
    ['the largest whole amount with a currency, where nothing is written with cents', 'Ramen  ¥900\nGyoza  ¥300\nThanks\n¥1,200\nSee you', '1200'],
    ['a subtotal the cash paid confirms', 'Subtotal RM20.40\nCASH RM20.40', '20.40'],
    ['subtotal plus tax without a total label', 'Subtotal 10.00\nVAT 2.00\nVISA ****1234', '12.00'],
    ['a net amount after the grand total and its round-off', 'Sub Total 410.00\nCGST 2.5% 10.25\nSGST 2.5% 10.25\nGrand Total 430.50\nRound Off -0.50\nNet Amount 430.00', '430.00'],
    ['a refund\'s negative total', 'REFUND\nSHIRT -12.50\nTOTAL -12.50\nVISA CREDIT -12.50', '-12.50'],
    ['a sale\'s total, not a negative line', 'RETURN -5.00\nTOTAL -5.00\nTOTAL 7.50\nCASH 7.50', '7.50'],
    ['a total OCR misread', 'SUBTOTAL 10.00\nTOTAI 10.80\nVISA 10.80', '10.80'],
    ['not a net amount before the tax', 'Net Amount 100.00\nVAT 20% 20.00\nTotal 120.00\nCard 120.00', '120.00'],
    ['a rounded total OCR misread by one digit, the subtotal backing the other', 'Subtotal : 102.00\nTotal incl. of GST 102.00\nTotal Amt Rounded 702.00\nPayment : 02.00', '102.00'],
    ['a grand total misread by one digit, what was paid and the subtotal less the coupon agreeing', 'Suk-Total 57.00\nCoupon Discount : 17.40\nGrand Total : 38.60\nPayment : 40.00\nChange Due - 00.40', '39.60'],
    ['a total after its rounding, one digit apart from the one before', 'SUB-TOTAL 88.97\nTOTAL SALES INCL GST 88.97\nROUNDING ADJ -0.02\nTOTAL AFTER ADJ INCL GST 88.95\nCASH 100.00', '88.95'],
    ['a rounded total whose minus sign OCR dropped', 'Total (Inclusive of GST): 112,36\nRounding Adj: ~0.01\nTOTAL: 112.35\nCASH : 112.35', '112.35'],
    ['cash − change and subtotal + tax agreeing over a misread total', 'Total 30.91\nROUNDING ADJUSTMENT RM 0.01\nTOTAL ROUNDED RM 30.890\nCASH RM 51.00\nCHANGE RM 20.10', '30.90'],
    ['what was paid over a lone total of a tax table after the change', 'Total Sales (Excluding GST) 566.60\nCASH : 599.45\nChange : 0.00\nTax Code % Amt (RM)\nTatal: 77.93', '599.45'],
    ['a total whose closing l OCR read as a bracket, beside GST', 'Total (Excluding GST): 26.60\nGST Payable: 1.76\nTota] (Inclusive of GST): 31.02\nCASH : 40.00\nCHANGE 8.98', '31.02'],
    ['a misread total word beside words that name the grand total', 'Total Sales (Excluding GST) 31.03\nTotal GST 1.65\nTatal Sales (Inclusive of GST) 32.70\nCASH : 40,09\nChange 7.30', '32.70'],
    ['a 5 OCR read as §', 'SUB-TOTAL (EX) : 52.00\nTOTAL TAX : 3.12\nROUNDING : -0.02\nTOTAL §5.10\nCASH 55.10\nCHANGE 0.00', '55.10'],
    ['a glued pay amount', 'ItemTotal: 1,360.00\nTax7%: 95.20\nPayAmount: 1,455.20', '1455.20'],
    ['an Estonian total with its change', 'KOKKU: 63.00\nEEK 100.00\nTagasi: 37.00', '63.00'],
    ['a total with Eur glued before it', 'Netto(1) Eur129,75\n+19,0%MwSt: 24,65\nSumme: Eur154,40', '154.40'],
    ['what a card paid when no total is printed', 'YOGURT 5.05\nVISA 5.74\nSUBTOTAL 5.05', '5.74'],
    ['labels and amounts read a row apart, amounts above', 'Order 299087\n8.68\nSubTotal 0.61\nTAX 9.29\nTotal\n10.00\nCash 0.71', '9.29'],
    ['labels and amounts read a row apart, amounts below', 'PAD THAI 7.95\nSUBTOTAL\nTAX 159.55\nTOTALDUE 12.92\n172.47', '172.47'],
    ['a receipt that came to nothing', 'Pre-order Xbox Exempt $0.00\nSub-Total $0.00\nTax $0.00\nTotal $0.00', '0.00'],
    ['what was printed, not a balance due of nothing after the payment', 'Item Total £151.95\nDiscount £15.00\nPaid by card £136.95\nTotal Due £0.00', '136.95'],
    ['a glued sales tax, with labels and amounts a row apart', 'Hotate 3.50\nSunomono 79.50\nSubtotal 6.76\nSALESTAX 86.26\nTotal', '86.26'],
    ['a net amount under the gross amount and its tax', 'SMOOTHING 5500.00\nGrossAmount: 5500.00\nSerTAX15%: 825.00\nNetAmount: 6325.00', '6325.00'],
    ['a total glued to its amount', 'COFFEE 2.00\nSubTotal 2.00\nSERVICECHARGE 0.44\nTaxes 0.23\nPlease pay this amount\nTotal2.67', '2.67'],
    ['what cash − change and the subtotal agree on, a 0 of the change read as D', 'SUB-TOTAL (GST) 12,15\nTOTAL 4Z, 15\nCASH 50.15\nCHANGE 38. 0D\nCODE AMOUNT % TAX/AMT\nTAX TOTAL: 9.69', '12.15'],
    ['an amount misread by one letter beside words that name the grand total, and cash accepted', 'Anount Incl. GST 5.00 RM\nAccepted total 10.00 RM\nChange 5.00 RM', '5.00'],
    ['a total no rounding would change, over a rounded total one digit from it', 'Total © 9.00\nRound d Total (RM): 9.60\nCash TN 00', '9.00'],
    ['a later total one digit from an earlier one that rounding would change stays', 'TOTAL 10.02\nTOTAL 16.02', '16.02'],
    ['subtotal, service charge and tax added up, with no total row', 'Ramen 15.90\nRamen 13.90\nSUBTOTAL 29.80\nSC 2.98\nGST 2.29', '35.07'],
    ['a total whose closing l OCR read as a 1', 'Coffee 3.00\nTota1  69.37', '69.37'],
    ['cash to the cent with no change given and no total row', 'Caprese 7,30\nPinot Grigio 3,69\nBar € 32,60', '32.60'],
    ['cash to the cent under a merchandise subtotal and its tax', 'MDSE ST $25.98\nTAX1 $2.14\nCASH $28.12', '28.12'],
    ['a total whose decimal point OCR read as a space, no currency printed', 'BROCCOLI 4.29\nxxx TOTAL\t8 51\n8.51 EFT DEBIT', '8.51'],
    ['a total written without its point that the items add up to, over a misread one in money', 'Beef Chow Mein 33.00\nVegetable Chow Mein 29.00\nCrispy Beef 45.00\nOolong Tea 10.00\nAmount 117 00\nTotal (AED)\n1 $100', '117.00'],
    ['what cash − change and the items agree on, over a total one digit from it', 'Oolong Tea 5.00\nBeef Chow Mein 33.00\nVegetable Chow Mein 29.00\nTotal 77.00\nCash 100.00\nChange 33.00', '67.00'],
    ['the items and the tax over a total one digit from them, the subtotal misread', 'Burger $10.00\nOnion Rings $2.95\nTurkey $7.50\nDrink $1.99\nsubtotal 922.44\nTax $1.84\nTotal $74.28', '24.28'],
    ['a total the items make, its tax included in their prices', 'SALADE 5.00\nCEVICHE 36.00\nVERRE 6.00\nSODA 3.00\nTOTAL EURO 50.00\nTVA 20% 1.00\nTVA 10% 4.00', '50.00'],
    ['the total under a net total, which is before tax', 'Scottish Ale $5.14\nFried Okra $3.10\nNet Total: $98.88\nTx 20\nTOTAL: $41.00\nAmount Due: $41.00', '41.00'],
    ['a net total with no total under it', 'Chicken Rice 8.20\nNETT TOTAL: $8.20\nCASH $10.00\nCHANGE $1.80', '8.20'],
    ['what a row says was paid, with no total row and no change', 'PLAZA: Benicia-Martinez Bridge\nLANE 6\nTOLL PAID: ¢ 5.00\nPAYMENT METHOD: Cash', '5.00'],
    ['the sum of the parts over a total one digit from it that nothing backs', 'Subtotal 100.00\nTax 18.07\nTotal 118.00', '118.07'],
    ['a total a few cents from the sum of its parts, as tills round', 'Subtotal 324.48\nTax 19.49\nTotal 343.95', '343.95'],
    ['the sum of a column of parts whose labels OCR lost', 'SUBTOTAL $16.80\n10% SVC CHG $1.68\nST $1.29\nots ee $19.77', '19.77'],
    ['a total OCR wrote with a dot on a receipt that writes its cents after a comma', 'Brot 2,49\nKäse 3,99\nMilch 1,19\nWurst 7,85\nzu zahlen 15.52\nMwSt 7% 1,02', '15.52'],
    ['a decimal point OCR read as a space after the currency', 'Sub Total RM8.60\nTotal Sales Incl GST@6% RM 8 60\nCash 9.00\nChange 0.40', '8.60'],
  ])('%s', (_name, body, total) => {
    expect(read(body).total).toBe(total);
  });

  it.each([
    ['cash tendered alone', 'CASH $20.00'],
    ['cash paid alone, a note whose change may be lost', 'CASH PAID 20.00'],
    ['tax and change alone', 'VAT £1.20\nCHANGE £0.80'],
  ])('gives no total for %s', (_name, body) => {
    expect(read(body).total).toBeNull();
  });

  it.each([
    ['an amount alone, its label lost', 'PIN NO: POS1389409L\n1360.00\nPRI BUSTNE', '1360.00'],
    ['a total whose label is garbled, under its items', 'WHITE RICE\tvioo\nSEAFOOD\t13.50\nRoOTAL _\t20.00\nfoal\nLCT. GST 1k', '20.00'],
    ['item prices without any currency', 'Coffee 3.00\nCake 4.50', '4.50'],
    ['a note handed over whose change was lost, never the note', 'Coffee 3.00\nCake 4.50\nCASH 50.00', '4.50'],
    ['never a whole price in an item\'s name', 'Taps\n1 $2.5 PBR 2.50\n1 $4 Stella 4.00\nHouse Burger 16.00\nRcvd 22.50', '22.50'],
    ['never a misread mark beside a count', 'Ana Sopa 6.65\n1 Ft\nThank you 85.12', '85.12'],
    // money without cents, written in thousands; not a phone number or a code
    ['an amount in thousands on a receipt without cents', 'Pekanbaru, Indonesia\nphone 25599\nont 45,801\nches 43,801\n111,569\n& a n7)\n134,999\nBILL 2015598', '134999'],
  ])('guesses the largest amount in money, to check, when nothing names a total: %s', (_name, body, total) => {
    const parsed = read(body);
    expect({ total: parsed.total, confidence: parsed.confidence.total }).toEqual({ total, confidence: 0.2 });
  });

  it.each([
    ['a subtotal alone', 'Subtotal $10.00', '10.00'],
    ['a saving below the items total', 'Juice 2.95\n5,50 - 55% Discount. Saving £3.00\nSold Items Total 13.40', '13.40'],
    ['a subtotal the items add up to', 'Coffee 3.00\nCake 4.50\nSUBTOTAL 7.50', '7.50'],
    ['a subtotal with a tax of nothing and its taxable amount', '4x 38.00 RM152.00\nSUBTOTAL RM152.00\nGST TAXABLE RM152.00\nGST 0% RM0.00', '152.00'],
    ['of two subtotals, the one the items add up to', 'MANGO CHICKEN 249.00\nPALAK CHICKEN 219.00\nGARLIC NAN 55.00\nPUNJABI RAITA 39.00\nBEER 99.00\nSUBTOTAL 661.00\nNetto 25% 628.80', '661.00'],
    ['a subtotal with a tax the amounts include', '2 TAU SAR PNEAH @12.50 25.00\n2 SubTotal 25.00\nSR:inclusive of GST @6% 23.58 1.42', '25.00'],
  ])('takes a lone subtotal with nothing to add as the total to check: %s', (_name, body, total) => {
    const parsed = read(body);
    expect({ total: parsed.total, check: parsed.confidence.total < 0.5 }).toEqual({ total, check: true });
  });

  it('adds a tax to a lone subtotal when nothing says the amounts include it, as a total to check', () => {
    const parsed = read('2 TAU SAR PNEAH @12.50 25.00\n2 SubTotal 25.00\nGST @6% 1.50');
    expect({ total: parsed.total, check: parsed.confidence.total < 0.5 }).toEqual({ total: '26.50', check: true });
  });

  it.each([
    ['a tax line, even one too large to add', 'Subtotal $10.00\nTax $6.00'],
    ['a tip line', 'Subtotal $10.00\nTip $2.00\nVISA'],
    ['a discount', 'Subtotal $10.00\nDiscount $1.00'],
    ['two subtotals that disagree', 'Subtotal $10.00\nSubtotal $12.00'],
  ])('takes no lone subtotal as the total with %s', (_name, body) => {
    expect(read(body).total).not.toBe('10.00');
  });

  it.each([
    ['Subtota1 63.35\nTAX1 $6.02\nTota1 69.37', { subtotal: '63.35', tax: '6.02', tip: null, total: '69.37' }],
    ['Subtotal 35.00\nTax 3.10\nTip 7.00\nTotal $45.10', { subtotal: '35.00', tax: '3.10', tip: '7.00', total: '45.10' }],
    ['TOTAL HT 19,50\nTVA 20% 3,90\nTOTAL TTC 23,40 €', { subtotal: '19.50', tax: '3.90', tip: null, total: '23.40' }],
    ['Zwischensumme 10,00\nMwSt 7% 0,70\nMwSt 19% 1,90\nSumme 12,60', { subtotal: '10.00', tax: '2.60', tip: null, total: '12.60' }],
    ['Summe 33,20\nTrinkgeld 3,00\nGesamt 36,20\nBar 40,00\nRückgeld 3,80', { subtotal: '33.20', tax: null, tip: '3.00', total: '36.20' }],
    ['TOTAL TTC 121,00 €\ndont TVA 10% 9,18\ndont TVA 20% 7,00', { subtotal: null, tax: '16.18', tip: null, total: '121.00' }],
    ['Sub Total £30.35\nOptional Service 10% £3.04\nAMOUNT DUE £33.39', { subtotal: '30.35', tax: null, tip: '3.04', total: '33.39' }],
    ['Total (Excluding GST): 26.60\nGST Payable: 1.60\nTotal (Inclusive of GST): 28.20', { subtotal: '26.60', tax: '1.60', tip: null, total: '28.20' }],
    ['Total (Excluding GST): 26.60\nServ. Charge (10%): 2.66\nGST Payable: 1.76\nTotal (Inclusive of GST): 31.02', { subtotal: '26.60', tax: '1.76', tip: '2.66', total: '31.02' }],
  ])('reads subtotal, tax and tip of %j', (body, expected) => {
    const { subtotal, tax, tip, total } = read(body);
    expect({ subtotal, tax, tip, total }).toEqual(expected);
  });

  it.each([
    // the tip read, the total written beside it unreadable: the two together, to check
    ['a tip written on the slip, its total unread', 'Subtotal $110.96\nTN Tax $10.26\nAmount Due $121.22\nVISA $121.22\nTip: 24.00\nTotal: 5 LL a alee\nI agree to pay above total amount', '145.22', 0.6],
    // a tip suggested under the total, with no total to write, adds nothing
    ['tips suggested under the total', 'Subtotal 40.00\nTax 3.00\nTotal 43.00\nVisa 43.00\nSuggested Tip 18% 7.74', '43.00', 1],
  ])('reads %s', (_name, body, total, confidence) => {
    const parsed = read(body);
    expect({ total: parsed.total, confidence: parsed.confidence.total }).toEqual({ total, confidence });
  });

  it.each([
    ['the cash handed over', 'TOTAL 33.00\nCash Amount : 33.00'],
    ['the card paying it', 'Subtotal 1.09\nTax 0.11\nTotal 1.25\nVisa 1.25'],
    ['a Discover card paying it', 'Lasagna Classico 19.49\nTotal 19.49\nDISCOVER Sale 19.49'],
  ])('is sure of a total %s backs', (_why, body) => {
    expect(read(body).confidence.total).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
  });

  it.each([
    ['a German total and change OCR misread', 'SUNME EUR 2,64\nGeg. Bar 5,00\nRiickgeld 2,36', '2.64'],
    ['a Latvian total, cash paid and change', 'Kopā bez PVN 1,55\nPVN 21% 0,33\nKopā 1,88\nSamaksāts skaidrā naudā 5,00\nAtlikums 3,12', '1.88'],
    ['an American check total paid by card', 'Check Total $24.50\nVISA $24.50', '24.50'],
    ['a total its taxable amount and the tax at that rate add up to', 'TAX AMT (S) 6% RM 13.30\nGST 6% RM 0.80\nTOTAL RM 14.10', '14.10'],
    ['a subtotal repeated after its rounding, as a Malaysian till prints the total', 'SUBTOTAL (QTY 4) RM41.43\nROUNDING RM0.02\nSUBTOTAL (QTY 4) RM41.45', '41.45'],
  ])('is sure of %s that the receipt backs', (_name, body, total) => {
    expect(sureTotal(body)).toEqual({ total, sure: true });
  });

  it('is sure of a total its items add up to, and of cash − change they add up to', () => {
    expect(sureTotal('Coffee 3.00\nCake 4.50\nTOTAL 7.50')).toEqual({ total: '7.50', sure: true });
    expect(sureTotal('Coffee 3.00\nCake 4.50\nCASH 10.00\nCHANGE 2.50')).toEqual({ total: '7.50', sure: true });
  });

  it.each([
    ['items that add up to something else, which never change the total', 'Coffee 3.00\nCake 4.50\nTOTAL 7.80', '7.80'],
    ['a single item at the same price', 'Coffee 7.50\nTOTAL 7.50', '7.50'],
    ['items adding up to a total printed only as a rounding', 'Tea 5.99\nCake 6.01\nEat-In Total 11.98\nRoundingAdjust 0.02\nRounding 12.00', '12.00'],
  ])('is not sure of a total with %s', (_why, body, total) => {
    expect(sureTotal(body)).toEqual({ total, sure: false });
  });

  it('is not sure of a printed total when a tip was written on the slip that OCR could not read', () => {
    const slip = (tip: string) => `Pasta 17.99\nWine 9.49\nSubtotal 27.48\nTax 2.52\nTotal 30.00\nVISA Sale 30.00\nAmount : $30.00\n${tip}\nTotal: ______\nx\nI agree to pay above total amount`;
    expect(sureTotal(slip('Tip: ______'))).toEqual({ total: '30.00', sure: true });
    expect(sureTotal(slip('Tip: 2p'))).toEqual({ total: '30.00', sure: false });
    expect(sureTotal(slip('GRATUITY yaaa'))).toEqual({ total: '30.00', sure: false });
    // Handwriting larger than the print lands on a row of its own beside the label.
    expect(sureTotal(slip('easels\nTip:'))).toEqual({ total: '30.00', sure: false });
    expect(sureTotal(slip('Tip:'))).toEqual({ total: '30.00', sure: true });
    // "TIP TOP MEATS" over the items is a shop, not a tip.
    expect(sureTotal('TIP TOP MEATS\nSteak 27.48\nTax 2.52\nTotal 30.00\nVISA 30.00')).toEqual({ total: '30.00', sure: true });
  });

  it('is not sure of a lone total nothing backs', () => {
    expect(read('Coffee 3.00\nTOTAL 33.00').confidence.total).toBeLessThan(SURE_CONFIDENCE);
  });

  it('is not sure of a rounded total printed only as a rounding: which of the two is the total is a matter of convention', () => {
    const rounding = read('Eat-In Total (incl Tax) 11.98\nRoundingAdjust 0.02\nRounding 12.00\nCash Tendered 20.00\nChange 8.00');
    expect({ total: rounding.total, sure: rounding.confidence.total >= SURE_CONFIDENCE }).toEqual({ total: '12.00', sure: false });
    const labelled = read('TOTAL 33.92\nROUNDING ADJUSTMENT -0.02\nTOTAL ROUNDED 33.90\nCASH 50.00\nCHANGE 16.10');
    expect({ total: labelled.total, sure: labelled.confidence.total >= SURE_CONFIDENCE }).toEqual({ total: '33.90', sure: true });
  });

  it('says a derived total is a guess', () => {
    const parsed = read('CASH 20.00\nCHANGE 8.45');
    expect(parsed.confidence.total).toBeLessThan(0.6);
  });
});
