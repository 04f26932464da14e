import { describe, expect, it } from 'vitest';
import { isScrap, isWeakText, readRowWords } from '../../utils/receipt-parser/row-words';

const judge = (text: string): 'scrap' | 'weak' | 'text' => {
  const row = readRowWords(text);
  return isScrap(row) ? 'scrap' : isWeakText(row) ? 'weak' : 'text';
};

describe('row words', () => {
  it.each([
    // OCR of logos, stamps and handwriting
    ['ea', 'scrap'],
    ['TT eee', 'scrap'],
    ['HOen&', 'scrap'],
    ['AOYIry', 'scrap'],
    ['HO304H', 'scrap'],
    ['| g Of Ot 4', 'scrap'],
    ['3 \\Gor oir ~', 'weak'],
    ['ZS 1R0Z oY', 'scrap'],
    ['Axo dige', 'weak'],
    ['ia bee OV', 'weak'],
    ['sce', 'weak'],
    ['ay wPtoa UA bs', 'scrap'],
    ['‘Woy OW A we', 'weak'],
    ['KFC', 'text'],
    ['A & W', 'scrap'],
    ['B & BEST RESTAURANT', 'text'],
    // printed names, several countries' conventions
    ['PERNIAGAAN ZHENG HUI', 'text'],
    ['MR. D.I.Y. (M) SDN BHD', 'text'],
    ['99 SPEED MART S/B', 'text'],
    ["McDonald's", 'text'],
    ['CVS/pharmacy', 'text'],
    ['CHOEUNKOREANRESTAURANT', 'text'],
    ['PizzaHutRestaurantSdn.Bhd', 'text'],
    ['Store#1458', 'text'],
    ['Bäckerei Müller', 'text'],
    ['IKEA Deutschland GmbH & Co. KG', 'text'],
    ['Maxima LT, UAB', 'text'],
    ['Dallmayr Gastronomie GmbH', 'text'],
    ['Autogrill Italia S.p.A.', 'text'],
    ['SIA RIMI LATVIA', 'text'],
    ['Café de la Paix', 'text'],
    ['全家便利商店', 'text'],
    ['ПЯТЁРОЧКА', 'text'],
  ])('reads %j as %s', (text, expected) => {
    expect(judge(text)).toBe(expected);
  });
});
