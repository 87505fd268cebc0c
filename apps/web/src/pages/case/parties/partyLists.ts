/** Names as typed, one per line (a name may hold a comma: "Port of Antwerp-Bruges"), without blanks. */
export function namesFromLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export const linesOf = (names: string[]): string => names.join('\n');
