/**
 * Reads a list of whole numbers as a user writes it on the command line: `3`, `1,3,5`, `1..4`,
 * or a mix (`1..3,8`). Returns the distinct values in ascending order, or undefined when the text
 * is not such a list, a range runs backwards (`4..1`), or a value is outside [min, max].
 */
export function parseCountList(text: string, min: number, max: number): number[] | undefined {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(part);
    if (!match) return undefined;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (low > high || low < min || high > max) return undefined;
    for (let value = low; value <= high; value++) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

export function countListRule(min: number, max: number): string {
  return `must be whole numbers from ${min} to ${max}: one (3), a list (1,3,5) or a rising range (1..4)`;
}
