import { describe, expect, it } from 'vitest';
import { toJsonRow, type BenchRow, type Measurement } from './bench-row.js';
import { NO_GC_PAUSES, sumGcPauses, type GcPauses } from './gc-pauses.js';
import { LatencyHistogram } from './latency-histogram.js';
import { memoryGrowth } from './memory-check.js';
import { ratioRows } from './ratios.js';
import { endToEndCeiling, parseBenchmarkCsv } from './redis-benchmark-ceiling.js';
import { itemsPerSecAtFullCpu } from './full-cpu-rate.js';
import { gcPausesTable, machineStallsTable, ratioTable, resultsTable } from './result-tables.js';
import { checkTargets } from './targets.js';
import type { WorkerResult } from './worker-protocol.js';

function row(fields: Partial<BenchRow> & Pick<BenchRow, 'system' | 'mode' | 'itemsPerSec'>): BenchRow {
  return { producers: 1, consumers: 1, batch: 1, items: 1000, p50Ms: 0.2, p99Ms: 0.9, ...fields };
}

const rows: BenchRow[] = [
  row({ system: 'ours', mode: 'unbatched', itemsPerSec: 30_000, p99Ms: 1.5 }),
  row({ system: 'ours', mode: 'unbatched', producers: 2, consumers: 4, itemsPerSec: 20_000 }),
  row({ system: 'ours', mode: 'batched', batch: 100, itemsPerSec: 500_000 }),
  row({ system: 'bullmq', mode: 'add', itemsPerSec: 10_000 }),
  row({ system: 'bullmq', mode: 'add', producers: 2, consumers: 4, itemsPerSec: 16_000 }),
  row({ system: 'bullmq', mode: 'addBulk', batch: 100, itemsPerSec: 40_000 }),
  row({ system: 'redis-benchmark', mode: 'ceiling', batch: 1, itemsPerSec: 60_000, p50Ms: null, p99Ms: null }),
  row({ system: 'redis-benchmark', mode: 'ceiling', batch: 100, itemsPerSec: 900_000, p50Ms: null, p99Ms: null }),
];

describe('the ceiling', () => {
  it('is 1 / (1/LPUSH + 1/RPOP): pushing and popping share the server', () => {
    expect(endToEndCeiling(1_800_000, 1_800_000)).toBeCloseTo(900_000);
    expect(endToEndCeiling(100, 300)).toBeCloseTo(75);
  });

  it("reads redis-benchmark's CSV", () => {
    const csv = [
      '"test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"',
      '"LPUSH","270270.28","1.237","0.208","1.071","3.151","4.679","4.959"',
      '"RPOP","370370.38","0.988","0.224","0.871","1.663","4.335","4.551"',
    ].join('\n');
    const parsed = parseBenchmarkCsv(csv);
    expect(parsed.get('LPUSH')).toEqual({ rps: 270270.28, p50Ms: 1.071, p99Ms: 4.679 });
    expect(parsed.get('RPOP')).toEqual({ rps: 370370.38, p50Ms: 0.871, p99Ms: 4.335 });
  });
});

describe('the ratio table', () => {
  it('pairs each of our rows with BullMQ at the same shape and batch, and the ceiling at that depth', () => {
    const ratios = ratioRows(rows);
    expect(ratios.map((r) => [r.ours.mode, r.oursPerBullmq, r.oursPerCeiling])).toEqual([
      ['unbatched', 3, 0.5],
      ['unbatched', 1.25, 20_000 / 60_000],
      ['batched', 12.5, 500_000 / 900_000],
    ]);
  });

  it('shows a dash where there is nothing to compare with', () => {
    const [only] = ratioRows([row({ system: 'ours', mode: 'blocking', producers: 8, consumers: 8, itemsPerSec: 1 })]);
    expect(only.oursPerBullmq).toBeNull();
    expect(ratioTable([only]).split('\n')[2]).toMatch(/blocking\s+8\/8\s+1\s+1\s+-\s+-\s+-\s+-$/);
  });
});

const measurement = (fields: Partial<Measurement> & Pick<Measurement, 'row'>): Measurement => ({
  p99WithWarmupMs: null,
  warmedUp: true,
  redisCpuUsPerItem: null,
  clientCpuUsPerItem: null,
  topCommands: [],
  problem: null,
  gcPauses: null,
  ...fields,
});

describe('the items/s at full CPU', () => {
  const cost = { redisCpuUsPerItem: 1.25, clientCpuUsPerItem: 2.75 };

  it("is the cores' µs per second over the CPU per item of Redis and the workers together", () => {
    expect(itemsPerSecAtFullCpu(cost, 2)).toBe(500_000);
    expect(itemsPerSecAtFullCpu(cost, 4)).toBe(1_000_000);
  });

  it('is missing where a CPU figure is', () => {
    expect(itemsPerSecAtFullCpu({ redisCpuUsPerItem: null, clientCpuUsPerItem: 2 }, 2)).toBeNull();
    expect(itemsPerSecAtFullCpu({ redisCpuUsPerItem: 1, clientCpuUsPerItem: null }, 2)).toBeNull();
  });

  it('has its column in the results table, a dash for the ceiling', () => {
    const table = resultsTable([measurement({ row: rows[2], ...cost }), measurement({ row: rows[7] })], 2);
    const [, , ours, ceiling] = table.split('\n');
    expect(ours).toMatch(/1\.25\s+2\.75\s+500,000\s+ok$/);
    expect(ceiling).toMatch(/-\s+-\s+-\s+ok$/);
  });
});

