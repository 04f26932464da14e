/** Weekday names and abbreviations (0 = Sunday) in en, de, fr, es, it, nl, pt, sv/da/no, pl, normalised: lower case, no accents;
 * no two- or three-letter forms that are also common words or months ("do", "son", "mar"). */
const WEEKDAY_WORDS: ReadonlyArray<readonly [number, string]> = [
  [0, 'sunday sun sonntag dimanche dim domingo dom domenica zondag sondag niedziela'],
  [1, 'monday mon montag lundi lun lunes lunedi maandag segunda mandag poniedzialek'],
  [2, 'tuesday tue tues dienstag mardi martes martedi dinsdag terca tisdag tirsdag wtorek'],
  [3, 'wednesday wed mittwoch mercredi miercoles mercoledi woensdag quarta onsdag sroda'],
  [4, 'thursday thu thur thurs donnerstag jeudi jeu jueves giovedi donderdag quinta torsdag czwartek'],
  [5, 'friday fri freitag vendredi ven viernes venerdi vrijdag sexta fredag piatek'],
  [6, 'saturday sat samstag samedi sabado sab sabato zaterdag lordag sobota'],
];

export const WEEKDAYS = new Map<string, number>(
  WEEKDAY_WORDS.flatMap(([day, words]) => words.split(' ').map((word) => [word, day] as const)),
);

const FULL_NAMES = [...WEEKDAYS].filter(([word]) => word.length >= 6);

/** The weekday a word names, also when OCR misread its end ("Fridv", "Wednesdav"): its first four letters and no more letters than the name. */
export function readWeekday(word: string): number | undefined {
  const exact = WEEKDAYS.get(word);
  if (exact !== undefined || word.length < 4) return exact;
  return FULL_NAMES.find(([name]) => name.startsWith(word.slice(0, 4)) && word.length <= name.length)?.[1];
}
