import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import type { OcrPage } from '../../utils/receipt';
import { pageFromText } from './pages';

/** A page of word boxes, each row its words at 12 px a letter, printed as tall as given. */
function pageOfRows(rows: readonly [string, number][]): OcrPage {
  const lines = rows.map(([text, height], row) => {
    let left = 10;
    return {
      words: text.split(' ').map((word) => {
        const placed = { text: word, left, top: 20 + row * 70, width: word.length * 12, height };
        left += word.length * 12 + 12;
        return placed;
      }),
    };
  });
  return { text: '', lines };
}

const merchantOf = (header: string): string | null => parseReceipt(pageFromText(`${header}\nBREAD 2.00\nTOTAL 2.00`), {}).merchant;

describe('merchant', () => {
  it.each([
    ['a party size and a waiter', ['Paxs GP: Weray Li Wen', 'Covers 2 OP: Anna Lee']],
    ['how the order is served', ['TAKE OUT', 'TO GO']],
    ['a cashier named after a logo\'s scrap', ['AE\tcashier: Luis', 'Server: Maria P']],
  ])("never takes a restaurant's header rows for the name, printed large or not: %s", (_what, header) => {
    // Each row its words, 12 px a letter; the header rows printed twice as tall as the rest.
    const rows: [string, number][] = [['WAWAWA', 13], ['SST Reg No: 2011006062', 14], ['TABLE : 294', 15], ...header.map((text): [string, number] => [text, 26]), ['14/06/2017 19:44', 13], ['Carbonara 15.80', 13], ['TOTAL 15.80', 14]];
    expect(parseReceipt(pageOfRows(rows), {}).merchant).toBe('WAWAWA');
  });

  it.each([
    // a logo's name over its operator's company line
    [[['Khyen Chyen', 58], ['7NK Foods & Beverages Pvt. Ltd.', 30], ['G-19, DLF Cross Point', 30]], 'Khyen Chyen'],
    // not a name barely larger (a person's), nor in Malaysia, where receipts are filed under the company
    [[['TAN CHAY YEE', 39], ['SOON HUAT MACHINERY ENTERPRISE', 27], ['NO.53 JALAN PUTRA 1,', 23]], 'SOON HUAT MACHINERY ENTERPRISE'],
    [[['MAJU', 58], ['KEDAI RUNCIT SDN BHD', 30], ['NO. 5, JALAN BESAR', 30]], 'KEDAI RUNCIT SDN BHD'],
    // over a Baltic company line, which puts its form first, a clean name of any size
    [[['Pie Kristapa', 39], ['SIA Kristaps un draugi', 28], ['Kr. Valdemara iela 95A, Sigulda', 27]], 'Pie Kristapa'],
  ] as [string, number][][][])('takes the name in large print over a company line that shares no word with it: %j', (header, name) => {
    const rows: [string, number][] = [...(header as [string, number][]), ['BREAD 2.00', 30], ['TOTAL 2.00', 30]];
    expect(parseReceipt(pageOfRows(rows), {}).merchant).toBe(name);
  });

  it.each([
    ['TAX INVOICE\nKEDAI MAJU\n(123456-X)\nNO. 5, JALAN BESAR', 'KEDAI MAJU'],
    ['WELCOME\nRECEIPT\nJoe\'s Diner\n12 Main Street', 'Joe\'s Diner'],
    ['6375SouthRainbowBlvd\nKOBESUSHIBISTRO\nLasVegas,NV89118', 'KOBESUSHIBISTRO'],
    ['642Midlandroad\nSUBWAY\nPhone 608-758-4560', 'SUBWAY'],
    ['real GmbH\nMarkt 1234\nHauptstr. 5, 40210 Düsseldorf', 'real GmbH'],
    ['|KEA\nIKEA Deutschland GmbH & Co. KG\nEinrichtungshaus Berlin', 'IKEA'],
    ['99 SPEED MART S/B (519537-X)\nLOT P.T. 2811, JALAN ANGSA,', '99 SPEED MART S/B'],
    ['PASARAYA BORONG PINTAR\nSDN BHD\nBR NO. :(124525-H)', 'PASARAYA BORONG PINTAR SDN BHD'],
    ['HOME MASTER HARDWARE &\nELECTRICAL\nNO.113G & 115G, JALAN SETIA', 'HOME MASTER HARDWARE & ELECTRICAL'],
    ['POPULAR BOOK\nCO. (M) SDN BHD\n(CO. NO. 113825-W)', 'POPULAR BOOK CO. (M) SDN BHD'],
    ['www.shop.example.com\nTel: +44 20 7946 0018\nThe Corner Shop\n1 High St', 'The Corner Shop'],
    ['VAT Reg No: GB123456789\nPRET A MANGER\n(Europe) Limited', 'PRET A MANGER (Europe) Limited'],
    ['USt-IdNr. DE123456789\nBäckerei Müller\nHauptstr. 3', 'Bäckerei Müller'],
    ['UID ATU12345678\nÖffnungszeiten\nMo-Sa 07:00-20:00\nSpar Markt Wien', 'Spar Markt Wien'],
    ['N° TVA intracom FR 12 345678901\nBienvenue chez\nFranprix\nRCS Paris B 123 456 789', 'Franprix'],
    ['SIRET 123 456 789 00012\nBoulangerie Paul\n12 rue de la Paix', 'Boulangerie Paul'],
    ['11/24/2025 7:42 PM\nBLUE BONNET GRILL\nAustin, TX 78701', 'BLUE BONNET GRILL'],
    ['ALDI SÜD\nALDI GmbH & Co. KG\nHauptstr. 1', 'ALDI SÜD'],
    ["RECEIPT\nBill's Diner\n12 Main St", "Bill's Diner"],
    ['Welcome to Walmart\nSupercenter #1234', 'Walmart'],
    // a chain's logo over the kind of business it is names the chain alone; other logos stacked on rows join
    ['COSTCO\nWHOLESALE\nMountain View #423', 'COSTCO'],
    // a logo written like a price ("real,-") goes on to no next row, as a name ending in "&" or "-" would
    ['real,-\nreal GmbH\nMarkt 12', 'real'],
    ['HOTEL ZUR POST &\nRESTAURANT\nDorfstr. 2', 'HOTEL ZUR POST & RESTAURANT'],
    ['WHOLE\nFOODS\nMARKET\n123 Main St', 'WHOLE FOODS MARKET'],
    // a logo on two rows that spell a chain between them; not a company line over a chain's shop
    ['Olive\nGarden\nItalian Restaurant\n1755 W 6th St', 'Olive Garden'],
    ['Save money. Live better.\nWalmart\n( 512 ) 555 - 0100', 'Walmart'],
    ['Expect More. Pay Less.\nTARGET\n512-555-0100', 'TARGET'],
    ['St. John\'s Pharmacy\n12 High St', 'St. John\'s Pharmacy'],
    ['#\nLIDL\nLidl Dienstleistung GmbH & Co. KG', 'LIDL'],
    ['Your cashier today was Anna\nTESCO\nExtra', 'TESCO'],
    ["JOE'S\nPIZZA\n12 Main St", "JOE'S PIZZA"],
    ["Sainsbury's\nSainsbury's Supermarkets Ltd\n33 Holborn", "Sainsbury's"],
    ['Bienvenue à\nLeclerc Drive', 'Leclerc Drive'],
    ['*** COPY ***\n===== THANK YOU =====\nTARGET\nT-1234', 'TARGET'],
    ['MORGAN\'S GRILL\nTIMELESS KITCHENETTE SDN BHD\nCOMPANY NO : 1174703-K', 'TIMELESS KITCHENETTE SDN BHD'],
    ['TAN MEI LING\nKEDAI BUKU SINAR (TAMAN JAYA) SDN BHD\n(CO.REG : 123456-X)\nLOT 5, JALAN BESAR,', 'KEDAI BUKU SINAR (TAMAN JAYA) SDN BHD'],
    ['LIM AH KOW\nSOON SENG HARDWARE ENTERPRISE\n(JM0123456-K)\nNO.5 JALAN PUTRA 1,', 'SOON SENG HARDWARE ENTERPRISE'],
    ['FRESH EVERY MORNING\nGreenleaf Provisions Ltd\n4 Market Square', 'Greenleaf Provisions Ltd'],
    ['ROSEWOOD\nROSEWOOD CONFECTIONERY & BAKERY S/B\nCOMPANY NO: 499702-V', 'ROSEWOOD CONFECTIONERY & BAKERY S/B'],
    ['MONOPRIX\nMonoprix Exploitation SAS\n52 avenue des Champs-Élysées', 'MONOPRIX'],
    ['TESCO\nTesco Stores Ltd\nExpress, 12 High Street', 'TESCO'],
    ['Café Central\nCentral Gastro GmbH\nHerrengasse 14', 'Café Central'],
    ['Pizza Express\nPizzaExpress (Restaurants) Ltd\n12 High St', 'Pizza Express'],
    ['CORNER DELI\n12 High Street\nLondon SW1A 1AA\nTel 020 7946 0018\nHarbour Foods Ltd', 'CORNER DELI'],
    ['Store#1458\nPandaExpress\nEUREKA,MO', 'PandaExpress'],
    ['STORE #NY-1104\nFIVE GUYS\nNew York, NY 10017', 'FIVE GUYS'],
    ['#Waka1(10)\nCharcoalGrillDiner\n823DenmanStreet', 'CharcoalGrillDiner'],
    ['Subway#15936-0 Phone 608-758-4560\n642Midlandroad', 'Subway#15936-0'],
    ['21E.12ST.NEWYORKNY10003 NUMPANGSANDWICHSHOP\n(212)255-3271', 'NUMPANGSANDWICHSHOP'],
    ['6375SouthRainbowBlvd KOBESUSHIBISTRO!!\n(702)898-9998', 'KOBESUSHIBISTRO!!'],
    ['******CASH******\n###COPY1###\nPMfarlia\n019-6000350', 'PMfarlia'],
    ['FECHA:\nBANCO DE BOGOTA\nRETIRO', 'BANCO DE BOGOTA'],
    ["and tell us about your visit.\nValidation Code:\nExpires 30 days after receipt date.\nMcDonald's Restaurant #10249\nHWY 441", "McDonald's Restaurant #10249"],
    ['UNIHAKKA INTERNATIONAL SDN BHD:\n18 Mar 2018 18:25', 'UNIHAKKA INTERNATIONAL SDN BHD'],
    ["AIK HUAT HARDUARE\nENTERFRISE (SETIA\nALAM) SUN’ BHO\n922737-X\nNG. 1?~G, JALAN SETIA INGAR", "AIK HUAT HARDUARE ENTERFRISE (SETIA ALAM) SUN’ BHO"],
    ['POPULAR BOOK\nCO. (M) SON BHD\n(Co. No. 113824-")', 'POPULAR BOOK CO. (M) SON BHD'],
    ['"\nChina Mobile Hong Kong Co. Ltd.\nInvoice and Receipt No.: 4439245\nCustomer Name: C Wong\nMobile No.: N/A', 'China Mobile Hong Kong Co. Ltd.'],
    ['Invoice No.: 4439245\npustomer Name: C Wong\nHarbour Books\n12 Quay St', 'Harbour Books'],
    ['Higner Stancards @ @\n- meijer\nLower Prices,\nHull Rd.\n(517) 244-1900\tmeijer.com', 'meijer'],
    ["DONINO'S PIZZA\nDOMINO'S PIZZA TAMAN UNIVERSITI\nNo.12, Jalan Kebudayaan 7\nwww.dominos.com.my", "DOMINO'S PIZZA TAMAN UNIVERSITI"],
    ['pyr\n1050 N. Hancock st\nPhiladelphia, PA 19123\nph 215-964-9009\nmF\tThank You for Visiting, PYT\nAmericas Craaaziest Burgers!', 'PYT'],
    ['196% GRASS-FEO BEEF\nBurger Craft\nTega Cay Village Shopping Center', 'Burger Craft'],
    ['OMAHA, NE #1012\nCOSTCO WHOLESALE\n12300 W Dodge Rd', 'Costco'],
    ['CHECK #263908-1\nONION PUB & BREWERY\nLake Barrington', 'ONION PUB & BREWERY'],
    ['WED JULY 20,2011\nONION PUB & BREWERY\nLake Barrington', 'ONION PUB & BREWERY'],
    ['Fei\nme\n99 SPEED MART S/B {519537-X)\t:\nLOT P.T, 2811, JALAN ANGSA,', '99 SPEED MART S/B'],
    ['HREDEEH VOUCHER BEFORE POINTS EXPIRY! *\nSegi Cash & Carry Sdn. kbd\n(317041-W)', 'Segi Cash & Carry Sdn. kbd'],
    ["Rovosy\nLAVENDER CONFECTIONERY & BAKERY 8/B'\nCOMPANY NO: 459702-V", "LAVENDER CONFECTIONERY & BAKERY 8/B'"],
    ['tan woon yann\nBOOK TA .K (TAMAN DAYA) SDN 8HD\n7891 7-W\nNO.5 55,57 & 59, JALAN SAGU 18,', 'BOOK TA .K (TAMAN DAYA) SDN 8HD'],
    ['BHPetro} Subang Airport\nJalan Lapangan Terbang Subang\n47200 Subang', 'BHPetro} Subang Airport'],
  ])('finds the name in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it.each([
    // OCR of a logo, a stamp or handwriting above the name, as Tesseract reads photos
    ['ee —\nKEDAI PAPAN SENG\n(0005583085-K)\nLOT 276 JALAN BANTING', 'KEDAI PAPAN SENG'],
    ['| g Of Ot 4\nSYARIKAT MAJU JAYA\n(81109-A)\nNO 290, JALAN AIR PANAS,', 'SYARIKAT MAJU JAYA'],
    ['HOen&\n41020 |\nBlue Harbour Café\n12 Quay Street', 'Blue Harbour Café'],
    ['Axo dige\nPERNIAGAAN HUI SENG\nNO.59 JALAN PERMAS 9/5', 'PERNIAGAAN HUI SENG'],
    ['TT eee\n¢?\nB & BEST RESTAURANT\n(001610235-P)', 'B & BEST RESTAURANT'],
    ['».ae\na\n@ |\nEDEKA Markt Schulz\nHauptstraße 5', 'EDEKA Markt Schulz'],
    ['~ —y\nAOYIry\nRIMI LATVIA SIA\nBrīvības iela 12, Rīga', 'RIMI'],
    ['ZS 1R0Z oY\nJoe\'s Diner\n12 Main St', "Joe's Diner"],
    ['ay wPtoa UA bs\nDOMINGO TACOS\n12 Main St', 'DOMINGO TACOS'],
    ['DIA\nCalle Ancha 22\n28001 Madrid', 'DIA'],
    // scraps in cells of their own after the name; a short cell before it may be a word of it
    ["DOMINO'S PIZZA\ta\n12 Main St", "DOMINO'S PIZZA"],
    ['Panera Bread\tFo\n12 Main St', 'Panera Bread'],
    ['ROYAL OAK\tG#Rd\n12 Main St', 'ROYAL OAK G#Rd'],
    ['14 FIVE\tG#Ys\n12 Main St', 'Five Guys'],
    ['Ta\tMahal\n17 the Crescent, Abbey Wood', 'Ta Mahal'],
    // and before it, scraps of small letters or a lone capital; a capital word or a number may start it
    ['oe\tThe Shoppes at Marina Bay Sands\n10 Bayfront Ave', 'The Shoppes at Marina Bay Sands'],
    ['‘a |\tRETRO JUNCTION\n12 Main St', 'RETRO JUNCTION'],
    ['E\tHARVARD GARDENS\n12 Main St', 'HARVARD GARDENS'],
    ['99\tSPEED MART\nJalan Ipoh, Kuala Lumpur', '99 SPEED MART'],
    // a logo's stroke read as a small word before the name in capitals; a small word of the name stays
    ['ee THE CHEESECAKE FACTORY\n1234 Main St', 'THE CHEESECAKE FACTORY'],
    ["it _TRADER JOE'S\n1234 Main St", "TRADER JOE'S"],
    ['le PAIN QUOTIDIEN\n12 Rue Cler, 75007 Paris', 'le PAIN QUOTIDIEN'],
    ['dm-drogerie markt\nHauptstr. 3, 10115 Berlin', 'dm-drogerie markt'],
    // the kind of business on the row below, spaced or glued; a kind alone names no shop
    ['CHO EUN\né\tKOREAN RESTAURANT\n2621 ORANGETHORPE AVE, FULLERTON', 'CHO EUN KOREAN RESTAURANT'],
    ['CHOEUN\nKOREANRESTAURANT\n2621ORANGETHORPEAVE,FULLERTON.', 'CHOEUN KOREANRESTAURANT'],
    ['MIAMI SCIENCE\nMUSEUM\n3280 South Miami Ave', 'MIAMI SCIENCE MUSEUM'],
    ['TAJ MAHAL\nSUNDAY BUFFET\n17 the Crescent', 'TAJ MAHAL SUNDAY BUFFET'],
    ["BloodyMary's\nRestaurant&Bar\nEST1979", "BloodyMary's Restaurant&Bar"],
    ['Trattoria Bella\n12 Via Roma, 00100 Roma', 'Trattoria Bella'],
    ['To Go Sushi\n12 Main St', 'To Go Sushi'],
    ['Covers Cafe\n12 Main St', 'Covers Cafe'],
    // a kind of place alone, over its name; over an address or items it stays as it is
    ['RESTAURANT\nPICCADILLY\nBANGKOK MASALA\nTABLE: 3', 'RESTAURANT PICCADILLY'],
    ['HOTEL\nAdlon Kempinski\nUnter den Linden 77, 10117 Berlin', 'HOTEL Adlon Kempinski'],
    ['RESTAURANT\n7377 S. JONES BLVD, #116\nLAS VEGAS, NV 89139', 'RESTAURANT'],
    ['Restaurant\nBretonischer Ring\n85630 Grasbrunn', 'Restaurant'],
    // a phone printed after the name on its row; an @ beside a logo is no e-mail
    ['SHELL KINGSWAY 01382443110\nKINGSWAY EAST, DUNDEE', 'SHELL KINGSWAY'],
    ['Casa Pepe Tel. 91 123 45 67\nCalle Mayor 5, 28013 Madrid', 'Casa Pepe'],
    ['Woolworths @)\nThe fresh food people\nWEST RYDE PH: 02 9308 7346', 'Woolworths'],
    ['| Taj Mahal |\n17 the Crescent, Abbey Wood', 'Taj Mahal'],
    // a brand its company line names again, however its logo reads; a chain's company line alone gives the chain
    ['~~ ¥ ==\nREWE\nREWE Markt GmbH\nDomstr. 20\n50668 Köln', 'REWE'],
    ['real\nreal GmbH\nMarkt 1234\nAm Kaiserkai 1\n20457 Hamburg', 'real'],
    ['=: ©\nSIA MAXIMA LATVIJA\nTalejas iela 1, Rīga', 'MAXIMA'],
    // a brand over its national company, which adds only the country
    ['NARVESEN\nSIA "Narvesen Latvija"\nStacijas laukums 2, Rīga', 'NARVESEN'],
    ['CIRCLE K\nSIA "Circle K Latvia"\nDuntes iela 6, Rīga', 'CIRCLE K'],
    ['SPAR\nSPAR Österreich Warenhandels-AG\nEuropastraße 3, 5015 Salzburg', 'SPAR'],
    // a greeting misread by OCR, a guest number above the name
    ['WELCOME 10 SAFEWAY!\nGROCERY\nNV CASHEW ROASTED 10.00', 'SAFEWAY!'],
    ['YOUR GUEST NUMBER IS\n57\nIN-N-OUT BURGER GRANTS PASS\nCashier: MACKENZIE', 'IN-N-OUT BURGER GRANTS PASS'],
    // headers glued without spaces
    ['CUSTOMERCOPY\nWAL*MART1044\n5050TROUPHWY', 'WAL*MART1044'],
    ['THANKYOUFORVISITING\nKOBESUSHIBISTRO!!\n12MAINST', 'KOBESUSHIBISTRO!!'],
    ['CheckNo.:1\nEDWARDSDRIVEIN\nFeb11.2012 10:03am', 'EDWARDSDRIVEIN'],
    // a row below the address is a city or a branch, not the name
    ['CARREFOUR RESTAURANT\n18,JALAN PERMAS 10/7\nMASAI,JOHOR', 'CARREFOUR RESTAURANT'],
  ])('passes over the scraps above the name in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it.each([
    ['KEDAI MAJU JAYA SDN BHD\n(123456-X)\nNO. 5, JALAN BESAR', true],
    ['Bäckerei Müller GmbH\nHauptstr. 3, 10115 Berlin', true],
    ['RIMI LATVIA SIA\nBrīvības iela 12, Rīga', true],
    ['SIA "RIMI LATVIA"\nA. Deglava iela 161, Rīga', true],
    ['real\nreal GmbH\nAm Kaiserkai 1', true],
    ['oy Fos\n99 SPEED MART S/B\nLOT P.T. 2811, JALAN ANGSA,', false],
    ['PASARAYA BORONG PINTAR\nSDN BHD\nBR NO. :(124525-H)', true],
    ['saras\n(Thailand) Co., Ltd.\n15, 1st Floor, Sukhumvit Soi 20,', true],
    ['BLUE BONNET GRILL\nAustin, TX 78701', true],
    ['Thai Orchid Restaurant LLC\n12 Main St', true],
    // a logo OCR could not read may be the brand; a fragment, a misread sign or a lone brand is no sure name
    ['ee —\nKEDAI MAJU JAYA SDN BHD\n(123456-X)', false],
    ['POPULAR BOOK\nCO. (M) SDN BHD\n(CO. NO. 113825-W)', true],
    ['GARDENIA BAKERIES (KL) SDN BILD\nLot 3, Jalan Pelabur 23/1,', true],
    ['31803030\nCO. (M) SON BHD\nNo 8, Jalan 7/118B, Desa Tun Razak', false],
    ['MQ. O.T.%. (M) SDN BHD\nLOT 1851-A, JALAN KPB 6,', false],
    ['TARGET\n512-555-0100', false],
    ['RESTAURANT\n12 Main St', false],
    // a logo's tagline, its name unread
    ['Chinese Restaurant\n5469 Broadway\nHouston, TX 77002', false],
    // a company line over a chain's name: either may be what the user files it under
    ["GERBANG RESTAURANTS SDN BHD\nMcDonald's Nong Chik DT\nNO 5, JALAN BESAR", false],
    ['TRI SHAAS SDN BHD (728515-M)\nMYDIN MART SRI MUDA\n4-20, JALAN RIA 25/62', false],
  ])('is sure of the name in %j: %s', (header, sure) => {
    const receipt = parseReceipt(pageFromText(`${header}\nBREAD 2.00\nTOTAL 2.00`), {});
    expect(receipt.confidence.merchant >= 0.8).toBe(sure);
  });

  it.each([
    // a chain's name under a logo's scraps, in a cell of its own, written as the chain writes it when OCR misspelt it
    ['/\tF\teg Bae, bs fb\nSete ere.\nBe Ser i, Ax\n.\tPanera Bread\tSrtoeet\nCafe 1771\tWeve\nPalm Desert, CA 92211', 'Panera Bread'],
    ['99 SPEED Hart &igy-0 By\nLOT P.T. 2811, JALAN ANGSA,', '99 Speed Mart'],
    ['Steak I ‘n Shake Shake Not Nos!\n1234 Main St', "Steak 'n Shake"],
    ['ee,\tCalifo\ni\t& WBUAY’\nme\tSubway#1926-0 Phone 858-673-8362\n11983 Bernardo Plaza Dr.', 'Subway#1926-0'],
    // spelt right on a clean row, it stays as printed; a company line stays the name, above the brand or spelling it
    ["McDonald's Restaurant #10249\n1234 Main St", "McDonald's Restaurant #10249"],
    // a row printing the chain otherwise than it is called, under a logo OCR could not read
    ['|\nDRESS FOR LESS\nSANTA CLARA, CA\nPhone: 408-248-9440', 'Ross'],
    // a chain's name is whole: the kind of business under it is its logo's, unless the two spell a longer chain
    ['COSTCO\nWHOLESALE\nOMAHA, NE #1012', 'COSTCO'],
    ['WHOLE FOODS\nMARKET\n1234 Main St', 'WHOLE FOODS MARKET'],
    ['IKANO HANDEL SDN BHD\n(No. 1234-X)\nIKEA CHERAS\nNO 2A JALAN COCHRANE', 'IKANO HANDEL SDN BHD'],
    ['TRI SHAAS SDN BHD (728515-M)\nMYDIN MART SRI MUDA\n4-20, JALAN RIA 25/62', 'TRI SHAAS SDN BHD'],
    ['MR. D.I.Y¥. (M) SDN BHD\nLOT 1851-A, JALAN KPB 6,', 'MR. D.I.Y¥. (M) SDN BHD'],
    // a chain's name over its operator's company line is the shop's
    ['Jollibee\nEntrek (B) Sdn.Bhd.\nYayasan Complex B08', 'Jollibee'],
    ['FAMILYMART\nMAXINCOME RESOURCES SDN BHD (383322-D)\nNO 16A, JALAN ASTAKA U8/83', 'FAMILYMART'],
  ])('knows a chain by its name in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it.each([
    ["Layton\nLayton, UT 84041\n(801) 497-0698\nDRESS 2.40\nTOTAL 2.40\nTHANK YOU FOR SHOPPING AT KOHL 'S", "Kohl's", 0.4],
    // a clean row starting with the chain's name is the name as printed, as in a header
    ['Nt... it\nRECEI\nTICKET 5.50\nTOTAL 5.50\nNJ TRANSIT Rail', 'NJ TRANSIT Rail', 0.4],
    // not over a header that names a chain or spells it glued, nor from an item's or a cashier's name one letter off
    ["PANERA BREAD\n12 Main St\nBREAD 2.40\nTOTAL 2.40\nThank you for visiting Panera Bread", 'PANERA BREAD', 0.75],
    ['ShellCanada\n12 Main St\nFUEL 2.40\nTOTAL 2.40\nThank you for choosing Shell', 'ShellCanada', 0.7],
    ['Joes Place\n12 Main St\nMUTTON CURRYS 2.40\nTOTAL 2.40\nCashier: JASON MARSHALL', 'Joes Place', 0.7],
  ])('takes a chain the foot of %j names when the header names none', (body, name, confidence) => {
    const receipt = parseReceipt(pageFromText(body), {});
    expect({ merchant: receipt.merchant, confidence: receipt.confidence.merchant }).toEqual({ merchant: name, confidence });
  });

  it.each([
    // the chain a company line names, as the line prints it
    ['Lidl Vertriebs-GmbH & Co. KG\nAm Rathaus 61b\n53111 Bonn', 'Lidl'],
    ['EDEKA Hoffmann e.K.\nHauptstr. 3\n10115 Berlin', 'EDEKA'],
    ['SIA "Narvesen Latvija"\nStacijas laukums 2, Rīga', 'Narvesen'],
    ['SIA "Drogas"\nStacijas laukums 2, Rīga', 'Drogas'],
    // its form with an O read as a nought, or carried over to the next row after its "&"
    ['ALDI SUD Dienstleistungs-SE & Co. 0HG\nHauptstr. 1\n45128 Essen', 'ALDI'],
    ['Kaufland Dienstleistung GmbH &\nCo. KG\nMühlenweg 5b', 'Kaufland'],
    ['ALDI SUD Dienstleistungs-SE & Co.\nOHG\nFiliale 4683', 'ALDI'],
    ['EDEKA Koch e K\nFiliale 4870\nGewerbepark 73', 'EDEKA'],
    ['Sainsbury\'s Supermarkets Ltd\n33 Holborn, London', "Sainsbury's"],
    // after a company form first, the name before the words that say it is a company
    ['SIA LaTS Veikali\nBrīvības iela 12, Rīga', 'LaTS'],
    ['SIA TOP Veikali\nMaskavas iela 227, Rīga', 'TOP'],
    // a company that is no chain, or says nothing more than its name, stays as printed; in Malaysia the company is the name
    ['Bäckerei Müller GmbH\nHauptstr. 3, 10115 Berlin', 'Bäckerei Müller GmbH'],
    ['SIA Marie un Ko\nTērbatas iela 5, Rīga', 'SIA Marie un Ko'],
    ['MR D.I.Y. (M) SDN BHD\n(860671-D)\nLOT 1851-A & 1851-B, JALAN KPB 6', 'MR D.I.Y. (M) SDN BHD'],
    ['99 SPEED MART S/B (519537-X)\nLOT P.T. 2811, JALAN ANGSA', '99 SPEED MART S/B'],
  ])('names the chain, not its company, in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it.each([
    // a clean row below repeating the name's start alone shows where it ends: the rest was a logo's or a stamp's edge
    ["Applebee's Sux\nAPPLEBEE'S\nNEIGHBORHOOD GRILL & BAR\n610 W Nicholson Rd.", "Applebee's"],
    ['Banco de Bogota G\tyrs G\nBanco de Bogate\nCAJERO NRO 02773', 'Banco de Bogota'],
    // a branch after the chain's name goes too; a row that differs in a word cuts nothing
    ['CAFE NERO DUBAI MALL\nCAFE NERO\nFinancial Centre Rd', 'CAFE NERO'],
    ['THE COFFEE HOUSE\nTHE COFFEE SHOP\n12 Main St', 'THE COFFEE HOUSE'],
  ])('cuts the name where a row below repeats it, in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it.each([
    // a logo's letters spaced wrong, spelt out below
    ['THERE AL\nThe Real Greek Hoxton\n14-15 Hoxton Market', 'The Real Greek Hoxton'],
    // not a name the row only repeats before its branch, nor one whose words the row splits
    ['NOVOTEL\nNOVOTEL PEKANBARU\nJl. Jend. Sudirman 123', 'NOVOTEL'],
    ['Jollibee\nJol libee Yayasan Complex\nBandar Seri Begawan', 'Jollibee'],
  ])('takes the row below that spells out a misspaced logo, in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it('takes a chain named in small print over a larger row OCR misread ("FAKE OUT" for TAKE OUT)', () => {
    const rows: [string, number][] = [['BAJA FRESH', 9], ['A', 5], ['I0RM', 9], ['FAKE OUT', 14], ['YAVMENT', 8], ['BREAD 2.00', 9], ['TOTAL 2.00', 9]];
    expect(parseReceipt(pageOfRows(rows), {}).merchant).toBe('BAJA FRESH');
  });

  it.each([
    // a fuel brand, then "Station" and its tenant or town: the brand
    ['Aral Tankstelle Fischer\nHauptstr. 1\n45128 Essen', 'Aral'],
    ['Shell Station Essen\nHauptstr. 1\n45128 Essen', 'Shell'],
    // the kind alone after it stays, and a shop's "Markt" is part of its name
    ['ARAL Tankstelle\nHauptstr. 1\n45128 Essen', 'ARAL Tankstelle'],
    ['EDEKA Markt Schulz\nHauptstraße 5', 'EDEKA Markt Schulz'],
    // a Latvian chain's shop and where it is
    ['ELVI veikals "Origo"\nUlmana gatve 156, Riga', 'ELVI'],
  ])('names a fuel station by its brand in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it('reads a name whose bracket opens on the row above', () => {
    expect(merchantOf('AIK HUAT HARDWARE\nENTERPRISE (SETIA\nALAM) SDN BHD\nNO. 17-G, JALAN SETIA INDAH')).toBe('AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD');
  });

  it.each([
    // a street glued to its kind ("Musterstraße 12", "Kalverstraat 92", "Brīvības iela 12"), a currency's code over the prices
    ['ee ~\nMusterstraße 12\n50667 Köln\nEUR', null],
    ['Kalverstraat 92\nEUR', null],
    ['Brīvības iela 12\nEUR', null],
    // a parkway or freeway, a staff member's role, a request for feedback
    ['5 2736 Countrywood Pkwy\nWake Forest, NC 27587', null],
    // an English county, its postcode misread ("LE65" as "LEGS")
    ['Lejestershire LEGS 2FH\n12/11/2014', null],
    ['Employee: Desia D\nCOLLECTOR: 8502\n12/11/2014', null],
    ['WANT YOUR FEEDBACK?\nTake our survey', null],
  ])('takes no street, currency code, role or request for the name in %j', (header, name) => {
    expect(merchantOf(header)).toBe(name);
  });

  it('takes the company line at the foot when the top names no shop, without being sure of it', () => {
    const body = 'Ne] =\n| ee\nMusterstraße 12\n50667 Köln\nEUR\nBANANE 1,49 B\nSUMME EUR 1,49\nGeg. EC-Cash EUR 1,49\n12.11.2025 14:32\nREWE Markt GmbH';
    const receipt = parseReceipt(pageFromText(body), {});
    expect({ merchant: receipt.merchant, sure: receipt.confidence.merchant >= 0.8 }).toEqual({ merchant: 'REWE', sure: false });
    // Not over a name the top gives, nor a footer that is no company.
    expect(parseReceipt(pageFromText(`EDEKA Schulz\n${body}`), {}).merchant).toBe('EDEKA Schulz');
    expect(parseReceipt(pageFromText(body.replace('REWE Markt GmbH', 'Vielen Dank')), {}).merchant).toBeNull();
  });

  it('finds no name when the top holds only numbers and headers', () => {
    expect(merchantOf('TAX INVOICE\n12345678\n01/02/2025')).toBeNull();
  });
});