describe('the GC pause table', () => {
  it("sums each side's workers: pauses, the longest, and their share of the time watched", () => {
    const worker = (count: number, totalMs: number, longestMs: number): GcPauses => ({ count, totalMs, longestMs, watchedMs: 1000 });
    const gcPauses = { producers: sumGcPauses([worker(3, 6, 4), worker(2, 14, 9)]), consumers: sumGcPauses([worker(10, 5, 1.5)]) };
    const table = gcPausesTable([measurement({ row: rows[0], gcPauses }), measurement({ row: rows[7] })]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^ours\s+unbatched\s+1\/1\s+1\s+5\s+9\.00\s+1\.0%\s+10\s+1\.50\s+0\.5%$/);
  });
});

describe("the machine's stall table", () => {
  it('gives each round its stalls, those of 2 ms or more per second of one core, and the share of the time lost', () => {
    const stalls = { loops: 2, loopedMs: 10_000, atLeast1Ms: 61, atLeast2Ms: 23, lostMs: 120, longestMs: 10.219 };
    const lines = machineStallsTable([stalls, { ...stalls, atLeast2Ms: 0, lostMs: 0 }], [1, 2]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^\s*1\s+2\s+5\.0\s+61\s+23\s+2\.30\s+1\.20%\s+10\.22$/);
    expect(lines[3]).toMatch(/^\s*2\s+2\s+5\.0\s+61\s+0\s+0\.00\s+0\.00%\s+10\.22$/);
  });
});

describe('the targets', () => {
  it("judges every target from the run's own rows", () => {
    const checks = checkTargets(rows, null);
    const met = Object.fromEntries(checks.map((check) => [check.target, check.met]));
    expect(met).toEqual({
      'unbatched 1/1 >= 1.5x BullMQ': true,
      'unbatched 2/4 >= 1.5x BullMQ': false,
      'unbatched 1/1 p99 < 2 ms': true,
      "batched 100 >= 10x BullMQ's best": true,
      'batched 100 >= 50% of the ceiling at depth 100': true,
      'producer RSS after 1M within 20% of after 100k': null,
      'consumer RSS after 1M within 20% of after 100k': null,
    });
  });

  it('shows the share of the ceiling rounded down, so a miss never reads as the target', () => {
    const justUnder = rows.map((r) => (r.mode === 'batched' ? { ...r, itemsPerSec: 449_640 } : r));
    const [check] = checkTargets(justUnder, null).filter((c) => c.target.includes('ceiling'));
    expect(check).toMatchObject({ measured: '49.9%', met: false });
    expect(checkTargets(rows, null).find((c) => c.target.includes('ceiling'))?.measured).toBe('55.5%');
  });

  it('compares RSS after the late item count with RSS after the early one', () => {
    const worker = (role: WorkerResult['role'], early: number, late: number): WorkerResult => ({
      role,
      handled: 1_000_000,
      dropped: 0,
      firstAtMs: 0,
      lastAtMs: 1,
      latency: [],
      warmup: null,
      rss: [
        { items: 100_000, rssBytes: early },
        { items: 1_000_000, rssBytes: late },
      ],
      cpuMs: 0,
      gc: NO_GC_PAUSES,
    });
    const growth = memoryGrowth([worker('ours-producer', 100, 110), worker('ours-consumer', 100, 150)], 100_000, 1_000_000);
    expect(growth.map((g) => [g.role, g.growth])).toEqual([
      ['producer', 1.1],
      ['consumer', 1.5],
    ]);
    const met = checkTargets(rows, growth).filter((check) => check.target.includes('RSS'));
    expect(met.map((check) => check.met)).toEqual([true, false]);
  });
});

describe('the JSON rows', () => {
  it('carry exactly the fields the issue names, in its order', () => {
    const extra = { ...rows[0], redisCpuUsPerItem: 3 } as BenchRow;
    expect(Object.keys(toJsonRow(extra))).toEqual([
      'system',
      'mode',
      'producers',
      'consumers',
      'batch',
      'items',
      'itemsPerSec',
      'p50Ms',
      'p99Ms',
    ]);
    expect(JSON.parse(JSON.stringify(toJsonRow(rows[6])))).toEqual({
      system: 'redis-benchmark',
      mode: 'ceiling',
      producers: 1,
      consumers: 1,
      batch: 1,
      items: 1000,
      itemsPerSec: 60_000,
      p50Ms: null,
      p99Ms: null,
    });
  });
});

describe('the latency histogram', () => {
  it('gives percentiles within 1%, and adds up across processes', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    for (let i = 1; i <= 500; i++) a.recordMs(i / 100);
    for (let i = 501; i <= 1000; i++) b.recordMs(i / 100);
    const merged = LatencyHistogram.fromSparse(a.toSparse());
    merged.add(LatencyHistogram.fromSparse(b.toSparse()));
    expect(merged.total).toBe(1000);
    expect(merged.percentileMs(0.5)).toBeGreaterThanOrEqual(5);
    expect(merged.percentileMs(0.5)).toBeLessThanOrEqual(5 * 1.01);
    expect(merged.percentileMs(0.99)).toBeGreaterThanOrEqual(9.9);
    expect(merged.percentileMs(0.99)).toBeLessThanOrEqual(9.9 * 1.01);
    expect(new LatencyHistogram().percentileMs(0.5)).toBeNull();
  });
});
