import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProgressBar } from '@restaurant/service';
import type { CliIo } from '../cli-io.js';
import { defineCommand } from '../cli/define-command.js';
import { withRunRedis } from '../start/with-run-redis.js';
import type { LiveRunContext } from '../simulate/run-scenario.js';
import { runSweep } from '../sweep/run-sweep.js';
import { sweepChart } from '../sweep/sweep-chart.js';
import { sweepCsv } from '../sweep/sweep-csv.js';
import { planSweep, sweepFlags, type SweepPlan } from '../sweep/sweep-plan.js';
import { sweepSummary } from '../sweep/sweep-summary.js';

export const sweepCommand = defineCommand({
  summary: 'run a grid of scenarios; write results.csv, chart.svg and a staffing summary',
  usage: `Usage: npm run sweep -- [options]

Runs a grid of scenarios (cooks × customers × capacity), each replicated, and writes to the
output folder: results.csv (one row per cell, means and 95% half-widths), chart.svg (heatmaps
of empty and full fractions and queue length; open it in a browser) and summary.md (for each
number of customers, the fewest cooks that keep empty visits within the goal, and the meals
that costs). The summary is also printed; progress goes to stderr.`,
  flags: sweepFlags,
  plan: (flags, io) => planSweep(flags, io.env),
  async execute(plan, io) {
    if (plan.base.engine === 'virtual') return runAndWrite(plan, undefined, io);
    return withRunRedis(plan.redis, io, (redis) =>
      runAndWrite(plan, { nodePath: io.execPath, env: io.env, redis }, io),
    );
  },
});

async function runAndWrite(plan: SweepPlan, live: LiveRunContext | undefined, io: CliIo): Promise<number> {
  let progress: ProgressBar | undefined;
  try {
    const cells = await runSweep(plan, live, (done, total) => {
      progress ??= new ProgressBar(io.stderr, { total, unit: 'cells', isTerminal: io.stderrIsTerminal });
      progress.update(done);
    });
    progress?.finish();
    const summary = sweepSummary(cells, plan);
    await mkdir(plan.outDir, { recursive: true });
    const files = {
      'results.csv': sweepCsv(cells),
      'chart.svg': sweepChart(cells, plan),
      'summary.md': summary,
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(plan.outDir, name), text);
    io.stdout.write(summary);
    io.stderr.write(`sweep: wrote ${Object.keys(files).map((name) => join(plan.outDir, name)).join(', ')}\n`);
    return 0;
  } catch (error) {
    progress?.finish();
    if (live === undefined && !isFileError(error)) throw error;
    io.stderr.write(`sweep: ${(error as Error).message}\n`);
    return 1;
  }
}

function isFileError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
