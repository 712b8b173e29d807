import type { RunFigures, RunReport } from '@restaurant/sim';
import type { SweepCell } from './sweep-cell.js';

type Figure = [name: string, pick: (figures: Partial<RunFigures>) => number | undefined];

const FIGURES: Figure[] = [
  ['readyPerHour', (f) => f.perHour?.ready],
  ['fullPerHour', (f) => f.perHour?.full],
  ['takenPerHour', (f) => f.perHour?.taken],
  ['emptyPerHour', (f) => f.perHour?.empty],
  ['fullFraction', (f) => f.fullFraction],
  ['emptyFraction', (f) => f.emptyFraction],
  ['meanQueueLength', (f) => f.meanQueueLength],
  ['meanWaitS', (f) => f.meanWaitS],
];

/**
 * One row per cell: the scenario, each figure's mean and its 95% half-width (`<name>Ci95`, empty
 * for a single replication), and the time share at each length joined by `;`.
 */
export function sweepCsv(cells: readonly SweepCell[]): string {
  const header = [
    'producers', 'consumers', 'capacity', 'producerPeriodS', 'consumerMinS', 'consumerMaxS', 'modelHours',
    'engine', 'timeScale', 'seed', 'replications',
    ...FIGURES.flatMap(([name]) => [name, `${name}Ci95`]),
    'queueLengthTimeShare', 'events',
  ];
  const rows = cells.map(({ report }) => row(report));
  return [header, ...rows].map((fields) => fields.join(',')).join('\n') + '\n';
}

function row(report: RunReport): string[] {
  const s = report.scenario;
  const ci: Partial<RunFigures> = report.ci95;
  return [
    ...[s.producers, s.consumers, s.capacity, s.producerPeriodS, s.consumerMinS, s.consumerMaxS, s.modelHours].map(text),
    s.engine,
    text(s.timeScale),
    text(s.seed),
    text(s.replications),
    ...FIGURES.flatMap(([, pick]) => [text(pick(report)), text(pick(ci))]),
    report.queueLengthTimeShare.map(text).join(';'),
    text(report.engineStats.events),
  ];
}

function text(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // integers (seeds, counts) exactly; measured figures to 8 significant digits
  return Number.isInteger(value) ? String(value) : String(+value.toPrecision(8));
}
