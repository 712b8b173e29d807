import { cpus } from 'node:os';
import { createRandom } from '@restaurant/service';
import { NoRedisServerError, startRedisServer, type RedisServerProcess } from '@restaurant/process';
import { Redis } from 'ioredis';
import { newBenchItem } from './bench-item.js';
import type { BenchOptions } from './bench-options.js';
import { benchPlan, type BenchPlan } from './bench-plan.js';
import { toJsonRow, type BenchRow, type Measurement } from './bench-row.js';
import { probeMachineStalls, type MachineStalls } from './machine-stalls.js';
import { memoryGrowth, type MemoryGrowth } from './memory-check.js';
import { ProgressBar, type TextSink } from './progress-bar.js';
import { ratioRows } from './ratios.js';
import { measureCeiling } from './redis-benchmark-ceiling.js';
import { redisProblem } from './redis-problem.js';
import { parseInfo } from './redis-stats.js';
import { gcPausesTable, machineStallsTable, memoryTable, ratioTable, redisCommandsTable, resultsTable, roundsTable, targetsTable } from './result-tables.js';
import { runScenario, type ScenarioOutcome } from './run-scenario.js';
import { scenarioLabel, type Scenario } from './scenario.js';
import { checkTargets, type TargetCheck } from './targets.js';
import { targetsOverRounds } from './targets-over-rounds.js';

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

/**
 * The whole benchmark: Redis, then every round (each scenario, the memory check, the ceiling),
 * then the tables. Returns the exit code.
 */
export async function runBench(options: BenchOptions, io: BenchIo): Promise<number> {
  let server: RedisServerProcess | undefined;
  if (io.redisUrl) {
    const problem = await redisProblem(io.redisUrl);
    if (problem) {
      io.stderr.write(`No Redis for the benchmark: ${problem}\n`);
      return 1;
    }
  } else {
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
    human.write(report.text);
    if (options.json) io.stdout.write(`${JSON.stringify(report.rows, null, 2)}\n`);
    return report.failed ? 1 : 0;
  } finally {
    await server?.stop();
  }
}

interface Round {
  /** Measured just before the round's rows, on the same machine. */
  stalls: MachineStalls;
  measurements: Measurement[];
  ceilingRows: BenchRow[];
  memory: MemoryGrowth[] | null;
}

async function measureAll(
  options: BenchOptions,
  redisUrl: string,
  io: BenchIo,
): Promise<{ text: string; rows: JsonRow[]; failed: boolean }> {
  const plan = benchPlan(options);
  const valueSize = storedItemBytes();
  const stepsPerRound = 1 + plan.scenarios.length + plan.ceilings.length + (plan.memory ? 1 : 0);
  const progress = new ProgressBar(io.stderr, stepsPerRound * options.rounds, io.stderrIsTerminal);
  const rounds: Round[] = [];
  for (let index = 0; index < options.rounds; index++) {
    const label = options.rounds > 1 ? `round ${index + 1}/${options.rounds}: ` : '';
    const firstStep = index * stepsPerRound;
    const onStep: StepProgress = (step, what, fraction) => progress.update(firstStep + step, `${label}${what}`, fraction);
    rounds.push(await measureRound(plan, { redisUrl, workerEntry: io.workerEntry, valueSize }, onStep));
  }
  progress.finish();

  const several = rounds.length > 1;
  const checks = rounds.map((round) => checkTargets(roundRows(round), round.memory));
  const cores = cpus().length;
  const text = [
    await heading(redisUrl, io.nodeVersion, valueSize, options.quick),
    ...rounds.map((round, index) =>
      roundReport(round, index + 1, checks[index], several ? ` (round ${index + 1} of ${rounds.length})` : '', cores),
    ),
    ...(several
      ? [
          `## Targets over ${rounds.length} rounds`,
          roundsTable(targetsOverRounds(checks)),
          '',
          `## The machine's own stalls over ${rounds.length} rounds`,
          machineStallsTable(
            rounds.map((round) => round.stalls),
            rounds.map((_, index) => index + 1),
          ),
          '',
        ]
      : []),
  ].join('\n');
  const rows = rounds.flatMap((round, index) =>
    roundRows(round).map((row) => (several ? { ...toJsonRow(row), round: index + 1 } : toJsonRow(row))),
  );
  const failed = rounds.some((round) => round.measurements.some((m) => m.problem !== null));
  return { text, rows, failed };
}

