/**
 * Euros as a Belgian user types them ("1.250.000,00", "1250000", "€ 2.500,5") to integer cents;
 * NaN when it is not an amount (it then goes to the API as null, which names the field).
 */
export function eurosToCents(text: string): number {
  const s = text.replace(/[€\s\u00a0]/g, '');
  if (s === '') return NaN;
  let whole: string;
  let fraction = '';
  if (s.includes(',')) {
    // Comma = decimal sign; dots are thousands separators.
    [whole, fraction = ''] = s.split(',');
    whole = whole.replace(/\./g, '');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    whole = s.replace(/\./g, '');
  } else {
    [whole, fraction = ''] = s.split('.');
  }
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction) || s.split(',').length > 2) return NaN;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
