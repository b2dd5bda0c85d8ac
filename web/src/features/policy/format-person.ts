/** A stored birth date (YYYY, YYYY-MM or YYYY-MM-DD) as written in Vietnam: 1975, 05/1975, 20/05/1975. */
export function partialDate(d: string): string {
  const [y, m, day] = d.split('-');
  return day ? `${day}/${m}/${y}` : m ? `${m}/${y}` : y!;
}
