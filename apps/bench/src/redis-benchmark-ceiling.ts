import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchRow } from './bench-row.js';

const run = promisify(execFile);

/** redis-benchmark's clients: its default, enough to keep one Redis busy. */
const CLIENTS = 50;

export interface CeilingOptions {
  redisUrl: string;
  /** Bytes per value: the size of our items as they sit in the list. */
  valueSize: number;
  depth: number;
  requests: number;
}

/**
 * Raw Redis on the same server: LPUSH and RPOP at pipeline depth B (redis-benchmark, key
 * "mylist"), and the end-to-end ceiling for batch B, since every item must be pushed and popped.
 */
export async function measureCeiling({ redisUrl, valueSize, depth, requests }: CeilingOptions): Promise<BenchRow[]> {
  const url = new URL(redisUrl);
  const auth = [
    ...(url.username && url.username !== 'default' ? ['--user', decodeURIComponent(url.username)] : []),
    ...(url.password ? ['-a', decodeURIComponent(url.password), '--no-auth-warning'] : []),
  ];
  const args = ['-h', url.hostname || '127.0.0.1', '-p', url.port || '6379', ...auth, '-t', 'lpush,rpop', '-P', String(depth), '-d', String(valueSize), '-n', String(requests), '-c', String(CLIENTS), '--csv'];
  const { stdout } = await run('redis-benchmark', args);
  const measured = parseBenchmarkCsv(stdout);
  const [lpush, rpop] = [measured.get('LPUSH'), measured.get('RPOP')];
  if (!lpush || !rpop) throw new Error(`redis-benchmark gave no LPUSH/RPOP results:\n${stdout}`);
  const row = (mode: string, producers: number, consumers: number, result: BenchmarkResult): BenchRow => ({
    system: 'redis-benchmark',
    mode,
    producers,
    consumers,
    batch: depth,
    items: requests,
    itemsPerSec: result.rps,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
  });
  const ceiling = { rps: endToEndCeiling(lpush.rps, rpop.rps), p50Ms: null, p99Ms: null };
  return [row('lpush', CLIENTS, 0, lpush), row('rpop', 0, CLIENTS, rpop), row('ceiling', CLIENTS, CLIENTS, ceiling)];
}

/** Pushing and popping share one server: the time per item is the sum of the two. */
export function endToEndCeiling(pushPerSec: number, popPerSec: number): number {
  return 1 / (1 / pushPerSec + 1 / popPerSec);
}

interface BenchmarkResult {
  rps: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

export function parseBenchmarkCsv(csv: string): Map<string, BenchmarkResult> {
  const [header = [], ...lines] = csv.trim().split(/\r?\n/).map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
  const cell = (cells: string[], name: string): number => Number(cells[header.indexOf(name)]);
  return new Map(lines.map((cells) => [cells[header.indexOf('test')], { rps: cell(cells, 'rps'), p50Ms: cell(cells, 'p50_latency_ms'), p99Ms: cell(cells, 'p99_latency_ms') }]));
}
