import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { pageFromText } from './pages';

const currencyOf = (text: string, defaultCurrency = '', locale = ''): string | null =>
  parseReceipt(pageFromText(`SHOP\n${text}`), { defaultCurrency, locale }).currency;

describe('currency', () => {
  it.each([
    ['TOTAL RM 9.00', 'MYR'],
    ['Total Rp 15.000', 'IDR'],
    ['SUMME EUR 12,50', 'EUR'],
    ['TOTAL TTC 23,40 €', 'EUR'],
    ['TOTAL £7.10', 'GBP'],
    ['Total $45.10', 'USD'],
    ['Total CHF 48.50', 'CHF'],
    ['Razem 48,50 zł', 'PLN'],
    ['Grand Total ₹168.00', 'INR'],
    ['合計 ¥290', 'JPY'],
    ['NET AED105.00', 'AED'],
    ['Celkem 120,00 Kč', 'CZK'],
    ['Att betala 104,80 kr\nMoms 25% 20,96', 'SEK'],
    ['RUT: 76.042.014-K\nTOTAL  $ 2.280', 'CLP'],
    ['CUIT 20-12345678-9\nTOTAL  $ 2.150,00', 'ARS'],
    ['Bogotá D.C.\nTOTAL  $ 17.400', 'COP'],
    ['總計  NT$55', 'TWD'],
    ['Wellington, New Zealand\nEFTPOS  $11.50\nTOTAL  $11.50', 'NZD'],
    ['GST No: 123-456-789\nTOTAL  $11.50', 'NZD'],
    ['Å betale 104,80 kr\nMVA 25% 20,96', 'NOK'],
    ['I alt 104,80 kr\nCVR 12345678', 'DKK'],
    ['Total $45.10\nABN 12 345 678 901\nGST 4.10', 'AUD'],
    ['Total $45.10\nHST 13% 5.19', 'CAD'],
    ['AMOUNT (RM)\nTOTAL 9.00', 'MYR'],
  ])('reads %j as %s', (text, code) => {
    expect(currencyOf(text)).toBe(code);
  });

  it.each([
    ['TOTAL 9.00', 'EUR', 'EUR'],
    ['TOTAL 9.00', '', null],
    ['Total $9.00', 'CAD', 'CAD'],
    ['TOTAL £9.00', 'EUR', 'GBP'],
    ['Thank you\nTOTAL 9.00', 'EUR', 'EUR'],
  ])('falls back to the default only when the receipt names no currency and no country: %j with %s', (text, fallback, code) => {
    expect(currencyOf(text, fallback)).toBe(code);
  });

  it.each([
    ['SDN BHD\nTOTAL 9.00', 'MYR'],
    ['SOON HUAT MACHINERY ENTERPRISE\nNO.53 JALAN PUTRA 1,\n81100 JOHOR BAHRU, JOHOR.\nTOTAL 9.00', 'MYR'],
    ['JALAN SUDIRMAN 5, JAKARTA\nTOTAL  18.500\nPPN  1.833', 'IDR'],
    ['SYARIKAT PERNIAGAAN GIN KEE\n(81109-A)\nTOTAL 9.00', 'MYR'],
    ['6EuTongSenStreet#01-05\nSingapore059817\nTOTAL 9.00', 'SGD'],
    ['CateCourtLowerGround-DubaiMall\nDubai,U.A.E\nTOTAL 9.00', 'AED'],
    ["KING'S CONFECTIONERY S/B\nTOTAL 9.00", 'MYR'],
    ['SLF CASH & CARRY\nNO.15,JLN TSJ2,TMN SUBANG JASA,\nTOTAL 9.00', 'MYR'],
    ['합계  3,200', 'KRW'],
    ['お会計  1,280', 'JPY'],
    ['รวม  120.00', 'THB'],
    ['סה"כ  45.90', 'ILS'],
    ['ΣΥΝΟΛΟ  11,50', 'EUR'],
    ['ИТОГО  134,90\nНДС 10%  12,26', 'RUB'],
    ['РАЗОМ  134,90\nПДВ 20%  22,48', 'UAH'],
    ['合计  12.50\n找零  7.50', 'CNY'],
    ['I ALT  43,45\nCVR 35954716', 'DKK'],
    ['TOTALT  60,80\nMVA 15%  7,93', 'NOK'],
    ['TOTAL  18.500\nPPN  1.833', 'IDR'],
    ['TOTAL  470.00\nVATable Sales  419.64', 'PHP'],
    ['CNPJ: 12.345.678/0001-90\nTOTAL  33,39', 'BRL'],
    ['TOPLAM  57,50\nKDV  5,75', 'TRY'],
    ['Vancouver BC V6A 2T4\nGST 5%  0.42\nPST 7%  0.31\nTOTAL  9.21', 'CAD'],
    ['Zu zahlen  2,28\nMwSt 7%  0,15', 'EUR'],
    ['SIRET 552 018 020 00012\nTOTAL  5,70', 'EUR'],
    ['P.IVA 01234567890\nTOTALE  2,70', 'EUR'],
    ['BTW 9%  0,49\nTOTAAL  5,99', 'EUR'],
    ['FACTURA SIMPLIFICADA\nTOTAL  1,99', 'EUR'],
    ['Kopā  5,53\nPVN 21%  0,96', 'EUR'],
    ['Summa apmaksai  6,24', 'EUR'],
    ['Iš viso  4,20\nPVM 21%  0,73', 'EUR'],
    ['KOKKU  7,10\nKäibemaks 22%  1,28', 'EUR'],
    ['KOKKU:  63.00\nEEK  100.00\nTagasi:  37.00\nKÄIBEMAKS 20%:  10.50', 'EEK'],
    ['London EC1N 2HT\nBALANCE DUE  4.85', 'GBP'],
    ['www.sainsburys.co.uk\nTOTAL  4.85', 'GBP'],
    ['MWST-Nr. CHE-123.456.789 MWST\nTOTAL  12.50', 'CHF'],
  ])('takes a receipt with no currency at all to be in its country\'s: %j is %s', (text, code) => {
    expect(currencyOf(text, 'USD')).toBe(code);
  });

  it.each([
    ['Austin, TX 78701\nTOTAL 12.00', 'USD'],
    ['Houston,TX77055\nTOTAL 12.00', 'USD'],
    ['(512) 555-0100\nTOTAL 12.00', 'USD'],
    ['Ref CA123456\nTOTAL 12.00', 'EUR'],
  ])('takes a receipt with an American address or phone and no currency to be in dollars: %j is %s', (text, code) => {
    expect(currencyOf(text, 'EUR')).toBe(code);
  });

  it.each([
    ['SYL ROASTED DELIGHTS SDN BHD\nTOTAL $54.50', 'MYR'],
    ['7-ELEVEN MALAYSIA\nTotal  $ 6.10\nCash  $ 10.00', 'MYR'],
    ['Boston MA 02116\nTotal $54.50', 'USD'],
  ])('reads a dollar sign by the country the receipt is in: %j is %s', (text, code) => {
    expect(currencyOf(text, 'USD')).toBe(code);
  });

  it.each([
    ['KEDAI MAJU SDN BHD\n105W £27 PLCE TUBE\nTOTAL 27.00', 'MYR'],
    ['99 SPEED MART S/B\nJOHOR BAHRU\nTOTAL ¥ 5.10', 'MYR'],
    ['KEDAI MAJU SDN BHD\nTOTAL £9.00\nCASH £10.00', 'GBP'],
    ['London EC1N 2HT\nTOTAL £4.85', 'GBP'],
    // an American address names the country too
    ['o) € Is\n864 Broadway\nNew York, NY 10003\nSubtotal 10.34\nTotal 11.25', 'USD'],
    ['2736 Countrywood Pkwy\nCordova, TN 38016\nTotal £2.67', 'USD'],
  ])('reads one sign the receipt\'s country does not use as OCR\'s misreading: %j is %s', (text, code) => {
    expect(currencyOf(text, 'USD')).toBe(code);
  });

  it('does not take a currency from cues when the receipt writes one', () => {
    expect(currencyOf('SDN BHD\nTOTAL SGD 9.00')).toBe('SGD');
  });
});
