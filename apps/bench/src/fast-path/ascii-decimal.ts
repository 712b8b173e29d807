/** How many digits a whole number ≥ 0 has in decimal. */
export function decimalLength(n: number): number {
  let count = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count;
}

/**
 * Writes a whole number ≥ 0 (up to 2^53) as decimal ASCII at `at` and returns where it ended:
 * byte by byte, cheaper than a string and a copy for the few digits of a length or a stamp.
 */
export function writeDecimal(out: Uint8Array, at: number, n: number): number {
  const end = at + decimalLength(n);
  for (let i = end - 1; i >= at; i--, n = Math.floor(n / 10)) out[i] = 0x30 + (n % 10);
  return end;
}
