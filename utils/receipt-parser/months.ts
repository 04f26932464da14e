/**
 * Month names and abbreviations in en, de, fr, es, it, nl, pt, sv, da, no, pl, cs, hu, fi, tr and ru, as dates write them
 * ("24 listopada", "24 ноября"), normalised: lower case, no accents (Turkish ı stays, so both spellings are listed).
 */
const MONTH_WORDS: ReadonlyArray<readonly [number, string]> = [
  [1, 'january jan januar janner janvier janv enero ene gennaio gen januari janeiro stycznia styczen sty ledna leden tammikuuta ocak января январь янв'],
  [2, 'february feb februar fevrier fevr fev febrero febbraio februari fevereiro lutego luty lut unora unor helmikuuta subat февраля февраль фев'],
  [3, 'march mar marz maerz mars marzo maart mrt marco marts marca marzec brezna brezen marcius maaliskuuta mart марта март'],
  [4, 'april apr avril avr abril abr aprile kwietnia kwiecien kwi dubna duben aprilis huhtikuuta nisan апреля апрель апр'],
  [5, 'may mai mayo maggio mag mei maio maj maja kvetna kveten majus toukokuuta mayis mayıs мая май'],
  [6, 'june jun juni juin junio giugno giu junho czerwca czerwiec cze cervna cerven junius kesakuuta haziran июня июнь июн'],
  [7, 'july jul juli juillet juil julio luglio lug julho lipca lipiec lip cervence cervenec julius heinakuuta temmuz июля июль июл'],
  [8, 'august aug aout agosto ago augustus augusti sierpnia sierpien srpna srpen augusztus elokuuta agustos августа август авг'],
  [9, 'september sept sep septembre septiembre setiembre settembre set setembro wrzesnia wrzesien wrz zari syyskuuta eylul сентября сентябрь сен'],
  [10, 'october oct oktober okt octobre octubre ottobre ott outubro out pazdziernika pazdziernik paz rijna rijen lokakuuta ekim октября октябрь окт'],
  [11, 'november nov novembre noviembre novembro listopada listopad lis listopadu marraskuuta kasim kasım ноября ноябрь ноя'],
  [12, 'december dec dezember dez decembre diciembre dic dicembre dezembro grudnia grudzien gru prosince prosinec joulukuuta aralik aralık декабря декабрь дек'],
];

export const MONTHS = new Map<string, number>(
  MONTH_WORDS.flatMap(([month, words]) => words.split(' ').map((word) => [word, month] as const)),
);
