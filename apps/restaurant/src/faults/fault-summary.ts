import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Accounting } from '@restaurant/queue';

/** Where each fault test leaves its outcome, for the table `npm run test:faults` prints. */
export const FAULT_SUMMARY_FILE = 'test-results/faults.jsonl';

export interface FaultOutcome {
  fault: string;
  accounting: Accounting;
}

export function recordFaultOutcome(outcome: FaultOutcome, file = FAULT_SUMMARY_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(outcome)}\n`);
}

export function clearFaultOutcomes(file = FAULT_SUMMARY_FILE): void {
  rmSync(file, { force: true });
}

export function readFaultOutcomes(file = FAULT_SUMMARY_FILE): FaultOutcome[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FaultOutcome);
}

/** A markdown table: one row per fault with where its items ended up. */
export function faultTable(outcomes: FaultOutcome[]): string {
  const header = ['fault', 'produced', 'acknowledged', 'redelivered', 'dead-lettered', 'in queue', 'lost'];
  const rows = outcomes.map(({ fault, accounting: a }) => [
    fault,
    a.accepted,
    a.taken,
    a.redelivered,
    a.deadLettered,
    a.queued + a.inFlight,
    a.lost,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (i === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
