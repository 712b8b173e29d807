import { cpus } from 'node:os';
import { createRandom, NoRedisServerError, startRedisServer, type RedisServerProcess } from '@restaurant/shared';
import { Redis } from 'ioredis';
import { newBenchItem } from './bench-item.js';
import type { BenchOptions } from './bench-options.js';
import { benchPlan } from './bench-plan.js';
import { toJsonRow, type BenchRow, type Measurement } from './bench-row.js';
import { memoryGrowth, type MemoryGrowth } from './memory-check.js';
import { ProgressBar, type TextSink } from './progress-bar.js';
import { ratioRows } from './ratios.js';
import { measureCeiling } from './redis-benchmark-ceiling.js';
import { parseInfo } from './redis-stats.js';
import { memoryTable, ratioTable, redisCommandsTable, resultsTable, targetsTable } from './result-tables.js';
import { runScenario } from './run-scenario.js';
import { scenarioLabel } from './scenario.js';
import { checkTargets } from './targets.js';

/** What the benchmark needs from its process; only main.ts builds it. */
export interface BenchIo {
  stdout: TextSink;
  stderr: TextSink;
  stderrIsTerminal: boolean;
  redisUrl: string | undefined;
  /** The built main.js, started again as each worker process. */
  workerEntry: string;
  nodeVersion: string;
}

/** The whole benchmark: Redis, every scenario, the ceiling, then the tables. Returns the exit code. */
export async function runBench(options: BenchOptions, io: BenchIo): Promise<number> {
  let server: RedisServerProcess | undefined;
  if (!io.redisUrl) {
    try {
      server = await startRedisServer();
    } catch (error) {
      if (!(error instanceof NoRedisServerError)) throw error;
      io.stderr.write('No Redis for the benchmark: install redis-server, or set REDIS_URL.\n');
      return 1;
    }
  }
  const redisUrl = io.redisUrl ?? (server as RedisServerProcess).url;
  try {
    const report = await measureAll(options, redisUrl, io);
    const human = options.json ? io.stderr : io.stdout;
    human.write(`${report.text}\n`);
    if (options.json) io.stdout.write(`${JSON.stringify(report.rows.map(toJsonRow), null, 2)}\n`);
    return report.failed ? 1 : 0;
  } finally {
    await server?.stop();
  }
}

async function measureAll(
  options: BenchOptions,
  redisUrl: string,
  io: BenchIo,
): Promise<{ text: string; rows: BenchRow[]; failed: boolean }> {
  const plan = benchPlan(options);
  const steps = plan.scenarios.length + plan.ceilings.length + (plan.memory ? 1 : 0);
  const progress = new ProgressBar(io.stderr, steps, io.stderrIsTerminal);
  const measurements: Measurement[] = [];
  let step = 0;
  for (const scenario of plan.scenarios) {
    const label = scenarioLabel(scenario);
    progress.update(step, label, 0);
    const { measurement } = await runScenario(scenario, {
      redisUrl,
      workerEntry: io.workerEntry,
      onProgress: (fraction) => progress.update(step, label, fraction),
    });
    measurements.push(measurement);
    step++;
  }
  let memory: MemoryGrowth[] | null = null;
  if (plan.memory) {
    const { scenario, early, late } = plan.memory;
    const label = `memory: ${scenarioLabel(scenario)}, ${scenario.items} items`;
    progress.update(step, label, 0);
    const outcome = await runScenario(scenario, {
      redisUrl,
      workerEntry: io.workerEntry,
      onProgress: (fraction) => progress.update(step, label, fraction),
    });
    measurements.push(outcome.measurement);
    memory = memoryGrowth(outcome.workers, early, late);
    step++;
  }
  const ceilingRows: BenchRow[] = [];
  const valueSize = storedItemBytes();
  for (const { depth, requests } of plan.ceilings) {
    progress.update(step, `redis-benchmark LPUSH/RPOP pipeline ${depth}`, 0);
    ceilingRows.push(...(await measureCeiling({ redisUrl, valueSize, depth, requests })));
    step++;
  }
  progress.finish();

  const rows = [...measurements.map((m) => m.row), ...ceilingRows];
  const failed = measurements.some((m) => m.problem !== null);
  const text = [
    await heading(redisUrl, io.nodeVersion, valueSize, options.quick),
    '## Results',
    resultsTable([...measurements, ...ceilingRows.map(ceilingMeasurement)]),
    '',
    '## Ratios (same run)',
    ratioTable(ratioRows(rows)),
    '',
    '## Targets',
    targetsTable(checkTargets(rows, memory)),
    '',
    '## Memory',
    memory ? memoryTable(memory) : 'not run (--quick or --only leaves it out; it offers and takes 1,000,000 items)',
    '',
    '## Where Redis time goes (INFO commandstats per run)',
    redisCommandsTable(measurements),
  ].join('\n');
  return { text, rows, failed };
}

/** The size of one of our items as it sits in the list (stored as sent): redis-benchmark's -d. */
function storedItemBytes(): number {
  return Buffer.byteLength(JSON.stringify(newBenchItem(createRandom(1), 'producer_1')));
}

function ceilingMeasurement(row: BenchRow): Measurement {
  return { row, p99WithWarmupMs: null, warmedUp: true, redisCpuUsPerItem: null, clientCpuUsPerItem: null, topCommands: [], problem: null };
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
    'Numbers from a shared, noisy machine: compare the ratios within one run, not absolute numbers across runs.',
    '',
  ].join('\n');
}
