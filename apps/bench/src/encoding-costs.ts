/**
 * `node apps/bench/dist/encoding-costs.js`: what writing a command costs the client, one process,
 * no Redis (docs/bench.md, round 9). Each line is the median of five timed loops.
 */
import { randomFillSync } from 'node:crypto';
import { createRandom } from '@restaurant/service';
import { encodeCommand } from './fast-path/encoded-command.js';
import { Command } from 'ioredis';
import { BenchItemEncoder } from './bench-item-encoder.js';

const ROUNDS = 5;
const sha = 'a'.repeat(40);
const sink = Buffer.allocUnsafe(1 << 20);

/** Median µs per call of `work` over `calls` calls, `ROUNDS` times. */
function microsPerCall(calls: number, work: () => unknown): number {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const from = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) work();
    rounds.push(Number(process.hrtime.bigint() - from) / calls / 1000);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

/** What ioredis writes to the socket for a command: its text encoded as UTF-8, or its bytes. */
function throughIoredis(name: string, args: Array<string | number | Buffer>): number {
  const written = new Command(name, args).toWritable({});
  return typeof written === 'string' ? sink.write(written, 0, 'utf8') : written.length;
}

const strings = Array.from({ length: 103 }, (_, i) => `argument-${i}`);
const encoder = new BenchItemEncoder(createRandom(1), 'producer_1');
const item = encoder.next();
const small = (): Array<string | number> => [sha, 3, '{q}:items', '{q}:stats', '{q}:seen:x', 1_000_000, item, 3600];
const itemBuffers = encoder.batch(100);
const itemStrings = itemBuffers.map((bytes) => bytes.toString());
const batchArgs = (items: Array<string | Buffer>): Array<string | number | Buffer> => [sha, 2, '{q}:items', '{q}:stats', 1_000_000, ...items];
const random16 = Buffer.alloc(16);
const random4k = Buffer.alloc(4096);

const lines: Array<[string, number]> = [
  ['Array.prototype.flat of 103 strings', microsPerCall(20_000, () => strings.flat())],
  ['slice of the same 103 strings', microsPerCall(20_000, () => strings.slice())],
  ['unbatched offer (8 arguments), through ioredis', microsPerCall(100_000, () => throughIoredis('evalsha', small()))],
  ['unbatched offer (8 arguments), encodeCommand', microsPerCall(100_000, () => encodeCommand('evalsha', small()))],
  ['offer of 100 items as strings, through ioredis', microsPerCall(3_000, () => throughIoredis('evalsha', batchArgs(itemStrings)))],
  ['offer of 100 items as Buffers, encodeCommand', microsPerCall(3_000, () => encodeCommand('evalsha', batchArgs(itemBuffers)))],
  ['writing 100 items as bytes (BenchItemEncoder.batch)', microsPerCall(3_000, () => encoder.batch(100))],
  ['randomFillSync of 16 bytes', microsPerCall(20_000, () => randomFillSync(random16))],
  ['randomFillSync of 4 KB', microsPerCall(20_000, () => randomFillSync(random4k))],
];
for (const [what, micros] of lines) process.stdout.write(`${micros.toFixed(2).padStart(8)} µs  ${what}\n`);
