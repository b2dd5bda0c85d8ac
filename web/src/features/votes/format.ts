/** dd/mm/yyyy from an ISO date. */
export const vnDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');
/** A percentage with a decimal comma, the Vietnamese way. */
export const vnPct = (x: number): string => `${x.toFixed(1).replace('.', ',')}%`;
/** A number with one decimal and a decimal comma. */
export const vnNum = (x: number): string => x.toFixed(1).replace('.', ',');
