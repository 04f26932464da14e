import type { ReceiptFields } from '../../utils/receipt';
import type { ParseOptions } from '../../utils/receipt-parser/index';

export interface ComposedReceipt {
  name: string;
  receipt: string;
  options: Partial<ParseOptions>;
  expected: Partial<Omit<ReceiptFields, 'items'>>;
}

const today = new Date(2025, 11, 1);

/** Receipts written in each country's conventions; amounts sit in a right-hand column. */
export const COMPOSED_RECEIPTS: ComposedReceipt[] = [
  {
    name: 'US restaurant with tax and tip',
    receipt: `BLUE BONNET GRILL
1200 Congress Ave
Austin, TX 78701
(512) 555-0199
11/24/2025  7:42 PM
Server: Jenny  Table 12
Ribeye Steak  28.00
Caesar Salad  7.00
Subtotal  35.00
Tax  3.10
Tip  7.00
Total  $45.10
VISA **** 4821  $45.10
Thank you for dining with us!`,
    options: { today },
    expected: { merchant: 'BLUE BONNET GRILL', date: '2025-11-24', time: '19:42', total: '45.10', currency: 'USD', subtotal: '35.00', tax: '3.10', tip: '7.00' },
  },
  {
    name: 'US store with an ambiguous date, cash and change',
    receipt: `WALGREENS #4521
350 W Madison St
Chicago, IL 60606
03/04/2025 10:15 AM
SHAMPOO  6.99
TOOTHPASTE  3.49
SUBTOTAL  10.48
SALES TAX 10.25%  1.07
TOTAL  11.55
CASH  20.00
CHANGE  8.45`,
    options: { today },
    expected: { merchant: 'WALGREENS #4521', date: '2025-03-04', time: '10:15', total: '11.55', currency: 'USD', subtotal: '10.48', tax: '1.07', tip: null },
  },
  {
    name: 'UK supermarket with VAT and card',
    receipt: `TESCO
Tesco Stores Ltd
Express, 12 High Street
London SW1A 1AA
VAT No: GB 220 4302 31
MILK 2 PINTS  £1.45
WHOLEMEAL BREAD  £1.20
BANANAS LOOSE  £0.95
MEAL DEAL  £3.50
TOTAL  £7.10
VISA DEBIT  £7.10
CHANGE DUE  £0.00
VAT INCLUDED  £0.58
03/04/2025 14:22`,
    options: { today },
    expected: { merchant: 'TESCO', date: '2025-04-03', time: '14:22', total: '7.10', currency: 'GBP', tip: null },
  },
  {
    name: 'German Kassenbon with MwSt, cash and change',
    receipt: `REWE Markt GmbH
Hauptstraße 12
10115 Berlin
Tel. 030 1234567
UID Nr.: DE123456789
EUR
Bio Vollmilch  1,29 A
Roggenbrot  2,49 A
Kaffee Bohnen  6,99 A
2 x 0,86
Äpfel  1,73 A
SUMME EUR  12,50
Gegeben BAR  20,00
Rückgeld  7,50
Steuer %  Netto  Steuer  Brutto
A= 19,0%  10,50  2,00  12,50
MwSt 19%  2,00
Datum: 15.03.2025  Uhrzeit: 18:42`,
    options: { today },
    expected: { merchant: 'REWE', date: '2025-03-15', time: '18:42', total: '12.50', currency: 'EUR', tax: '2.00', tip: null },
  },
  {
    name: 'French ticket with HT, TVA and TTC',
    receipt: `CARREFOUR MARKET
12 rue de la Paix
75002 PARIS
SIRET 123 456 789 00012
Tél : 01 23 45 67 89
TICKET DE CAISSE
Le 14/02/2025 à 12h31
BAGUETTE  1,10
CAMEMBERT  3,20
VIN ROUGE  12,90
POULET FERMIER  6,20
TOTAL HT  19,50
TVA 20%  3,90
TOTAL TTC  23,40 €
CB  23,40 €`,
    options: { today },
    expected: { merchant: 'CARREFOUR MARKET', date: '2025-02-14', time: '12:31', total: '23.40', currency: 'EUR', subtotal: '19.50', tax: '3.90' },
  },
  {
    name: 'French restaurant with a month name and Net à payer',
    receipt: `Brasserie du Port
SARL Le Port
3 quai des Chartrons, 33000 Bordeaux
Mercredi 5 mars 2025 20:15
2 Menu du jour  37,00
1 Café  2,50
Net à payer  39,50 €
Espèces  50,00 €
Rendu  10,50 €`,
    options: { today },
    expected: { merchant: 'Brasserie du Port', date: '2025-03-05', time: '20:15', total: '39.50', currency: 'EUR' },
  },
  {
    name: 'Spanish ticket with Total a pagar and cambio',
    receipt: `MERCADONA S.A.
C/ Mayor 5, 28013 Madrid
NIF A-46103834
Fecha: 3 de marzo de 2025 11:05
TOMATES  2,35
ACEITE OLIVA  8,95
PAN  1,20
IVA 10%  1,14
TOTAL A PAGAR  12,50 €
EFECTIVO  20,00
CAMBIO  7,50`,
    options: { today },
    expected: { merchant: 'MERCADONA', date: '2025-03-03', time: '11:05', total: '12.50', currency: 'EUR', tax: '1.14' },
  },
  {
    name: 'Italian scontrino with Totale complessivo',
    receipt: `BAR CENTRALE
di Rossi Mario
Via Roma 10, 20121 Milano
P.IVA 01234567890
DOCUMENTO COMMERCIALE
CAPPUCCINO  1,50
CORNETTO  1,20
ACQUA  1,00
TOTALE COMPLESSIVO  3,70
di cui IVA  0,34
CONTANTI  5,00
RESTO  1,30
05-06-2024 08:12`,
    options: { today },
    expected: { merchant: 'BAR CENTRALE', date: '2024-06-05', time: '08:12', total: '3.70', currency: 'EUR' },
  },
  {
    name: 'Dutch kassabon with Totaal and pinnen',
    receipt: `Albert Heijn 1234
Kalverstraat 1
1012 NX Amsterdam
Melk  1,15
Kaas  4,80
Brood  2,50
Totaal  € 8,45
Pinnen  € 8,45
BTW 9%  0,70
12-11-2024 17:03`,
    options: { today },
    expected: { merchant: 'Albert Heijn 1234', date: '2024-11-12', total: '8.45', currency: 'EUR' },
  },
  {
    name: 'Swedish kvitto in kronor with moms',
    receipt: `ICA Supermarket Söder
Org.nr 556123-4567
Götgatan 10, 116 46 Stockholm
Kaffe  59,90
Mjölk  15,90
Bröd  29,00
Att betala  104,80 kr
Moms 12%  11,23
Kort  104,80
2025-01-18 16:40`,
    options: { today },
    expected: { merchant: 'ICA Supermarket Söder', date: '2025-01-18', total: '104.80', currency: 'SEK' },
  },
  {
    name: 'Swiss receipt with apostrophe thousands',
    receipt: `Elektro Meier AG
Bahnhofstrasse 5, 8001 Zürich
Waschmaschine  1'199.00
Lieferung  49.50
Total CHF  1'248.50
MWST 8.1%  93.62
Datum 20.01.2025`,
    options: { today },
    expected: { merchant: 'Elektro Meier AG', date: '2025-01-20', total: '1248.50', currency: 'CHF' },
  },
  {
    name: 'German invoice with thousands and a dotted month name',
    receipt: `Möbelhaus Schmidt GmbH & Co. KG
Industriestr. 4
80331 München
Rechnung Nr. 2025-0042
Datum: 7. Feb. 2025
Sofa  1.299,00
Tisch  349,00
Zwischensumme  1.648,00
MwSt. 19%  263,14
Gesamtbetrag  1.648,00 EUR
EC-Karte  1.648,00`,
    options: { today },
    expected: { merchant: 'Möbelhaus Schmidt GmbH & Co. KG', date: '2025-02-07', total: '1648.00', currency: 'EUR' },
  },
  {
    name: 'Malaysian cash bill with rounding',
    receipt: `KEDAI MAJU SDN BHD
(123456-X)
NO. 5, JALAN BESAR, 43000 KAJANG
CASH BILL
DATE: 25/12/2018 8:13:39 PM
MINERAL WATER  1 X 9.03  9.03
TOTAL  RM 9.03
ROUNDING ADJUSTMENT  -RM 0.03
TOTAL ROUNDED  RM 9.00
CASH  RM 10.00
CHANGE  RM 1.00`,
    options: { today },
    expected: { merchant: 'KEDAI MAJU SDN BHD', date: '2018-12-25', time: '20:13', total: '9.00', currency: 'MYR' },
  },
  {
    name: 'Indian bill in rupees with GST and grand total',
    receipt: `SARAVANA BHAVAN
GSTIN: 33AAAAA0000A1Z5
Date: 02-01-2025  Time: 13:20
Masala Dosa  ₹120.00
Filter Coffee  ₹40.00
Sub Total  ₹160.00
CGST 2.5%  ₹4.00
SGST 2.5%  ₹4.00
Grand Total  ₹168.00`,
    options: { today },
    expected: { merchant: 'SARAVANA BHAVAN', date: '2025-01-02', total: '168.00', currency: 'INR', subtotal: '160.00' },
  },
  {
    name: 'Japanese receipt in yen without decimals',
    receipt: `ローソン 渋谷店
2025年1月10日 12:30
おにぎり  ¥150
お茶  ¥140
合計  ¥290
お預り  ¥1,000
お釣り  ¥710`,
    options: { today },
    expected: { total: '290', currency: 'JPY', date: '2025-01-10', time: '12:30' },
  },
  {
    name: 'US supercenter with tax codes, tender and item count',
    receipt: `Walmart
Save money. Live better.
( 479 ) 273 - 4134
MANAGER DIANA EARNEST
1101 W 2ND ST
BENTONVILLE AR 72712
ST# 05487 OP# 009044 TE# 44 TR# 01301
BREAD 007225003712 F  2.88 N
GV MILK 007874235186 F  3.48 N
SUBTOTAL  6.36
TAX 1 7.000 %  0.45
TOTAL  6.81
VISA TEND  6.81
CHANGE DUE  0.00
# ITEMS SOLD 2
TC# 1234 5678 9012 3456 7890
11/04/25  14:32:10`,
    options: { today },
    expected: { merchant: 'Walmart', date: '2025-11-04', time: '14:32', total: '6.81', currency: 'USD', subtotal: '6.36', tax: '0.45' },
  },
  {
    name: 'UK restaurant with a service charge and VAT included',
    receipt: `The Ivy Café
96 Marylebone High St
London W1U 4RY
Tel: 020 3301 0400
VAT Reg No. 123 4567 89
Table 4  Covers 2
12 Oct 2025 13:05
2 x Fish & Chips  £33.00
1 x Sticky Toffee  £8.50
Subtotal  £41.50
Service charge 12.5%  £5.19
Total  £46.69
Card  £46.69
VAT @ 20% included  £7.78`,
    options: { today },
    expected: { merchant: 'The Ivy Café', date: '2025-10-12', time: '13:05', total: '46.69', currency: 'GBP', subtotal: '41.50', tip: '5.19' },
  },
  {
    name: 'German discounter with card payment and a VAT table',
    receipt: `ALDI SÜD
Filiale 123
Musterstraße 1
12345 Musterstadt
Milch 1,5%  0,99 A
Butter  1,89 A
Summe  2,88
Kartenzahlung  2,88
Girocard
MwSt  Netto  MwSt  Brutto
A 7%  2,69  0,19  2,88
Datum: 24.11.2025  Zeit: 09:13`,
    options: { today },
    expected: { merchant: 'ALDI SÜD', date: '2025-11-24', time: '09:13', total: '2.88', currency: 'EUR' },
  },
  {
    name: 'French supermarket with a card slip below',
    receipt: `MONOPRIX
Monoprix Exploitation SAS
52 avenue des Champs-Élysées, 75008 Paris
12/11/2025 18:05:22
LAIT DEMI-ECREME  1,15
PAIN DE MIE  2,39
EAU MINERALE X6  3,29
TOTAL  6,83
CB EMV  6,83 EUR
MONTANT  6,83 EUR
TVA 5,50%  0,36
Articles : 3`,
    options: { today },
    expected: { merchant: 'MONOPRIX', date: '2025-11-12', time: '18:05', total: '6.83', currency: 'EUR' },
  },
  {
    name: 'Portuguese talão with troco and a month name',
    receipt: `PINGO DOCE
Rua Augusta 120, 1100-053 Lisboa
NIF 500829993
Pão  0,89
Leite  0,79
Café  3,49
TOTAL  5,17 €
Dinheiro  10,00
Troco  4,83
IVA 6%  0,29
Data: 3 de março de 2025 10:15`,
    options: { today },
    expected: { merchant: 'PINGO DOCE', date: '2025-03-03', time: '10:15', total: '5.17', currency: 'EUR' },
  },
  {
    name: 'Polish paragon in złoty',
    receipt: `Biedronka
ul. Żniwna 5, 62-025 Kostrzyn
NIP 779-10-11-327
PARAGON FISKALNY
Chleb  3,99 C
Mleko  2,79 C
SUMA PLN  6,78
Gotówka  10,00
Reszta  3,22
2025-02-10 18:22`,
    options: { today },
    expected: { merchant: 'Biedronka', date: '2025-02-10', time: '18:22', total: '6.78', currency: 'PLN' },
  },
  {
    name: 'UK supermarket with its company in the footer, scanned in an en-US browser',
    receipt: `TESCO
Metro, 22 Kings Road
London SW3 4UD
SANDWICH  2.80
ORANGE JUICE  1.95
TOTAL  4.75
CARD  4.75
Thank you for shopping at Tesco
Tesco Stores Ltd, Welwyn Garden City AL7 1GA
VAT No: GB 220 4302 31
03/04/2025 08:05`,
    options: { today, dateOrder: 'auto', defaultCurrency: '', locale: 'en-US' },
    expected: { merchant: 'TESCO', date: '2025-04-03', time: '08:05', total: '4.75', currency: 'GBP' },
  },
  {
    name: 'US bakery with its operating company in the footer, scanned in an en-GB browser',
    receipt: `HARBOR BAGELS
310 SW Alder St
Portland, OR 97205
(503) 555-0143
EVERYTHING BAGEL  2.75
LATTE  4.50
TOTAL  7.25
CASH  10.00
CHANGE  2.75
Harbor Bagel Holdings LLC
03/04/2025 07:41 AM`,
    options: { today, dateOrder: 'auto', defaultCurrency: '', locale: 'en-GB' },
    expected: { merchant: 'HARBOR BAGELS', date: '2025-03-04', time: '07:41', total: '7.25', currency: 'USD' },
  },
  {
    name: 'Malaysian shop with the proprietor above the company, scanned in an en-US browser',
    receipt: `TAN MEI LING
KEDAI BUKU SINAR (TAMAN JAYA) SDN BHD
(CO.REG : 123456-X)
LOT 5, JALAN BESAR,
43300 SERI KEMBANGAN, SELANGOR
-INVOICE-
11/01/2019 10:15
EXERCISE BOOK  3.50
PENCIL BOX  8.90
TOTAL  12.40
CASH  20.00
CHANGE  7.60
GST SUMMARY  AMOUNT  TAX
SR @ 6%  11.70  0.70`,
    options: { today, dateOrder: 'auto', defaultCurrency: '', locale: 'en-US' },
    expected: { merchant: 'KEDAI BUKU SINAR (TAMAN JAYA) SDN BHD', date: '2019-01-11', time: '10:15', total: '12.40' },
  },
  {
    name: 'Australian café tax invoice with GST included',
    receipt: `BEAN THERE CAFE
ABN 12 345 678 901
45 George St Sydney NSW 2000
Tax Invoice
14/03/2025 08:31
Flat White  4.80
Banana Bread  6.50
TOTAL  $11.30
Includes GST  $1.03
EFTPOS  $11.30`,
    options: { today },
    expected: { merchant: 'BEAN THERE CAFE', date: '2025-03-14', total: '11.30', currency: 'AUD', tax: '1.03' },
  },
  {
    name: 'Canadian grocery with GST and PST, no currency printed',
    receipt: `SAVE-ON-FOODS
1234 Main Street
Vancouver BC V6A 2T4
2025-02-03 17:45
APPLES  3.99
CHIPS  4.49
SUBTOTAL  8.48
GST 5%  0.42
PST 7%  0.31
TOTAL  9.21
DEBIT  9.21`,
    options: { today },
    expected: { merchant: 'SAVE-ON-FOODS', date: '2025-02-03', total: '9.21', currency: 'CAD', subtotal: '8.48' },
  },
  {
    name: 'Brazilian cupom fiscal with R$',
    receipt: `SUPERMERCADO BOM PRECO LTDA
CNPJ: 12.345.678/0001-90
Rua das Flores, 100 - São Paulo - SP
CUPOM FISCAL
05/06/2025 19:22:10
ARROZ 5KG  24,90
FEIJAO 1KG  8,49
TOTAL R$  33,39
CARTAO DEBITO  33,39`,
    options: { today },
    expected: { merchant: 'SUPERMERCADO BOM PRECO LTDA', date: '2025-06-05', total: '33.39', currency: 'BRL' },
  },
  {
    name: 'Mexican convenience store with IVA, cash and change',
    receipt: `OXXO
RFC: CCO8605231N4
Av. Reforma 222, CDMX
TICKET
15/07/2025 13:05
COCA COLA 600ML  $18.00
SABRITAS  $17.50
SUBTOTAL  $30.60
IVA 16%  $4.90
TOTAL  $35.50
EFECTIVO  $50.00
CAMBIO  $14.50`,
    options: { today },
    expected: { merchant: 'OXXO', date: '2025-07-15', total: '35.50', currency: 'MXN', tax: '4.90' },
  },
  {
    name: 'Korean convenience store in Hangul, no currency printed',
    receipt: `GS25 강남점
서울시 강남구 테헤란로 123
2025-04-12 21:10
삼각김밥  1,500
바나나우유  1,700
합계  3,200
부가세  291
카드  3,200`,
    options: { today },
    expected: { merchant: 'GS25 강남점', date: '2025-04-12', total: '3200', currency: 'KRW' },
  },
  {
    name: 'Chinese convenience store with 合计 and 找零',
    receipt: `全家便利店
上海市浦东新区世纪大道100号
2025-05-20 09:15
饭团  8.50
豆浆  4.00
合计  12.50
现金  20.00
找零  7.50`,
    options: { today },
    expected: { merchant: '全家便利店', date: '2025-05-20', total: '12.50', currency: 'CNY' },
  },
  {
    name: 'Singapore food court with GST and S$',
    receipt: `KOPITIAM PTE LTD
UEN 199001234K
GST Reg No: M2-0012345-6
10 Bayfront Ave Singapore 018956
Date: 02/01/2025 Time: 12:30
Chicken Rice  5.50
Iced Milo  2.20
Subtotal  7.70
GST 9%  0.69
TOTAL  S$8.39`,
    options: { today },
    expected: { merchant: 'KOPITIAM PTE LTD', date: '2025-01-02', total: '8.39', currency: 'SGD', tax: '0.69' },
  },
  {
    name: 'Turkish market with KDV and ₺',
    receipt: `MIGROS TICARET A.S.
Atatürk Cad. No:5 Istanbul
18.08.2025 16:40
EKMEK  15,00
SUT  42,50
KDV  5,75
TOPLAM  ₺57,50
KREDI KARTI  57,50`,
    options: { today },
    expected: { merchant: 'MIGROS TICARET A.S.', date: '2025-08-18', total: '57.50', currency: 'TRY' },
  },
  {
    name: 'Czech supermarket with DPH and Kč',
    receipt: `ALBERT SUPERMARKET
Radlická 117, Praha 5
IČO: 44012373 DIČ: CZ44012373
12.09.2025 10:02
ROHLIK  3,90
MLEKO  24,90
CELKEM  28,80 Kč
DPH 12%  3,09`,
    options: { today },
    expected: { merchant: 'ALBERT SUPERMARKET', date: '2025-09-12', total: '28.80', currency: 'CZK' },
  },
  {
    name: 'Hungarian shop in whole forints with a dotted date',
    receipt: `SPAR MAGYARORSZAG KFT.
Budapest, Váci út 1.
2025.10.03 11:11
KENYER  699
TEJ  459
ÖSSZESEN:  1158 Ft
ÁFA 27%  246`,
    options: { today },
    expected: { merchant: 'SPAR MAGYARORSZAG KFT.', date: '2025-10-03', total: '1158', currency: 'HUF' },
  },
  {
    name: 'Danish supermarket with I ALT and MOMS',
    receipt: `NETTO
Vesterbrogade 10, 1620 København V
CVR 35954716
07-02-2025 18:20
RUGBRØD  18,95
SMØR  24,50
I ALT  43,45
HERAF MOMS  8,69
DANKORT  43,45`,
    options: { today },
    expected: { merchant: 'NETTO', date: '2025-02-07', total: '43.45', currency: 'DKK' },
  },
  {
    name: 'Norwegian shop with TOTALT and MVA',
    receipt: `REMA 1000
Storgata 1, 0155 Oslo
Org.nr 912 345 678 MVA
03.03.2025 09:45
BRØD  35,90
MELK  24,90
TOTALT  60,80
MVA 15%  7,93
BANKKORT  60,80`,
    options: { today },
    expected: { merchant: 'REMA 1000', date: '2025-03-03', total: '60.80', currency: 'NOK' },
  },
  {
    name: 'Greek taverna in Greek script',
    receipt: `ΤΑΒΕΡΝΑ Ο ΝΙΚΟΣ
ΑΘΗΝΑ
ΑΦΜ 123456789
20/06/2025 21:30
ΣΟΥΒΛΑΚΙ  3,50
ΣΑΛΑΤΑ  8,00
ΣΥΝΟΛΟ  11,50 €
ΦΠΑ 13%  1,32`,
    options: { today },
    expected: { merchant: 'ΤΑΒΕΡΝΑ Ο ΝΙΚΟΣ', date: '2025-06-20', total: '11.50', currency: 'EUR' },
  },
  {
    name: 'South African store with rand amounts (R41.48)',
    receipt: `PICK N PAY
Cape Town 8001
VAT No 4010000000
2025/04/05 15:00
BREAD  R18.99
MILK  R22.49
TOTAL  R41.48
VAT 15%  R5.41
CARD  R41.48`,
    options: { today },
    expected: { merchant: 'PICK N PAY', date: '2025-04-05', total: '41.48', currency: 'ZAR' },
  },
  {
    name: 'Emirati café with VAT 5% in AED',
    receipt: `CAFE NERO DUBAI MALL
TRN 100234567800003
Dubai, UAE
10/11/2025 16:45
Latte  AED 21.00
Croissant  AED 14.00
Subtotal  AED 33.33
VAT 5%  AED 1.67
Total  AED 35.00`,
    options: { today },
    expected: { merchant: 'CAFE NERO DUBAI MALL', date: '2025-11-10', total: '35.00', currency: 'AED' },
  },
  {
    name: 'Indonesian minimarket with dot thousands and PPN',
    receipt: `INDOMARET
Jl. Sudirman No. 1 Jakarta
12-05-2025 08:00
AQUA 600ML  3.500
ROTI TAWAR  15.000
TOTAL  18.500
PPN  1.833
TUNAI  20.000
KEMBALI  1.500`,
    options: { today },
    expected: { merchant: 'INDOMARET', date: '2025-05-12', total: '18500', currency: 'IDR' },
  },
  {
    name: 'Finnish shop with YHTEENSÄ and ALV',
    receipt: `K-MARKET KAMPPI
Helsinki
Y-tunnus 1234567-8
04.04.2025 17:30
LEIPÄ  2,49
MAITO  1,19
YHTEENSÄ  3,68 EUR
ALV 14%  0,45`,
    options: { today },
    expected: { merchant: 'K-MARKET KAMPPI', date: '2025-04-04', total: '3.68', currency: 'EUR' },
  },
  {
    name: 'Russian shop in Cyrillic with ИТОГО and СДАЧА',
    receipt: `ПЯТЁРОЧКА
г. Москва, ул. Тверская, 1
ИНН 7825706086
15.01.2025 12:00
ХЛЕБ  45,00
МОЛОКО  89,90
ИТОГО  =134,90
НДС 10%  12,26
НАЛИЧНЫМИ  200,00
СДАЧА  65,10`,
    options: { today },
    expected: { merchant: 'ПЯТЁРОЧКА', date: '2025-01-15', total: '134.90', currency: 'RUB' },
  },
  {
    name: 'Philippine supermarket with peso amounts (P470.00)',
    receipt: `SM SUPERMARKET
VAT REG TIN 000-123-456-000
Mall of Asia, Pasay City
08/15/2025 14:20
RICE 5KG  P350.00
EGGS  P120.00
TOTAL  P470.00
VATable Sales  419.64
VAT 12%  50.36
CASH  P500.00
CHANGE  P30.00`,
    options: { today },
    expected: { merchant: 'SM SUPERMARKET', date: '2025-08-15', total: '470.00', currency: 'PHP' },
  },
  {
    name: 'Irish pub with VAT @ 23%',
    receipt: `THE TEMPLE BAR
47-48 Temple Bar, Dublin 2
VAT No IE1234567T
22/03/2025 22:15
Guinness  €7.50
Guinness  €7.50
Total  €15.00
VAT @ 23%  €2.80`,
    options: { today },
    expected: { merchant: 'THE TEMPLE BAR', date: '2025-03-22', total: '15.00', currency: 'EUR' },
  },
  {
    name: 'Vietnamese café with Tổng cộng and dot thousands',
    receipt: `HIGHLANDS COFFEE
123 Lê Lợi, Quận 1, TP.HCM
Ngày: 05/09/2025 08:15
Phin Sữa Đá  29.000
Bánh Mì  25.000
Tổng cộng  54.000 VND
Tiền mặt  100.000
Tiền thối  46.000`,
    options: { today },
    expected: { merchant: 'HIGHLANDS COFFEE', date: '2025-09-05', total: '54000', currency: 'VND' },
  },
  {
    name: 'US warehouse club with a two-line logo and a card slip',
    receipt: `COSTCO
WHOLESALE
Mountain View #423
1000 N Rengstorff Ave
Mountain View, CA 94043
E  1234567  KS WATER 40PK  4.99
E  7654321  BANANAS  1.99
   3456789  PAPER TOWEL  19.99 A
SUBTOTAL  26.97
TAX  1.82
****  TOTAL  28.79
XXXXXXXXXXXX1234  CHIP Read
AID: A0000000031010
Seq# 12345  App#: 01234B
Visa  Resp: APPROVED
Tran ID#: 532900012345
AMOUNT: $28.79
CHANGE  0.00
11/24/25 15:42 423 12 345 67`,
    options: { today },
    expected: { merchant: 'COSTCO', date: '2025-11-24', total: '28.79', currency: 'USD', tax: '1.82', subtotal: '26.97' },
  },
  {
    name: 'US diner signature copy with blank tip and total lines',
    receipt: `JOE'S DINER
55 Main St
Springfield, IL 62701
Server: Ann   Check #1042
Date: 10/05/2025   Time: 8:12 PM
Pancakes  8.50
Coffee  2.25
Subtotal  10.75
Tax  0.86
Amount Due  $11.61
Tip: __________
Total: __________
Signature: __________
CUSTOMER COPY`,
    options: { today },
    expected: { merchant: "JOE'S DINER", date: '2025-10-05', total: '11.61', currency: 'USD' },
  },
  {
    name: 'UK café with BALANCE DUE and a spelled-out date',
    receipt: `Costa Coffee
Unit 4, Station Road
Reading RG1 1LG
VAT Reg No. 123 4567 89
24 Nov 2025 09:14
Flat White Regular  £3.45
Almond Croissant  £2.95
BALANCE DUE  £6.40
CARD PAYMENT  £6.40
VAT 20%  £1.07
Thank you`,
    options: { today },
    expected: { merchant: 'Costa Coffee', date: '2025-11-24', total: '6.40', currency: 'GBP' },
  },
  {
    name: 'UK supermarket with its company under the brand and no £ printed',
    receipt: `Sainsbury's
Sainsbury's Supermarkets Ltd
33 Holborn, London EC1N 2HT
www.sainsburys.co.uk
BREAD  1.10
MILK  1.45
EGGS  2.30
3 BALANCE DUE  4.85
Visa Debit  4.85
24/11/25 18:03  S123 R45`,
    options: { today },
    expected: { merchant: "Sainsbury's", date: '2025-11-24', total: '4.85', currency: 'GBP' },
  },
  {
    name: 'German bakery with quantities, cash and change, no EUR on the total',
    receipt: `Bäckerei Schmidt
Inh. Hans Schmidt
Lindenstr. 5, 80331 München
Steuer-Nr. 143/123/45678
Datum: 24.11.25  Zeit: 07:45
2 x Brezel  0,90  1,80 A
1 x Kaffee  2,50 A
SUMME EUR  4,30
Geg. Bar  10,00
Rückgeld  5,70
MwSt 7%  0,28
Vielen Dank!`,
    options: { today },
    expected: { merchant: 'Bäckerei Schmidt', date: '2025-11-24', total: '4.30', currency: 'EUR', tax: '0.28' },
  },
  {
    name: 'German discounter with Zu zahlen and a VAT table',
    receipt: `ALDI SÜD
ALDI GmbH & Co. KG
Hauptstr. 1
45127 Essen
Bananen  1,29 A
Milch  0,99 A
Zu zahlen  2,28
Karte  2,28
MwSt%  Netto  MwSt  Brutto
A 7%  2,13  0,15  2,28
24.11.2025 12:01  Filiale 123`,
    options: { today },
    expected: { merchant: 'ALDI SÜD', date: '2025-11-24', total: '2.28', currency: 'EUR' },
  },
  {
    name: 'French supermarket with TOTAL TTC and CB',
    receipt: `MONOPRIX
Monoprix Exploitation SAS
14 rue de Rivoli 75004 Paris
SIRET 552 018 020 00012
24/11/2025 14:33
BAGUETTE  1,20
COMTE 200G  4,50
TOTAL TTC  5,70 €
CB  5,70
TVA 5,5%  0,30
Merci de votre visite`,
    options: { today },
    expected: { merchant: 'MONOPRIX', date: '2025-11-24', total: '5.70', currency: 'EUR' },
  },
  {
    name: 'French restaurant with "dont TVA" and a 20h45 time',
    receipt: `LE PETIT BISTROT
12 place du Marché 69002 Lyon
Table 5  Couverts 2
Le 24/11/2025 à 20h45
2 Menu du jour  36,00
1 Vin rouge  22,00
TOTAL  58,00 EUR
dont TVA 10%  5,27
Service compris
Carte Bancaire  58,00`,
    options: { today },
    expected: { merchant: 'LE PETIT BISTROT', date: '2025-11-24', total: '58.00', currency: 'EUR' },
  },
  {
    name: 'Spanish factura simplificada with TOTAL (€)',
    receipt: `MERCADONA, S.A.
C/ Mayor 10, 28013 Madrid
NIF: A-46103834
24/11/2025 10:22  OP: 123456
FACTURA SIMPLIFICADA
PAN  1,10
LECHE  0,89
TOTAL (€)  1,99
TARJETA BANCARIA  1,99
IVA 4%  0,08`,
    options: { today },
    expected: { merchant: 'MERCADONA', date: '2025-11-24', total: '1.99', currency: 'EUR' },
  },
  {
    name: 'Italian documento commerciale with cash and change, no € printed',
    receipt: `BAR CENTRALE
di Rossi Mario
Via Roma 1, 00100 Roma
P.IVA 01234567890
DOCUMENTO COMMERCIALE
di vendita o prestazione
CAPPUCCINO  1,50
CORNETTO  1,20
TOTALE COMPLESSIVO  2,70
PAGAMENTO CONTANTE  5,00
RESTO  2,30
24-11-2025 08:05`,
    options: { today },
    expected: { merchant: 'BAR CENTRALE', date: '2025-11-24', total: '2.70', currency: 'EUR' },
  },
  {
    name: 'Dutch kassabon with a column header and pinnen',
    receipt: `Albert Heijn
Damstraat 1, 1012 JM Amsterdam
AANTAL OMSCHRIJVING  PRIJS  BEDRAG
1 KAAS  4,99
2 APPELS  0,50  1,00
TOTAAL  5,99
PINNEN  5,99
BTW 9%  0,49
24-11-2025 16:20`,
    options: { today },
    expected: { merchant: 'Albert Heijn', date: '2025-11-24', total: '5.99', currency: 'EUR' },
  },
  {
    name: 'Japanese convenience store with a 年月日 date',
    receipt: `セブン-イレブン
東京都千代田区1-1
2025年11月24日(月) 12:34
おにぎり  ¥150
お茶  ¥140
合計  ¥290
(内消費税等  ¥21)
お預り  ¥500
お釣  ¥210`,
    options: { today },
    expected: { merchant: 'セブン-イレブン', date: '2025-11-24', total: '290', currency: 'JPY' },
  },
  {
    name: 'Indian restaurant with CGST, SGST and a rounded net amount',
    receipt: `PARADISE BIRYANI
GSTIN: 36AAACP1234F1Z5
Secunderabad, Telangana
Bill No: 1234  Date: 24-11-2025
Chicken Biryani  350.00
Coke  60.00
Sub Total  410.00
CGST 2.5%  10.25
SGST 2.5%  10.25
Grand Total  ₹430.50
Round Off  -0.50
Net Amount  430.00`,
    options: { today },
    expected: { merchant: 'PARADISE BIRYANI', date: '2025-11-24', total: '430.00', currency: 'INR' },
  },
  {
    name: 'Chilean boleta in whole pesos with dot thousands',
    receipt: `LIDER EXPRESS
RUT: 76.042.014-K
Av. Providencia 1234, Santiago
BOLETA ELECTRONICA
24/11/2025 13:45
PAN  $ 1.290
LECHE  $ 990
TOTAL  $ 2.280
EFECTIVO  $ 5.000
VUELTO  $ 2.720`,
    options: { today },
    expected: { merchant: 'LIDER EXPRESS', date: '2025-11-24', total: '2280', currency: 'CLP' },
  },
  {
    name: 'Argentine kiosk with $ and decimal commas',
    receipt: `KIOSCO EL SOL
CUIT 20-12345678-9
Av. Corrientes 1000, CABA
24/11/2025 10:00
ALFAJOR  $ 1.250,00
AGUA  $ 900,00
TOTAL  $ 2.150,00`,
    options: { today },
    expected: { merchant: 'KIOSCO EL SOL', date: '2025-11-24', total: '2150.00', currency: 'ARS' },
  },
  {
    name: 'Colombian shop in whole pesos with NIT',
    receipt: `TIENDA D1
NIT 900.276.962-1
Bogotá D.C.
24/11/2025
ARROZ  $ 4.500
HUEVOS  $ 12.900
TOTAL  $ 17.400`,
    options: { today },
    expected: { merchant: 'TIENDA D1', date: '2025-11-24', total: '17400', currency: 'COP' },
  },
  {
    name: 'Taiwanese convenience store with NT$ and 總計',
    receipt: `7-ELEVEN 統一超商
台北市信義區
2025-11-24 09:30
茶葉蛋  10
咖啡  45
總計  NT$55
現金  100
找零  45`,
    options: { today },
    expected: { merchant: '7-ELEVEN 統一超商', date: '2025-11-24', total: '55', currency: 'TWD' },
  },
  {
    name: 'Hong Kong bakery with HK$ and Octopus',
    receipt: `MAXIM'S CAKES
Hong Kong
24/11/2025 15:20
Egg Tart  HK$9.00
Milk Tea  HK$18.00
Total  HK$27.00
Octopus  HK$27.00`,
    options: { today },
    expected: { merchant: "MAXIM'S CAKES", date: '2025-11-24', total: '27.00', currency: 'HKD' },
  },
  {
    name: 'Japanese convenience store with tax-included lines',
    receipt: `ローソン 渋谷店
東京都渋谷区1-2-3
2025年11月24日 18:05
お茶  ¥162
パン  ¥140
小計  ¥302
(8%対象  ¥302)
合計  ¥302
(内消費税  ¥22)
クレジット  ¥302`,
    options: { today },
    expected: { merchant: 'ローソン 渋谷店', date: '2025-11-24', total: '302', currency: 'JPY' },
  },
  {
    name: 'Saudi hypermarket with SAR and VAT 15%',
    receipt: `PANDA HYPERMARKET
VAT No: 300000000000003
Riyadh
24/11/2025 20:10
Milk  SAR 6.50
Bread  SAR 3.00
Total (incl. VAT)  SAR 9.50
VAT 15%  SAR 1.24`,
    options: { today },
    expected: { merchant: 'PANDA HYPERMARKET', date: '2025-11-24', total: '9.50', currency: 'SAR' },
  },
  {
    name: 'New Zealand café with GST included and EFTPOS',
    receipt: `MAGGIES CAFE
GST No: 123-456-789
Wellington, New Zealand
24/11/2025 08:40
Flat White  5.50
Scone  6.00
TOTAL  $11.50
GST included  $1.50
EFTPOS  $11.50`,
    options: { today },
    expected: { merchant: 'MAGGIES CAFE', date: '2025-11-24', total: '11.50', currency: 'NZD' },
  },
  {
    name: 'US gas station with a three-decimal fuel price',
    receipt: `SHELL
1234 HWY 290
AUSTIN, TX 78736
11/24/2025 7:05 AM
PUMP# 04
UNLEADED  12.345 G
PRICE/GAL  $3.099
FUEL SALE  $38.26
TOTAL  $38.26
CREDIT  $38.26`,
    options: { today },
    expected: { merchant: 'SHELL', date: '2025-11-24', total: '38.26', currency: 'USD' },
  },
  {
    name: 'UK pub with a service charge',
    receipt: `THE RED LION
12 Church St, Oxford OX1 1AA
24/11/2025 21:14
2 x Pint of Bitter  £9.80
Fish & Chips  £15.50
Subtotal  £25.30
Service Charge 12.5%  £3.16
Total  £28.46
Mastercard  £28.46`,
    options: { today },
    expected: { merchant: 'THE RED LION', date: '2025-11-24', total: '28.46', currency: 'GBP' },
  },
  {
    name: 'German restaurant with Trinkgeld before the Gesamt',
    receipt: `Gasthaus Zum Hirschen
Marktplatz 3, 79098 Freiburg
Tisch 4  24.11.2025 19:58
1 Schnitzel  18,90
2 Bier 0,5l  4,60  9,20
Summe  28,10
Trinkgeld  2,90
Gesamt  31,00
EC-Karte  31,00
MwSt 19%  4,49`,
    options: { today },
    expected: { merchant: 'Gasthaus Zum Hirschen', date: '2025-11-24', total: '31.00', currency: 'EUR', tip: '2.90' },
  },
  {
    name: 'French pharmacy with MONTANT DU, espèces and rendu',
    receipt: `PHARMACIE DU CENTRE
3 rue Victor Hugo 33000 Bordeaux
Tél. 05 56 00 00 00
24/11/2025 11:02
DOLIPRANE 1000MG  2,18
MONTANT DU  2,18 EUR
Espèces  5,00
Rendu  2,82`,
    options: { today },
    expected: { merchant: 'PHARMACIE DU CENTRE', date: '2025-11-24', total: '2.18', currency: 'EUR' },
  },
];
