import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProgressBar } from '@restaurant/service';
import type { CliIo } from '../cli-io.js';
import { defineCommand } from '../cli/define-command.js';
import { withRunRedis } from '../start/with-run-redis.js';
import { runSweep } from '../sweep/run-sweep.js';
import { runSweepOnWorkers } from '../sweep/run-sweep-on-workers.js';
import type { SweepCell } from '../sweep/sweep-cell.js';
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
that costs). The summary is also printed; progress goes to stderr.

With --workers bullmq every replication of every cell is a job on a BullMQ queue in Redis, run
by any number of \`sweep-worker\` processes; the files are the same as a local sweep's with the
same seed (but for the wall seconds).`,
  flags: sweepFlags,
  plan: (flags, io) => planSweep(flags, io.env),
  async execute(plan, io) {
    if (plan.workers === 'bullmq') {
      // Ctrl-C takes the sweep's jobs off the queue rather than leave them to the workers.
      const stop = new AbortController();
      io.onStopSignal(() => stop.abort());
      return runAndWrite(plan, 'jobs', io, async (onProgress) => {
        const outcome = await runSweepOnWorkers(plan, { redis: plan.redis, jobQueue: plan.jobQueue, onProgress, signal: stop.signal });
        return { cells: outcome.cells, note: outcome.rerun > 0 ? `${outcome.rerun} job(s) ran again after their worker stopped answering` : undefined };
      });
    }
    if (plan.base.engine === 'virtual') return runAndWrite(plan, 'cells', io, async (onProgress) => ({ cells: await runSweep(plan, undefined, onProgress) }));
    return withRunRedis(plan.redis, io, (redis) =>
      runAndWrite(plan, 'cells', io, async (onProgress) => ({
        cells: await runSweep(plan, { nodePath: io.execPath, env: io.env, redis }, onProgress),
      })),
    );
  },
});

type RunCells = (onProgress: (done: number, total: number) => void) => Promise<{ cells: SweepCell[]; note?: string }>;

/** Runs the cells (here or on workers) with a progress bar counting `unit`, then writes the files. */
async function runAndWrite(plan: SweepPlan, unit: string, io: CliIo, run: RunCells): Promise<number> {
  let progress: ProgressBar | undefined;
  try {
    const { cells, note } = await run((done, total) => {
      progress ??= new ProgressBar(io.stderr, { total, unit, isTerminal: io.stderrIsTerminal });
      progress.update(done);
    });
    progress?.finish();
    if (note) io.stderr.write(`sweep: ${note}\n`);
    const summary = sweepSummary(cells, plan);
    await mkdir(plan.outDir, { recursive: true });
    const files = {
      'results.csv': sweepCsv(cells),
      'chart.svg': sweepChart(cells, plan),
      'summary.md': summary,
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(plan.outDir, name), text);
    io.stdout.write(summary);
    // the engine's wall time stays out of the files, so that the same seed gives the same bytes
    const wallS = cells.reduce((sum, cell) => sum + cell.report.engineStats.wallS, 0);
    io.stderr.write(`sweep: ${wallS.toFixed(1)} s of engine time; wrote ${Object.keys(files).map((name) => join(plan.outDir, name)).join(', ')}\n`);
    return 0;
  } catch (error) {
    progress?.finish();
    // The redis engine's and the workers' failures are expected ones (a service, a worker, Redis).
    if (plan.base.engine === 'virtual' && plan.workers === 'local' && !isFileError(error)) throw error;
    io.stderr.write(`sweep: ${(error as Error).message}\n`);
    return 1;
  }
}

function isFileError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
