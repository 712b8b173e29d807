import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchRow } from './bench-row.js';

const run = promisify(execFile);

/** redis-benchmark's clients: its default, enough to keep one Redis busy. */
export const CEILING_CLIENTS = 50;

export interface CeilingOptions {
  redisUrl: string;
  /** Bytes per value: the size of our items as they sit in the list. */
  valueSize: number;
  depth: number;
  requests: number;
  binary?: string;
}

/**
 * Raw Redis on the same server: LPUSH and RPOP at pipeline depth B (redis-benchmark, key
 * "mylist"), and the end-to-end ceiling for batch B, since every item must be pushed and popped.
 */
export async function measureCeiling(options: CeilingOptions): Promise<BenchRow[]> {
  const { stdout } = await run(options.binary ?? 'redis-benchmark', [
    ...connectionArgs(options.redisUrl),
    '-t', 'lpush,rpop',
    '-P', String(options.depth),
    '-d', String(options.valueSize),
    '-n', String(options.requests),
    '-c', String(CEILING_CLIENTS),
    '--csv',
  ]);
  const measured = parseBenchmarkCsv(stdout);
  const lpush = measured.get('LPUSH');
  const rpop = measured.get('RPOP');
  if (!lpush || !rpop) throw new Error(`redis-benchmark gave no LPUSH/RPOP results:\n${stdout}`);
  const row = (mode: string, producers: number, consumers: number, result: BenchmarkResult): BenchRow => ({
    system: 'redis-benchmark',
    mode,
    producers,
    consumers,
    batch: options.depth,
    items: options.requests,
    itemsPerSec: result.rps,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
  });
  return [
    row('lpush', CEILING_CLIENTS, 0, lpush),
    row('rpop', 0, CEILING_CLIENTS, rpop),
    {
      ...row('ceiling', CEILING_CLIENTS, CEILING_CLIENTS, lpush),
      itemsPerSec: endToEndCeiling(lpush.rps, rpop.rps),
      p50Ms: null,
      p99Ms: null,
    },
  ];
}

/** Pushing and popping share one server: the time per item is the sum of the two. */
export function endToEndCeiling(pushPerSec: number, popPerSec: number): number {
  return 1 / (1 / pushPerSec + 1 / popPerSec);
}

export interface BenchmarkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

export function parseBenchmarkCsv(csv: string): Map<string, BenchmarkResult> {
  const lines = csv.trim().split(/\r?\n/).map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
  const header = lines[0] ?? [];
  const column = (name: string): number => header.indexOf(name);
  const results = new Map<string, BenchmarkResult>();
  for (const cells of lines.slice(1)) {
    results.set(cells[column('test')], {
      rps: Number(cells[column('rps')]),
      p50Ms: Number(cells[column('p50_latency_ms')]),
      p99Ms: Number(cells[column('p99_latency_ms')]),
    });
  }
  return results;
}

function connectionArgs(redisUrl: string): string[] {
  const url = new URL(redisUrl);
  const args = ['-h', url.hostname || '127.0.0.1', '-p', url.port || '6379'];
  if (url.username && url.username !== 'default') args.push('--user', decodeURIComponent(url.username));
  if (url.password) args.push('-a', decodeURIComponent(url.password), '--no-auth-warning');
  if (url.protocol === 'rediss:') args.push('--tls');
  return args;
}
