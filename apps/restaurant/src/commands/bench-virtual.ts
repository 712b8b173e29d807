import { settings, parseFlagValues, type FlagSpec } from '@restaurant/service';
import { z } from 'zod';
import { defineCommand } from '../cli/define-command.js';
import { BENCH_CASES, benchVirtualEngine } from '../bench/virtual-engine-bench.js';

/** The speed the issue asks of the virtual engine on one core. */
const TARGET_EVENTS_PER_SEC = 10_000_000;

const benchFlags: FlagSpec = {
  options: { rounds: 'timed runs per scenario; the best counts (3)' },
  switches: { json: 'print the rows as JSON' },
};

export const benchVirtualCommand = defineCommand({
  summary: 'measure the virtual engine\'s events per second',
  usage: `Usage: npm run bench:virtual -- [options]

Measures the virtual engine's events per second (an event is one cook or customer action)
on a few scenarios, in this one process (one core), against the target of 10 million/s.`,
  flags: benchFlags,
  plan: (flags) => ({
    ...parseFlagValues(z.object({ rounds: settings.wholeNumber(1, 100) }), { rounds: '3', ...flags.values }, flags),
    json: flags.switches.has('json'),
  }),
  async execute(plan, io) {
    const rows = benchVirtualEngine(BENCH_CASES, plan.rounds);
    if (plan.json) {
      io.stdout.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    const width = Math.max(...rows.map((row) => row.name.length));
    io.stdout.write(`${'scenario'.padEnd(width)}  ${'events'.padStart(11)}  ${'best s'.padStart(7)}  events/s\n`);
    for (const row of rows) {
      io.stdout.write(
        `${row.name.padEnd(width)}  ${String(row.events).padStart(11)}  ${row.bestWallS.toFixed(3).padStart(7)}  ` +
          `${(row.eventsPerSec / 1e6).toFixed(1)} M (${row.eventsPerSec >= TARGET_EVENTS_PER_SEC ? 'meets' : 'BELOW'} the 10 M target)\n`,
      );
    }
    return 0;
  },
});
