import { describe, expect, it } from 'vitest';
import { findBrand } from '../../utils/receipt-parser/brands';

describe('findBrand', () => {
  it.each([
    ['Panera Bread', { brand: 'Panera Bread', exact: true }],
    ['PaneraBread Cafe 2263', { brand: 'Panera Bread', exact: true }],
    ['Subway#1926-0 Phone 858-673-8362', { brand: 'Subway', exact: true }],
    ["DOMINO'S PIZZA", { brand: "Domino's", exact: true }],
    ['MĒNESS APTIEKA', { brand: 'Mēness aptieka', exact: true }],
    ['Meness aptieka Nr. 12', { brand: 'Mēness aptieka', exact: true }],
    ['99 SPEED MART S/B (519537-X)', { brand: '99 Speed Mart', exact: true }],
    // a letter misread, added or dropped in a name of eight letters or more
    ['99 SPEED Hart &igy-0 By', { brand: '99 Speed Mart', exact: false }],
    ['Steak I ‘n Shake Shake Not Nos!', { brand: "Steak 'n Shake", exact: false }],
    ['TN-N-OUT BURGER SANTA CLARA', { brand: 'In-N-Out Burger', exact: false }],
    ['SPEEDWAY HOR666T', { brand: 'Speedway', exact: true }],
    // a possessive's s set apart
    ["THANK YOU FOR SHOPPING AT KOHL 'S", { brand: "Kohl's", exact: true }],
    // the longest name the row spells
    ['Ross Dress for Less', { brand: 'Ross', exact: true, renamed: true }],
    // as its receipts print it, written as the chain is called
    ['DRESS FOR LESS', { brand: 'Ross', exact: true, renamed: true }],
    ['COSTCO WHOLESALE #1012', { brand: 'Costco', exact: true, renamed: true }],
    ['COSTCO', { brand: 'Costco', exact: true }],
    // restaurant chains of the United States, bakeries of Germany
    ['BAJA FRESH', { brand: 'Baja Fresh', exact: true }],
    ["MENCHIE'S RANCHO CUCAMONGA", { brand: "Menchie's", exact: true }],
    ['Hans im Gluck', { brand: 'Hans im Glück', exact: true }],
  ])('finds the chain in %j', (text, expected) => {
    expect(findBrand(text)).toEqual(expected);
  });

  it.each([
    // a short name misread is another word
    ['SUNWAY VELOCITY'],
    ['Server: Maria P'],
    // only whole words: a name inside a longer word is no name
    ['SUBWAYS'],
    ['HOTEL NOVOTELIA'],
    // nor a word cut in two: "Neste" is one word
    ['4730 Pan American East Fwy NE Ste D'],
    // nothing like a chain
    ['TWISTED ROOT BURGER CO. - RICHARDSON'],
    ['1234 Main St'],
    [''],
    ['€ 12,50 **** ####'],
  ])('finds none in %j', (text) => {
    expect(findBrand(text)).toBeUndefined();
  });
});

describe('findBrand, names spelt right only', () => {
  it.each([
    ['THANK YOU FOR SHOPPING AT KOHL \'S', "Kohl's"],
    ['www.panerabread.com Panera Bread', 'Panera Bread'],
    ['99 SPEED Hart &igy-0 By', undefined],
    ['Steak I ‘n Shake', undefined],
  ])('reads %j as %j', (text, brand) => {
    expect(findBrand(text, true)?.brand).toBe(brand);
  });
});
