/** Month names and abbreviations in en, de, fr, es, it, nl, pt (normalised: lower case, no accents). */
const MONTH_WORDS: ReadonlyArray<readonly [number, string]> = [
  [1, 'january jan januar janner janvier janv enero ene gennaio gen januari janeiro'],
  [2, 'february feb februar fevrier fevr fev febrero febbraio februari fevereiro'],
  [3, 'march mar marz maerz mars marzo maart mrt marco'],
  [4, 'april apr avril avr abril abr aprile'],
  [5, 'may mai mayo maggio mag mei maio'],
  [6, 'june jun juni juin junio giugno giu junho'],
  [7, 'july jul juli juillet juil julio luglio lug julho'],
  [8, 'august aug aout agosto ago augustus'],
  [9, 'september sept sep septembre septiembre setiembre settembre set setembro'],
  [10, 'october oct oktober okt octobre octubre ottobre ott outubro out'],
  [11, 'november nov novembre noviembre novembro'],
  [12, 'december dec dezember dez decembre diciembre dic dicembre dezembro'],
];

export const MONTHS = new Map<string, number>(
  MONTH_WORDS.flatMap(([month, words]) => words.split(' ').map((word) => [word, month] as const)),
);
