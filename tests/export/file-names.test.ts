import { describe, expect, it } from 'vitest';
import { originalFileName, sanitizeFileName } from '../../utils/export/file-names';

describe('sanitizeFileName', () => {
  it.each([
    ['receipt.jpg', 'receipt.jpg'],
    ['2018-12-25 Book Ta K.jpg', '2018-12-25 Book Ta K.jpg'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows_win.ini'],
    ['/absolute/path.png', 'absolute_path.png'],
    ['a/./b', 'a_b'],
    ['\u0000\u001f', 'receipt'],
    ['re\u0000ce\u001fipt\u007f\u0085.png', 'receipt.png'],
    ['line\r\nbreak.jpg', 'linebreak.jpg'],
    ['a<b>c:d"e|f?g*h.jpg', 'a_b_c_d_e_f_g_h.jpg'],
    ['name. . .', 'name'],
    ['name.jpg...   ', 'name.jpg'],
    ['  spaced   out  .jpg', 'spaced out .jpg'],
    ['.hidden', 'hidden'],
    ['...', 'receipt'],
    ['', 'receipt'],
    ['   ', 'receipt'],
    ['CON', '_CON'],
    ['CON.jpg', '_CON.jpg'],
    ['con.tar.gz', '_con.tar.gz'],
    ['Nul', '_Nul'],
    ['aux .txt', '_aux .txt'],
    ['COM1.png', '_COM1.png'],
    ['lpt9', '_lpt9'],
    ['COM0.png', 'COM0.png'],
    ['CONSOLE.jpg', 'CONSOLE.jpg'],
    ['LPT10', 'LPT10'],
    ['Café 🧾 Kopi.jpg', 'Café 🧾 Kopi.jpg'],
    ['Cafe\u0301.jpg', 'Café.jpg'],
  ])('turns %j into %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('truncates a 300-character name to 120 and keeps the extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(300)}.jpeg`);
    expect(name).toBe(`${'a'.repeat(115)}.jpeg`);
    expect(name.length).toBe(120);
  });

  it.each([
    ['emoji', `${'🧾'.repeat(100)}.jpg`, `${'🧾'.repeat(58)}.jpg`],
    ['family emoji', `x${'👨‍👩‍👧'.repeat(30)}.png`, `x${'👨‍👩‍👧'.repeat(14)}.png`],
  ])('cuts %s at a whole character', (_, input, expected) => {
    const name = sanitizeFileName(input);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(120);
  });

  it('drops the space a cut leaves before the extension', () => {
    expect(sanitizeFileName(`${'ab '.repeat(50)}.jpg`, 121)).toBe(`${'ab '.repeat(38)}ab.jpg`);
  });

  it.each([
    ['a custom limit', 'receipt-from-the-shop.png', 12, 'receipt-.png'],
    ['a name without extension', 'x'.repeat(30), 10, 'xxxxxxxxxx'],
    ['an extension longer than the limit', `a.${'b'.repeat(10)}`, 8, 'a.bbbbbb'],
    ['a cut that would make a reserved name', 'CONSOLE.jpg', 7, '_CO.jpg'],
  ])('respects %s', (_, input, maxLength, expected) => {
    expect(sanitizeFileName(input, maxLength)).toBe(expected);
  });

  it('refuses a limit too small for any name', () => {
    expect(() => sanitizeFileName('x', 3)).toThrow('sanitizeFileName needs maxLength >= 7, got 3');
  });
});

describe('originalFileName', () => {
  const capturedAt = new Date(2024, 0, 5, 12, 30).getTime();

  it.each([
    [{ date: '2018-12-25', merchant: 'BOOK TA .K (TAMAN DAYA) SDN BHD', capturedAt }, 'jpg', '2018-12-25 Book Ta K Taman Daya Sdn Bhd.jpg'],
    [{ date: '2019-03-01', merchant: "McDonald's Westfield", capturedAt }, '.png', '2019-03-01 McDonalds Westfield.png'],
    [{ date: null, merchant: 'Tesco', capturedAt }, 'pdf', '2024-01-05 Tesco.pdf'],
    [{ date: '25/12/2018', merchant: 'Tesco', capturedAt }, 'jpg', '2024-01-05 Tesco.jpg'],
    [{ date: '2018-12-25', merchant: null, capturedAt }, 'jpg', '2018-12-25 receipt.jpg'],
    [{ date: '2018-12-25', merchant: '***', capturedAt }, 'JPG', '2018-12-25 receipt.jpg'],
    [{ date: '2018-12-25', merchant: '../../etc/passwd', capturedAt }, 'jpg', '2018-12-25 etc passwd.jpg'],
    [{ date: '2018-12-25', merchant: 'ÉPICERIE DU MARCHÉ', capturedAt }, 'webp', '2018-12-25 Épicerie Du Marché.webp'],
    [{ date: '2018-12-25', merchant: 'M&S Food', capturedAt }, 'jpg', '2018-12-25 M&S Food.jpg'],
    [{ date: '2018-12-25', merchant: 'MARKS&SPENCER', capturedAt }, 'jpg', '2018-12-25 Marks&Spencer.jpg'],
    [{ date: '2018-12-25', merchant: '7-ELEVEN MALAYSIA', capturedAt }, 'jpg', '2018-12-25 7 Eleven Malaysia.jpg'],
    [{ date: '2018-12-25', merchant: 'Shop', capturedAt }, '', '2018-12-25 Shop'],
  ])('names %j with extension %j as %j', (receipt, extension, expected) => {
    expect(originalFileName(receipt, extension)).toBe(expected);
  });

  it('keeps a long merchant within 120 characters and keeps the extension', () => {
    const name = originalFileName({ date: '2018-12-25', merchant: 'WORD '.repeat(60), capturedAt }, 'jpg');
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toMatch(/^2018-12-25 (Word )+Word\.jpg$/);
  });
});
