import { describe, expect, it } from 'vitest';
import { originalFileName, sanitizeFileName } from '../../utils/export/file-names';

describe('sanitizeFileName on hostile names', () => {
  it.each([
    ['../../../etc/passwd', 'etc_passwd'],
    ['../', 'receipt'],
    ['../'.repeat(100), 'receipt'],
    ['a/../../b.jpg', 'a_b.jpg'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['C:\\Windows\\System32\\cmd.exe', 'C__Windows_System32_cmd.exe'],
    ['\\\\server\\share\\x.png', 'server_share_x.png'],
    ['file://host/x', 'file__host_x'],
    ['rec\u0000eipt\u0007.jpg', 'receipt.jpg'],
    ['tab\there\r\n.jpg', 'tabhere.jpg'],
    ['\u001b[31mred.jpg', '[31mred.jpg'],
    ['\u0085\u009fnext.png', 'next.png'],
    ['invoice\u202egpj.exe', 'invoicegpj.exe'],
    ['zero\u200bwidth\ufeff.jpg', 'zerowidth.jpg'],
    ['\u2066isolated\u2069.png', 'isolated.png'],
    ['CON', '_CON'],
    ['con.jpg', '_con.jpg'],
    ['PRN.txt', '_PRN.txt'],
    ['AUX', '_AUX'],
    ['NUL.tar.gz', '_NUL.tar.gz'],
    ['COM1', '_COM1'],
    ['LPT3.png', '_LPT3.png'],
    ['com¹.jpg', '_com¹.jpg'],
    ['CON .jpg', '_CON .jpg'],
    [' CON.jpg', '_CON.jpg'],
    ['dir/CON', 'dir_CON'],
    ['../CON.jpg', '_CON.jpg'],
  ])('turns %j into %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it.each([
    ['300 letters', 'x'.repeat(300), 'x'.repeat(120)],
    ['300 characters with an extension', `${'x'.repeat(296)}.jpg`, `${'x'.repeat(116)}.jpg`],
    ['300 accented letters', 'é'.repeat(300), 'é'.repeat(120)],
    ['300 decomposed accented letters', 'e\u0301'.repeat(300), 'é'.repeat(120)],
    ['300 characters behind a path', `${'../'.repeat(50)}${'a'.repeat(150)}.jpg`, `${'a'.repeat(116)}.jpg`],
    ['300 characters of controls around a name', `${'\u0000'.repeat(150)}name.png${'\u0007'.repeat(142)}`, 'name.png'],
  ])('fits %s in 120', (_, input, expected) => {
    expect(input.length).toBeGreaterThanOrEqual(300);
    expect(sanitizeFileName(input)).toBe(expected);
  });
});

describe('originalFileName with a merchant read from a hostile receipt', () => {
  const capturedAt = new Date(2024, 0, 5, 12).getTime();
  const named = (merchant: string | null, date: string | null = '2018-12-25', extension = 'jpg') => originalFileName({ date, merchant, capturedAt }, extension);

  it.each([
    ['../../etc/passwd', '2018-12-25 etc passwd.jpg'],
    ['..\\..\\Windows\\win.ini', '2018-12-25 Windows win ini.jpg'],
    ['CON', '2018-12-25 Con.jpg'],
    ['NUL', '2018-12-25 Nul.jpg'],
    ['\u0000\u0007\u001b', '2018-12-25 receipt.jpg'],
    ['<script>alert(1)</script>', '2018-12-25 script alert 1 script.jpg'],
    ['<img src=x onerror=alert(1)>', '2018-12-25 img src x onerror alert 1.jpg'],
    ['invoice\u202egpj.exe', '2018-12-25 invoice gpj exe.jpg'],
    ['Cafe\u0301 Kopi', '2018-12-25 Café Kopi.jpg'],
    ['हिन्दी भोजनालय', '2018-12-25 हिन्दी भोजनालय.jpg'],
  ])('names a receipt from %j as %j', (merchant, expected) => {
    expect(named(merchant)).toBe(expected);
  });

  it('keeps a 300-character merchant to 120 characters with its extension', () => {
    const name = named('A'.repeat(300));
    expect(name).toBe(`2018-12-25 A${'a'.repeat(104)}.jpg`);
    expect(name).toHaveLength(120);
  });

  it.each([
    ['a path as the date', '../../../../', '2024-01-05 Tesco.jpg'],
    ['a date with a path after it', '2018-12-25/../../x', '2024-01-05 Tesco.jpg'],
  ])('ignores %s', (_, date, expected) => {
    expect(named('Tesco', date)).toBe(expected);
  });

  it.each([
    ['../../exe', '2018-12-25 Tesco.exe'],
    ['j\u0000p/g', '2018-12-25 Tesco.jpg'],
    ['.', '2018-12-25 Tesco'],
  ])('cleans the extension %j', (extension, expected) => {
    expect(named('Tesco', '2018-12-25', extension)).toBe(expected);
  });
});
