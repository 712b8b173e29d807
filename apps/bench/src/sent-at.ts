const SENT_AT = '"sentAtUs":';
const SENT_AT_BYTES = Buffer.from(SENT_AT, 'latin1');
const ZERO = 0x30;
const NINE = 0x39;
const COMMA = 0x2c;
const CLOSE = 0x7d;

/**
 * The `sentAtUs` of an item as the queue hands it out (a string, or the bytes of a Buffer), read
 * without JSON.parse: in the batched customer's profile, parsing every item was its largest
 * cost, for one number. The key is found
 * from the end (the producer writes it last; other flat fields may follow it); an item where it
 * is not plainly a key of the outer object is parsed after all, so for valid JSON the value is
 * always the one JSON.parse gives.
 */
export function sentAtUsOf(raw: string | Buffer): number {
  if (typeof raw !== 'string') {
    const stamp = stampAtTheEnd(raw);
    if (stamp !== null) return stamp;
  }
  const at = raw.lastIndexOf(SENT_AT);
  if (at > 0 && codeAt(raw, raw.length - 1) === CLOSE) {
    const start = at + SENT_AT.length;
    let end = start;
    while (end < raw.length && isNumberChar(codeAt(raw, end))) end++;
    const next = codeAt(raw, end);
    const value = Number(typeof raw === 'string' ? raw.slice(start, end) : raw.toString('latin1', start, end));
    if (end > start && (next === COMMA || next === CLOSE) && Number.isFinite(value) && onlyFlatFieldsAfter(raw, end)) {
      return value;
    }
  }
  return (JSON.parse(raw.toString()) as { sentAtUs: number }).sentAtUs;
}

/**
 * The stamp where the bench's producers write it, `"sentAtUs":<digits>}` at the very end, read
 * from the bytes without searching or decoding: the search and the decoding were a fifth of the
 * batched customer's CPU (docs/bench.md, round 8). Such a key can only be one of the outer
 * object's (the last brace closes it, and a string could not end before it), and the last of
 * them, as JSON.parse reads it. Null for any other form of the number or of the item.
 */
function stampAtTheEnd(raw: Buffer): number | null {
  const close = raw.length - 1;
  if (raw[close] !== CLOSE) return null;
  let start = close;
  while (start > 0 && raw[start - 1] >= ZERO && raw[start - 1] <= NINE) start--;
  const keyAt = start - SENT_AT_BYTES.length;
  if (start === close || keyAt < 0) return null;
  for (let i = 0; i < SENT_AT_BYTES.length; i++) if (raw[keyAt + i] !== SENT_AT_BYTES[i]) return null;
  let value = 0;
  for (let i = start; i < close; i++) value = value * 10 + (raw[i] - ZERO);
  // Past 2^53 the sum is no longer exact; Number() of the digits rounds as JSON.parse does.
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * The character code (string) or byte (Buffer) at `index`: the same for what is read here, since
 * the key, the number and the JSON punctuation are ASCII, and a byte of a multi-byte UTF-8
 * character is never one of them.
 */
function codeAt(raw: string | Buffer, index: number): number {
  return typeof raw === 'string' ? raw.charCodeAt(index) : (raw[index] ?? Number.NaN);
}

/** Digits, sign, point and exponent: what a JSON number is made of. */
function isNumberChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || code === 0x2b || code === 0x65 || code === 0x45;
}

/**
 * No bracket, brace or escape between the number and the closing brace: the key was not inside
 * a nested object (and, since `"sentAtUs":` cannot occur inside a JSON string, it was a key).
 */
function onlyFlatFieldsAfter(raw: string | Buffer, from: number): boolean {
  for (let i = from; i < raw.length - 1; i++) {
    const code = codeAt(raw, i);
    if (code === 0x7b || code === CLOSE || code === 0x5b || code === 0x5d || code === 0x5c) return false;
  }
  return true;
}
