import { cpus } from 'node:os';
import { NoRedisServerError, pingRedis, startRedisServer, type RedisServerProcess } from '@restaurant/process';
import { redactUrl } from '@restaurant/queue';
import { createRandom, ProgressBar, type LineSink } from '@restaurant/service';
import { Redis } from 'ioredis';
import { newBenchItem } from './bench-item.js';
import type { BenchOptions } from './bench-options.js';
import { benchPlan, scenarioLabel } from './bench-plan.js';
import type { BenchRow, Measurement } from './bench-row.js';
import { measureCeiling } from './redis-benchmark-ceiling.js';
import { parseInfo } from './redis-stats.js';
import { diagnosticsTable, resultsTable, targetsTable } from './result-tables.js';
import { runScenario } from './run-scenario.js';
import { checkTargets } from './targets.js';

/** What the benchmark needs from its process; only main.ts builds it. */
export interface BenchIo {
  stdout: LineSink;
  stderr: LineSink;
  stderrIsTerminal: boolean;
  redisUrl: string | undefined;
  /** The built main.js, started again as each worker process. */
  workerEntry: string;
  nodeVersion: string;
}

/** The whole benchmark on REDIS_URL or a redis-server of its own. Returns the exit code. */
export async function runBench(options: BenchOptions, io: BenchIo): Promise<number> {
  let server: RedisServerProcess | undefined;
  if (io.redisUrl && !(await pingRedis(io.redisUrl, 3000))) {
    io.stderr.write(`No Redis for the benchmark: nothing answers at REDIS_URL=${redactUrl(io.redisUrl)}.\n`);
    return 1;
  }
  if (!io.redisUrl) {
    try {
      server = await startRedisServer();
    } catch (error) {
      if (!(error instanceof NoRedisServerError)) throw error;
      io.stderr.write('No Redis for the benchmark: install redis-server, or set REDIS_URL.\n');
      return 1;
    }
  }
  try {
    return await measureAll(options, io.redisUrl ?? (server as RedisServerProcess).url, io);
  } finally {
    await server?.stop();
  }
}

async function measureAll(options: BenchOptions, redisUrl: string, io: BenchIo): Promise<number> {
  const plan = benchPlan(options);
  const valueSize = storedItemBytes();
  const progress = new ProgressBar(io.stderr, { total: plan.scenarios.length + plan.ceilings.length, unit: 'rows', isTerminal: io.stderrIsTerminal });
  const measurements: Measurement[] = [];
  for (const [step, scenario] of plan.scenarios.entries()) {
    const label = scenarioLabel(scenario);
    progress.update(step, label);
    measurements.push(await runScenario(scenario, { redisUrl, workerEntry: io.workerEntry, onProgress: (fraction) => progress.update(step + fraction, label) }));
  }
  const ceilingRows: BenchRow[] = [];
  for (const [index, { depth, requests }] of plan.ceilings.entries()) {
    progress.update(plan.scenarios.length + index, `redis-benchmark LPUSH/RPOP pipeline ${depth}`);
    ceilingRows.push(...(await measureCeiling({ redisUrl, valueSize, depth, requests })));
  }
  progress.finish();

  const rows = [...measurements.map((m) => m.row), ...ceilingRows];
  const report = [
    await heading(redisUrl, io.nodeVersion, valueSize, options.quick),
    '## Results',
    resultsTable(measurements, ceilingRows),
    '',
    '## Targets (ratios within this run)',
    targetsTable(checkTargets(rows)),
    '',
    ...(options.diagnostics ? ['## Diagnostics (whole run, warm-up included)', diagnosticsTable(measurements), ''] : []),
  ].join('\n');
  (options.json ? io.stderr : io.stdout).write(report);
  if (options.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  return measurements.some((m) => m.problem !== null) ? 1 : 0;
}

/** The size of one of our items as it sits in the list (stored as sent): redis-benchmark's -d. */
function storedItemBytes(): number {
  return Buffer.byteLength(JSON.stringify(newBenchItem(createRandom(1), 'producer_1')));
}

async function heading(redisUrl: string, nodeVersion: string, valueSize: number, quick: boolean): Promise<string> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const server = parseInfo(await redis.info('server'));
  redis.disconnect();
  const cores = cpus();
  return [
    `# Benchmark ${quick ? '(--quick) ' : ''}${new Date().toISOString()}`,
    `machine: ${cores.length} cores (${cores[0]?.model ?? 'unknown CPU'}), Node ${nodeVersion}, Redis ${server.redis_version}`,
    `item: ${valueSize} bytes as stored; redis-benchmark uses the same value size`,
    'A shared, noisy machine: compare the ratios within one run, not absolute numbers across runs.',
    '',
  ].join('\n');
}
