import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_EXIT_CODE, ConfigError } from '@restaurant/shared';
import type { CliIo, Command } from '../cli-io.js';
import { flagHelp, parseFlags } from '../cli/parse-flags.js';
import { DEFAULT_REDIS_URL, ensureRedis, NoRedisError } from '../start/ensure-redis.js';
import { progressLine } from '../sweep/progress-bar.js';
import { runSweep } from '../sweep/run-sweep.js';
import { sweepChart } from '../sweep/sweep-chart.js';
import { sweepCsv } from '../sweep/sweep-csv.js';
import { planSweep, sweepFlags } from '../sweep/sweep-plan.js';
import { sweepSummary } from '../sweep/sweep-summary.js';

const HELP = `Usage: npm run sweep -- [options]

Runs a grid of scenarios (cooks × customers × capacity), each replicated, and writes to the
output folder: results.csv (one row per cell, means and 95% half-widths), chart.svg (heatmaps
of empty and full fractions and queue length; open it in a browser) and summary.md (for each
number of customers, the fewest cooks that keep empty visits within the goal, and the meals
that costs). The summary is also printed; progress goes to stderr.

Options:
${flagHelp(sweepFlags)}
`;

export const sweepCommand: Command = {
  summary: 'run a grid of scenarios; write results.csv, chart.svg and a staffing summary',
  async run(args: string[], io: CliIo): Promise<number> {
    let plan;
    try {
      const flags = parseFlags(args, sweepFlags);
      if (flags.switches.has('help')) {
        io.stdout.write(HELP);
        return 0;
      }
      plan = planSweep(flags, io.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return CONFIG_EXIT_CODE;
    }

    let redis;
    if (plan.base.engine === 'redis') {
      try {
        redis = await ensureRedis(plan.redisUrl ?? DEFAULT_REDIS_URL);
      } catch (error) {
        if (!(error instanceof NoRedisError)) throw error;
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
    }
    const started = performance.now();
    try {
      const live = redis && { nodePath: io.execPath, env: io.env, redisUrl: redis.url };
      const cells = await runSweep(plan, live, (done, total) =>
        io.stderr.write(progressLine(done, total, (performance.now() - started) / 1000) + (done === total ? '\n' : '')),
      );
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
      if (plan.base.engine !== 'redis' && !isFileError(error)) throw error;
      io.stderr.write(`\nsweep: ${(error as Error).message}\n`);
      return 1;
    } finally {
      await redis?.stop();
    }
  },
};

function isFileError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
