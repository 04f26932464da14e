/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes ("") and line breaks; records end with CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quoted && char === '"' && text[at + 1] === '"') {
      cell += '"';
      at++;
    } else if (quoted) {
      if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      endCell();
    } else if (char === '\r' && text[at + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      at++;
    } else if (char === '"' || char === '\r' || char === '\n') {
      throw new Error(`Bare ${JSON.stringify(char)} at ${at}`);
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0 || quoted) throw new Error('The last record does not end with CRLF');
  return rows;
}
