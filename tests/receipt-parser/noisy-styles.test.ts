import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { pageFromPlainText, pageFromText } from './pages';

const today = new Date(2025, 11, 1);

/** Receipts in the styles of US restaurants, German and Latvian shops, clean and as a photo's OCR reads them. */
const CASES: ReadonlyArray<{ name: string; receipt: string; merchant: string; total: string }> = [
  {
    name: 'US diner with Amount Due and a tip line',
    receipt: `DENNY'S #7731\n2100 Main St\nDallas, TX 75201\n11/02/2025 08:14 PM\nSERVER: MARIA\n2 PANCAKE PLATTER  17.98\n1 COFFEE  2.49\nSUBTOTAL  20.47\nTAX  1.69\nAMOUNT DUE  22.16\nTIP ________\nTOTAL ________`,
    merchant: "DENNY'S #7731",
    total: '22.16',
  },
  {
    name: 'US bar with Balance Due after a card payment, OCR noise',
    receipt: `~ .,\nTHE RUSTY ANCHOR\n45 Harbor Rd, Boston MA\nChk 4412  Tbl 7\n10/18/2025 9:02PM\n2 IPA DRAFT  14.00\n1 WINGS  12.50\nSub Tota1  26.50\nSales Tax  1.66\nBa1ance Due  $28.16\nVISA  28.16\nTip: _____`,
    merchant: 'THE RUSTY ANCHOR',
    total: '28.16',
  },
  {
    name: 'US cafe whose dollar signs OCR read as S',
    receipt: `PANERA BREAD #204\nBoston MA\nSoup  6.99\nSandwich  9.49\nSubtotal  S16.48\nTax  S1.15\nTotal  S17.63\nVISA  S17.63`,
    merchant: 'PANERA BREAD #204',
    total: '17.63',
  },
  {
    name: 'German supermarket real GmbH with Summe EUR, BAR and Rückgeld',
    receipt: `real GmbH\nMarkt 1234\nHauptstr. 5, 40210 Düsseldorf\nMILCH 1,5%  0,99 A\nBROT  2,49 A\nKAFFEE  6,99 A\nSUMME EUR  10,47\nBAR  20,00\nRückgeld  9,53\nMwSt%  Netto  MwSt  Brutto\nA 7%  9,79  0,68  10,47\n12.11.2025  14:32`,
    merchant: 'real GmbH',
    total: '10.47',
  },
  {
    name: 'German furniture store IKEA Deutschland GmbH under a logo, zu zahlen',
    receipt: `|KEA\nIKEA Deutschland GmbH & Co. KG\nEinrichtungshaus Berlin-Tempelhof\nBILLY Regal  49,00\nKALLAX Einsatz  15,00\nGesamtbetrag  64,00\nzu zahlen EUR  64,00\nKartenzahlung  64,00\nMwSt 19%  10,22\n05.11.2025 11:20`,
    merchant: 'IKEA',
    total: '64.00',
  },
  {
    name: 'Latvian grocery with Kopā, PVN and EUR',
    receipt: `SIA "RIMI LATVIA"\nVeikals Rimi Teika\nBrīvības gatve 372, Rīga\nPiens 2%  1,19\nMaize  0,89\nSiers  3,45\nKopā EUR  5,53\nPVN 21%  0,96\nSamaksāts karte  5,53\n14.11.2025 18:07`,
    merchant: 'RIMI',
    total: '5.53',
  },
  {
    name: 'Latvian shop with Summa apmaksai and cash change, OCR noise',
    receipt: `MAXIMA LATVIJA SIA\nVeikals Nr. 12\nKafija  4,99\nCepumi  1,25\nSumma apmaksai EUR  6,24\nSkaidra nauda  10,00\nAtlikums  3,76\nPVN 21 %  1,08\n03.10.2025 10:44`,
    merchant: 'MAXIMA',
    total: '6.24',
  },
  {
    name: 'German supermarket read from a photo: logo lost, Summe and Rückgeld misread, the company at the foot',
    receipt: `Ne] =\n| ee\nMusterstraße 12\n50667 Köln\nEUR\nBANANE CHIQUITA  1,49 B\nMILCH 3,5%  1,15 B\nSUNME  2,64\nGeg. Bar  5,00\nRiickgeld  2,36\n12.11.2025 14:32\nREWE Markt GmbH`,
    merchant: 'REWE',
    total: '2.64',
  },
  {
    name: 'Latvian grocery with a discount, the total without VAT above the total, and cash paid',
    receipt: `SIA "RIMI LATVIA"\nBrīvības gatve 372, Rīga\nPiens 2%  1,19\nMaize  0,89\nAtlaide  -0,20\nKopā bez PVN  1,55\nPVN 21%  0,33\nKopā  1,88\nSamaksāts skaidrā naudā  5,00\nAtlikums  3,12\n14.11.2025 18:07`,
    merchant: 'RIMI',
    total: '1.88',
  },
];

describe('parseReceipt on US, German and Latvian receipts, clean and noisy', () => {
  it.each(CASES.flatMap((c) => [pageFromText, pageFromPlainText].map((build, i) => ({ ...c, build, layout: i === 0 ? 'tabs' : 'plain' }))))(
    '$name ($layout)',
    ({ receipt, merchant, total, build }) => {
      const parsed = parseReceipt(build(receipt), { today });
      expect({ merchant: parsed.merchant, total: parsed.total }).toEqual({ merchant, total });
    },
  );
});
