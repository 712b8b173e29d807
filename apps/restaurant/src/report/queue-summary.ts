import type { Accounting } from '@restaurant/queue';
import type { LiveQueue } from './read-live-queue.js';

type EventCounts = LiveQueue['counts'];

/** One queue in a line: what `report` and the dashboard show of each of many kitchens, and of them all. */
export interface QueueSummary {
  queue: string;
  length: number;
  capacity: number;
  counts: EventCounts;
  /** Meals dropped on a full queue, of all offered; null before the first offer. */
  fullFraction: number | null;
  /** Visits that found no meal, of all visits; null before the first visit. */
  emptyFraction: number | null;
  accounting: Accounting;
}

/** Every queue and their sum, as `report --json` prints it for several queues. */
export interface KitchensSummary {
  queues: QueueSummary[];
  total: QueueSummary;
}

export const TOTAL_NAME = 'total';

export function summaryOf(live: LiveQueue): QueueSummary {
  return withFractions(live.snapshot.queueName, live.snapshot.length, live.report.scenario.capacity, live.counts, live.report.accounting);
}

export function kitchensSummary(queues: QueueSummary[]): KitchensSummary {
  let length = 0;
  let capacity = 0;
  let counts: EventCounts = { ready: 0, full: 0, taken: 0, empty: 0 };
  let accounting: Accounting = { accepted: 0, taken: 0, queued: 0, inFlight: 0, deadLettered: 0, redelivered: 0, duplicates: 0, lost: 0 };
  for (const queue of queues) {
    length += queue.length;
    capacity += queue.capacity;
    counts = addFields(counts, queue.counts);
    accounting = addFields(accounting, queue.accounting);
  }
  return { queues, total: withFractions(TOTAL_NAME, length, capacity, counts, accounting) };
}

function addFields<T extends object>(sum: T, more: T): T {
  const entries = Object.entries(sum).map(([field, value]) => [field, (value as number) + (more[field as keyof T] as number)]);
  return Object.fromEntries(entries) as T;
}

function withFractions(queue: string, length: number, capacity: number, counts: EventCounts, accounting: Accounting): QueueSummary {
  const share = (part: number, other: number): number | null => (part + other === 0 ? null : part / (part + other));
  return { queue, length, capacity, counts, fullFraction: share(counts.full, counts.ready), emptyFraction: share(counts.empty, counts.taken), accounting };
}

/** The queues as a table, one row each and the total last. */
export function formatKitchens({ queues, total }: KitchensSummary): string {
  const percent = (fraction: number | null): string => (fraction === null ? '–' : `${(fraction * 100).toFixed(2)}%`);
  const header = ['queue', 'length', 'capacity', 'READY', 'FULL', 'TAKEN', 'EMPTY', 'full', 'empty', 'accepted', 'in flight', 'dead', 'lost'];
  const rows = [...queues, total].map((q) => [
    q.queue,
    q.length,
    q.capacity,
    q.counts.ready,
    q.counts.full,
    q.counts.taken,
    q.counts.empty,
    percent(q.fullFraction),
    percent(q.emptyFraction),
    q.accounting.accepted,
    q.accounting.inFlight,
    q.accounting.deadLettered,
    q.accounting.lost,
  ].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  const verdict = total.accounting.lost === 0 ? 'nothing lost' : `${total.accounting.lost} LOST`;
  return `${[header, ...rows].map(line).join('\n')}\n${queues.length} queues, ${verdict}\n`;
}
