import { randomFillSync } from 'node:crypto';
import { MEALS, pickMeal, type Random } from '@restaurant/service';
import { writeDecimal } from './fast-path/ascii-decimal.js';
import { benchClockUs } from './bench-clock.js';

const HEX = Buffer.from('0123456789abcdef', 'latin1');
const ID_BYTES = 16;
/**
 * Random bytes are drawn for this many ids at a time (4 KB): a draw costs about 5 µs here,
 * whether of 16 bytes or of 4 KB, and one per item was a tenth of an unbatched cook's profile
 * (`crypto.randomUUID` keeps 128 ids' worth for the same reason).
 */
const IDS_PER_DRAW = 256;
const ID_TEXT = 36;
const BEFORE_ID = Buffer.from('{"id":"', 'latin1');
const BEFORE_STAMP = Buffer.from('","sentAtUs":', 'latin1');
const ISO_TIME = 24;
/** Any whole number of µs that a double holds exactly. */
const MAX_STAMP_DIGITS = String(Number.MAX_SAFE_INTEGER).length;

/**
 * Our producers' hot path: the same JSON as `JSON.stringify(newBenchItem(...))`, byte for byte,
 * written straight as bytes from pieces prepared once. Items as strings cost the cook a copy to
 * flatten each one, another to join them into the command's text and a third to encode it, and
 * the GC behind all three (docs/bench.md, rounds 1 and 9). The id is a random version 4 UUID,
 * laid out as `crypto.randomUUID` lays it out, from random bytes drawn for many ids at once. An
 * ISO time is reused while the millisecond is the same, which changes nothing in the output.
 */
export class BenchItemEncoder {
  private readonly middles: Map<string, Buffer>;
  private readonly maxItemBytes: number;
  private isoMs = -1;
  private readonly iso = Buffer.alloc(ISO_TIME);
  private readonly idBytes = Buffer.alloc(IDS_PER_DRAW * ID_BYTES);
  private idsLeft = 0;

  constructor(
    private readonly random: Random,
    producer: string,
  ) {
    this.middles = new Map(
      MEALS.map((meal) => [
        meal,
        Buffer.from(`","meal":${JSON.stringify(meal)},"producer":${JSON.stringify(producer)},"createdAt":"`),
      ]),
    );
    const longestMiddle = Math.max(...[...this.middles.values()].map((middle) => middle.length));
    this.maxItemBytes = BEFORE_ID.length + ID_TEXT + longestMiddle + ISO_TIME + BEFORE_STAMP.length + MAX_STAMP_DIGITS + 1;
  }

  /** `count` items, each a Buffer of its own over one block written for the batch. */
  batch(count: number): Buffer[] {
    const block = Buffer.allocUnsafe(count * this.maxItemBytes);
    const items = new Array<Buffer>(count);
    let at = 0;
    for (let i = 0; i < count; i++) {
      const start = at;
      const middle = this.middles.get(pickMeal(this.random)) as Buffer;
      block.set(BEFORE_ID, at);
      at = writeUuid(block, at + BEFORE_ID.length, this.idBytes, this.nextIdAt());
      block.set(middle, at);
      at += middle.length;
      block.set(this.isoNow(), at);
      at += ISO_TIME;
      block.set(BEFORE_STAMP, at);
      at = writeDecimal(block, at + BEFORE_STAMP.length, benchClockUs());
      block[at++] = 0x7d; // '}'
      items[i] = block.subarray(start, at);
    }
    return items;
  }

  next(): string {
    return this.batch(1)[0].toString('utf8');
  }

  /** Where the next unused 16 random bytes are. */
  private nextIdAt(): number {
    if (this.idsLeft === 0) {
      randomFillSync(this.idBytes);
      this.idsLeft = IDS_PER_DRAW;
    }
    this.idsLeft--;
    return this.idsLeft * ID_BYTES;
  }

  private isoNow(): Buffer {
    const ms = Date.now();
    if (ms !== this.isoMs) {
      this.isoMs = ms;
      this.iso.write(new Date(ms).toISOString(), 'latin1');
    }
    return this.iso;
  }
}

/** The 16 bytes at `from` as a version 4, variant 1 UUID's 36 characters at `at`. */
function writeUuid(out: Buffer, at: number, bytes: Buffer, from: number): number {
  for (let i = 0; i < ID_BYTES; i++) {
    let byte = bytes[from + i];
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    if (i === 4 || i === 6 || i === 8 || i === 10) out[at++] = 0x2d; // '-'
    out[at++] = HEX[byte >> 4];
    out[at++] = HEX[byte & 0x0f];
  }
  return at;
}