/** A JSON row; with several rounds, also the round it came from (1 for the first). */
type JsonRow = BenchRow & { round?: number };

type StepProgress = (step: number, label: string, fraction: number) => void;

/** One pass over the plan: our rows and BullMQ's, the memory check, then the ceiling. */
async function measureRound(
  plan: BenchPlan,
  { redisUrl, workerEntry, valueSize }: { redisUrl: string; workerEntry: string; valueSize: number },
  progress: StepProgress,
): Promise<Round> {
  progress(0, "the machine's own stalls: a busy loop on every core", 0);
  const stalls = await probeMachineStalls(workerEntry, plan.stallProbeMs);
  const measurements: Measurement[] = [];
  let step = 1;
  const runStep = async (scenario: Scenario, label: string): Promise<ScenarioOutcome> => {
    progress(step, label, 0);
    const outcome = await runScenario(scenario, { redisUrl, workerEntry, onProgress: (fraction) => progress(step, label, fraction) });
    measurements.push(outcome.measurement);
    step++;
    return outcome;
  };
  for (const scenario of plan.scenarios) await runStep(scenario, scenarioLabel(scenario));
  let memory: MemoryGrowth[] | null = null;
  if (plan.memory) {
    const { scenario, early, late } = plan.memory;
    const outcome = await runStep(scenario, `memory: ${scenarioLabel(scenario)}, ${scenario.items} items`);
    memory = memoryGrowth(outcome.workers, early, late);
  }
  const ceilingRows: BenchRow[] = [];
  for (const { depth, requests } of plan.ceilings) {
    progress(step, `redis-benchmark LPUSH/RPOP pipeline ${depth}`, 0);
    ceilingRows.push(...(await measureCeiling({ redisUrl, valueSize, depth, requests })));
    step++;
  }
  return { stalls, measurements, ceilingRows, memory };
}

function roundRows({ measurements, ceilingRows }: Round): BenchRow[] {
  return [...measurements.map((m) => m.row), ...ceilingRows];
}

function roundReport(round: Round, roundNumber: number, checks: TargetCheck[], suffix: string, cores: number): string {
  return [
    `## Results${suffix}`,
    resultsTable([...round.measurements, ...round.ceilingRows.map(ceilingMeasurement)], cores),
    '',
    `## Ratios${suffix || ' (same run)'}`,
    ratioTable(ratioRows(roundRows(round))),
    '',
    `## Targets${suffix}`,
    targetsTable(checks),
    '',
    `## The machine's own stalls, before the rows${suffix}`,
    machineStallsTable([round.stalls], [roundNumber]),
    STALLS_NOTE,
    '',
    `## Memory${suffix}`,
    round.memory ? memoryTable(round.memory) : 'not run (--quick or --only leaves it out; it offers and takes 1,000,000 items)',
    '',
    `## Where Redis time goes (INFO commandstats per run)${suffix}`,
    redisCommandsTable(round.measurements),
    '',
    `## GC pauses in the workers (whole run, warm-up included)${suffix}`,
    gcPausesTable(round.measurements),
    '',
  ].join('\n');
}

const STALLS_NOTE = [
  'A busy loop on every core while nothing of ours runs; a stall is a gap of 1 ms or more between two of its readings of',
  "the clock: time the machine gave to something else (its kernel's threads, other services, a hypervisor). The polling",
  "customer and the unpaced cook never wait either: a stall of the customer's core holds up what the cook queues",
  'meanwhile on the other core, and once about 1% of the items wait over 2 ms, the 1/1 p99 is over 2 ms.',
].join('\n');

/** The size of one of our items as it sits in the list (stored as sent): redis-benchmark's -d. */
function storedItemBytes(): number {
  return Buffer.byteLength(JSON.stringify(newBenchItem(createRandom(1), 'producer_1')));
}

function ceilingMeasurement(row: BenchRow): Measurement {
  return { row, p99WithWarmupMs: null, warmedUp: true, redisCpuUsPerItem: null, clientCpuUsPerItem: null, topCommands: [], problem: null, gcPauses: null };
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
