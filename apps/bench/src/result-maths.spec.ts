import { describe, expect, it } from 'vitest';
import type { BenchRow, Measurement } from './bench-row.js';
import { LatencyHistogram } from './latency-histogram.js';
import { endToEndCeiling, parseBenchmarkCsv } from './redis-benchmark-ceiling.js';
import { diagnosticsTable, resultsTable, targetsTable } from './result-tables.js';
import { checkTargets } from './targets.js';

function row(fields: Partial<BenchRow> & Pick<BenchRow, 'system' | 'mode' | 'itemsPerSec'>): BenchRow {
  return { producers: 1, consumers: 1, batch: 1, items: 1000, p50Ms: 0.2, p99Ms: 0.9, ...fields };
}

const rows: BenchRow[] = [
  row({ system: 'ours', mode: 'unbatched', itemsPerSec: 30_000, p99Ms: 1.5 }),
  row({ system: 'ours', mode: 'unbatched+metrics', itemsPerSec: 28_000 }),
  row({ system: 'ours', mode: 'unbatched', itemsPerSec: 31_000, p99Ms: 9 }),
  row({ system: 'ours', mode: 'unbatched+metrics', itemsPerSec: 29_500 }),
  row({ system: 'ours', mode: 'unbatched', producers: 2, consumers: 4, itemsPerSec: 20_000 }),
  row({ system: 'ours', mode: 'batched', batch: 100, itemsPerSec: 500_000 }),
  row({ system: 'ours', mode: 'batched', batch: 100, producers: 2, consumers: 4, itemsPerSec: 450_000 }),
  row({ system: 'bullmq', mode: 'add', itemsPerSec: 10_000, p99Ms: 6 }),
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

describe('the targets', () => {
  it("judges every target as a ratio of this run's own rows", () => {
    const checks = checkTargets(rows);
    expect(checks.map((c) => [c.comparison, c.target, c.measured, c.met])).toEqual([
      ['unbatched 1/1 p99 / BullMQ add 1/1 p99', '<= 0.33x', '0.25x (1.500 vs 6.000 ms)', true],
      ['unbatched 1/1 items/s / BullMQ add', '>= 1.5x', '3.00x (30,000 vs 10,000 items/s)', true],
      ['unbatched 2/4 items/s / BullMQ add', '>= 1.5x', '1.25x (20,000 vs 16,000 items/s)', false],
      ['unbatched 8/8 items/s / BullMQ add', '>= 1.5x', 'not measured', null],
      ["batched 100 items/s / BullMQ's best", '>= 10x', '12.50x (500,000 vs 40,000 items/s)', true],
      ['batched 100 items/s / ceiling at depth 100', '>= 50%', '55.5% (500,000 vs 900,000 items/s)', true],
      ['unbatched 1/1 items/s, metrics on / off (best of three each)', '>= 0.95x', '0.95x (29,500 vs 31,000 items/s)', true],
    ]);
  });

  it('fails what misses, and shows a share of the ceiling rounded down, so a miss never reads as the target', () => {
    const worse = rows.map((r) =>
      r.mode === 'batched' ? { ...r, itemsPerSec: 449_640 } : r.mode === 'unbatched+metrics' ? { ...r, itemsPerSec: 29_000 } : r,
    );
    const met = Object.fromEntries(checkTargets(worse).map((c) => [c.comparison, [c.measured.split(' ')[0], c.met]]));
    expect(met['batched 100 items/s / ceiling at depth 100']).toEqual(['49.9%', false]);
    expect(met['unbatched 1/1 items/s, metrics on / off (best of three each)']).toEqual(['0.94x', false]);
    expect(targetsTable(checkTargets(worse)).split('\n').filter((line) => line.endsWith('FAIL'))).toHaveLength(3);
  });

  it('cannot judge what the run left out', () => {
    expect(checkTargets(rows.filter((r) => r.system === 'ours')).filter((c) => c.met !== null)).toEqual([
      expect.objectContaining({ comparison: 'unbatched 1/1 items/s, metrics on / off (best of three each)' }),
    ]);
  });
});

describe('the report tables', () => {
  const measurement: Measurement = {
    row: rows[0],
    warmedUp: false,
    problem: null,
    p99WithWarmupMs: 2.5,
    redisCpuUsPerItem: 1.25,
    clientCpuUsPerItem: 2.75,
    topCommands: [{ command: 'evalsha', calls: 10, usecPerCall: 3.5 }],
  };

  it("show each row's check, and the ceiling's numbers beside ours", () => {
    const [, , ours, ceiling] = resultsTable([{ ...measurement, problem: 'READY 999' }], [rows[11]]).split('\n');
    expect(ours).toMatch(/^ours\s+unbatched\s+1\/1\s+1\s+1000\s+30,000\s+0\.200\s+1\.500\s+READY 999 \(no warm-up\)$/);
    expect(ceiling).toMatch(/^redis-benchmark\s+ceiling\s+1\/1\s+100\s+1000\s+900,000\s+-\s+-\s+ok$/);
  });

  it('with --diagnostics, show the p99 with the warm-up, CPU per item and where Redis time went', () => {
    const line = diagnosticsTable([measurement]).split('\n')[2];
    expect(line).toMatch(/^ours\s+unbatched\s+1\/1\s+1\s+2\.500\s+1\.25\s+2\.75\s+evalsha: 10, 3\.50$/);
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
