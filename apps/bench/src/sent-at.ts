const SENT_AT = '"sentAtUs":';
const CLOSE = 0x7d;

/**
 * The `sentAtUs` of an item as the queue hands it out (a string, or the bytes of a Buffer). The
 * producers write it last, `"sentAtUs":<digits>}`, and there it is read from the end without
 * JSON.parse, which was the batched customer's largest cost, for one number. Such a key can only
 * be the outer object's last; any other item is parsed after all, so the value is always the one
 * JSON.parse gives.
 */
export function sentAtUsOf(raw: string | Buffer): number {
  const close = raw.length - 1;
  let start = close;
  while (start > 0 && isDigit(codeAt(raw, start - 1))) start--;
  const keyAt = start - SENT_AT.length;
  if (codeAt(raw, close) === CLOSE && start < close && keyAt >= 0 && hasKeyAt(raw, keyAt)) {
    let value = 0;
    for (let i = start; i < close; i++) value = value * 10 + (codeAt(raw, i) - 0x30);
    // Past 2^53 the sum is no longer exact; JSON.parse rounds the digits as it should.
    if (Number.isSafeInteger(value)) return value;
  }
  return (JSON.parse(raw.toString()) as { sentAtUs: number }).sentAtUs;
}

/** The character code (string) or byte (Buffer) at `index`: alike for the ASCII read here. */
function codeAt(raw: string | Buffer, index: number): number {
  return typeof raw === 'string' ? raw.charCodeAt(index) : raw[index];
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function hasKeyAt(raw: string | Buffer, at: number): boolean {
  for (let i = 0; i < SENT_AT.length; i++) if (codeAt(raw, at + i) !== SENT_AT.charCodeAt(i)) return false;
  return true;
}
