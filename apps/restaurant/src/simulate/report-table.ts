import type { RunFigures, RunReport } from '@restaurant/sim';

/** A short human reading of a report: the figures, with ± the 95% half-widths when there are any. */
export function formatReportTable(report: RunReport): string {
  const { scenario } = report;
  const ci: Partial<RunFigures> = report.ci95;
  const plusMinus = (value: number | undefined, digits: number, scale = 1): string =>
    value === undefined ? '' : ` ± ${(value * scale).toFixed(digits)}`;
  const rows: [string, string][] = [
    ['meals ready / h', `${report.perHour.ready.toFixed(1)}${plusMinus(ci.perHour?.ready, 1)}`],
    ['meals dropped (full) / h', `${report.perHour.full.toFixed(1)}${plusMinus(ci.perHour?.full, 1)}`],
    ['meals taken / h', `${report.perHour.taken.toFixed(1)}${plusMinus(ci.perHour?.taken, 1)}`],
    ['visits finding it empty / h', `${report.perHour.empty.toFixed(1)}${plusMinus(ci.perHour?.empty, 1)}`],
    ['full fraction', `${(report.fullFraction * 100).toFixed(2)}%${plusMinus(ci.fullFraction, 2, 100)}`],
    ['empty fraction', `${(report.emptyFraction * 100).toFixed(2)}%${plusMinus(ci.emptyFraction, 2, 100)}`],
    ['mean queue length', `${report.meanQueueLength.toFixed(3)}${plusMinus(ci.meanQueueLength, 3)}`],
    ['mean wait of a meal', `${report.meanWaitS.toFixed(2)} s${plusMinus(ci.meanWaitS, 2)}`],
    ['time at length', formatShares(report.queueLengthTimeShare)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const rate = report.engineStats.wallS > 0 ? ` (${(report.engineStats.events / report.engineStats.wallS / 1e6).toFixed(1)} M/s)` : '';
  return [
    `${describe(report)}`,
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    `  ${scenario.engine} engine: ${report.engineStats.events} events in ${report.engineStats.wallS.toFixed(3)} s wall${
      scenario.engine === 'virtual' ? rate : ''
    }`,
    '',
  ].join('\n');
}

function describe({ scenario: s }: RunReport): string {
  const who = (count: number | null, noun: string): string => (count === null ? `? ${noun}s` : `${count} ${noun}${count === 1 ? '' : 's'}`);
  const parts = [
    `${who(s.producers, 'cook')}${s.producerPeriodS === null ? '' : ` every ${s.producerPeriodS} s`}`,
    `${who(s.consumers, 'customer')}${s.consumerMinS === null ? '' : ` every ${s.consumerMinS}-${s.consumerMaxS} s`}`,
    `capacity ${s.capacity}`,
    `${+s.modelHours.toFixed(3)} model hours`,
    `${s.engine} engine${s.timeScale === null ? '' : ` at time scale ${s.timeScale}`}`,
    ...(s.seed === null ? [] : [`seed ${s.seed}`]),
    `${s.replications} replication${s.replications === 1 ? '' : 's'}`,
  ];
  return parts.join(', ');
}

function formatShares(shares: number[]): string {
  const shown = shares.length <= 12 ? shares.map((share, length) => [length, share] as const) : topShares(shares);
  return shown.map(([length, share]) => `${length}: ${(share * 100).toFixed(1)}%`).join('  ');
}

/** Long queues: the lengths that hold most of the time, in order of length. */
function topShares(shares: number[]): (readonly [number, number])[] {
  return shares
    .map((share, length) => [length, share] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .sort((a, b) => a[0] - b[0]);
}
