import type { Measurement } from './bench-row.js';
import { itemsPerSecAtFullCpu } from './full-cpu-rate.js';
import type { GcPauses } from './gc-pauses.js';
import type { MachineStalls } from './machine-stalls.js';
import type { MemoryGrowth } from './memory-check.js';
import type { RatioRow } from './ratios.js';
import type { TargetCheck } from './targets.js';
import type { TargetOverRounds } from './targets-over-rounds.js';
import { textTable } from './text-table.js';

export function formatRate(itemsPerSec: number): string {
  return Math.round(itemsPerSec).toLocaleString('en-US');
}

function formatOptionalRate(itemsPerSec: number | null): string {
  return itemsPerSec === null ? '-' : formatRate(itemsPerSec);
}

export function formatMs(ms: number | null): string {
  return ms === null ? '-' : ms.toFixed(3);
}

export function formatRatio(value: number | null): string {
  return value === null ? '-' : `${value.toFixed(2)}x`;
}

function formatUs(us: number | null): string {
  return us === null ? '-' : us.toFixed(2);
}

/** `cores`: the machine's, for the items/s its CPU would carry at each row's cost per item. */
export function resultsTable(measurements: readonly Measurement[], cores: number): string {
  return textTable(
    ['system', 'mode', 'P/C', 'batch', 'items', 'items/s', 'p50 ms', 'p99 ms', 'p99 all ms', 'redis CPU µs/item', 'client CPU µs/item', 'items/s at full CPU', 'check'],
    measurements.map(({ row, p99WithWarmupMs, warmedUp, redisCpuUsPerItem, clientCpuUsPerItem, problem }) => [
      row.system,
      row.mode,
      `${row.producers}/${row.consumers}`,
      String(row.batch),
      String(row.items),
      formatRate(row.itemsPerSec),
      formatMs(row.p50Ms),
      formatMs(row.p99Ms),
      formatMs(p99WithWarmupMs),
      formatUs(redisCpuUsPerItem),
      formatUs(clientCpuUsPerItem),
      formatOptionalRate(itemsPerSecAtFullCpu({ redisCpuUsPerItem, clientCpuUsPerItem }, cores)),
      [problem ?? 'ok', warmedUp ? '' : '(no warm-up)'].join(' ').trim(),
    ]),
  );
}

export function ratioTable(ratios: readonly RatioRow[]): string {
  return textTable(
    ['ours', 'P/C', 'batch', 'items/s', 'BullMQ items/s', 'ours/BullMQ', 'ceiling items/s', 'ours/ceiling'],
    ratios.map((r) => [
      r.ours.mode,
      `${r.ours.producers}/${r.ours.consumers}`,
      String(r.ours.batch),
      formatRate(r.ours.itemsPerSec),
      r.bullmq ? formatRate(r.bullmq.itemsPerSec) : '-',
      formatRatio(r.oursPerBullmq),
      r.ceiling ? formatRate(r.ceiling.itemsPerSec) : '-',
      formatRatio(r.oursPerCeiling),
    ]),
  );
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  return textTable(
    ['target', 'measured', 'met'],
    checks.map((check) => [check.target, check.measured, check.met === null ? 'n/a' : check.met ? 'yes' : 'NO']),
  );
}

export function redisCommandsTable(measurements: readonly Measurement[]): string {
  return textTable(
    ['system', 'mode', 'P/C', 'batch', 'where Redis time goes (command: calls, µs/call)'],
    measurements.map(({ row, topCommands }) => [
      row.system,
      row.mode,
      `${row.producers}/${row.consumers}`,
      String(row.batch),
      topCommands.map((c) => `${c.command}: ${c.calls}, ${c.usecPerCall.toFixed(2)}`).join('; '),
    ]),
  );
}

/**
 * Per side (producers, consumers): how many pauses, the longest, and the share of the workers'
 * time they took. A customer's longest pause is what its GC can add to one item's latency.
 */
export function gcPausesTable(measurements: readonly Measurement[]): string {
  const side = (pauses: GcPauses): string[] => [
    String(pauses.count),
    pauses.longestMs.toFixed(2),
    pauses.watchedMs > 0 ? `${((100 * pauses.totalMs) / pauses.watchedMs).toFixed(1)}%` : '-',
  ];
  return textTable(
    ['system', 'mode', 'P/C', 'batch', 'producer pauses', 'longest ms', 'of the time', 'consumer pauses', 'longest ms', 'of the time'],
    measurements.flatMap(({ row, gcPauses }) =>
      gcPauses
        ? [[row.system, row.mode, `${row.producers}/${row.consumers}`, String(row.batch), ...side(gcPauses.producers), ...side(gcPauses.consumers)]]
        : [],
    ),
  );
}

/**
 * The machine's own stalls, one row per round (`rounds`: the round numbers): how often every
 * core's busy loop was kept from running for 1 ms or more, for 2 ms or more (also per second of
 * one core), the share of the time lost so and the longest stall.
 */
export function machineStallsTable(stalls: readonly MachineStalls[], rounds: readonly number[]): string {
  return textTable(
    ['round', 'busy loops', 's each', 'stalls >= 1 ms', '>= 2 ms', '>= 2 ms per core-second', 'time lost', 'longest ms'],
    stalls.map((s, index) => {
      const loopedS = s.loopedMs / 1000;
      return [
        String(rounds[index]),
        String(s.loops),
        s.loops > 0 ? (loopedS / s.loops).toFixed(1) : '-',
        String(s.atLeast1Ms),
        String(s.atLeast2Ms),
        loopedS > 0 ? (s.atLeast2Ms / loopedS).toFixed(2) : '-',
        s.loopedMs > 0 ? `${((100 * s.lostMs) / s.loopedMs).toFixed(2)}%` : '-',
        s.longestMs.toFixed(2),
      ];
    }),
  );
}

export function memoryTable(growth: readonly MemoryGrowth[]): string {
  return textTable(
    ['process', 'RSS after early items', 'RSS after late items', 'growth'],
    growth.map((m) => [
      m.role,
      `${(m.earlyRssBytes / 2 ** 20).toFixed(1)} MB @ ${m.earlyItems}`,
      `${(m.lateRssBytes / 2 ** 20).toFixed(1)} MB @ ${m.lateItems}`,
      formatRatio(m.growth),
    ]),
  );
}

export function roundsTable(summaries: readonly TargetOverRounds[]): string {
  const rounds = summaries[0]?.measured.length ?? 0;
  return textTable(
    ['target', ...Array.from({ length: rounds }, (_, i) => `round ${i + 1}`), 'met'],
    summaries.map((s) => [
      s.target,
      ...s.measured.map((m) => m ?? '-'),
      s.judged === 0 ? 'n/a' : `${s.met} of ${s.judged}`,
    ]),
  );
}
