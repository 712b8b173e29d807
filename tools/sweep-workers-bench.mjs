// `npm run bench:sweep`: how much faster a sweep runs over BullMQ workers than in one process,
// and what each job costs on top of its own work. Needs the build and a Redis (REDIS_URL, else
// redis://127.0.0.1:6379). Every figure is the best of `--runs` timed sweeps, each a whole
// `sweep` process, after one untimed warm-up; the workers are started and waiting before.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../apps/restaurant/dist/main.js', import.meta.url));
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;

/** Real work: 64 cells × 4 replications of 100 model hours. */
const WORK = ['--producers', '1..4', '--consumers', '1..8', '--capacity', '1,3', '--replications', '4', '--model-hours', '100', '--seed', '1'];
/** Tiny jobs: 100 cells × 10 replications of 36 model seconds; nearly all of the time is overhead. */
const TINY = ['--producers', '1', '--consumers', '1..10', '--capacity', '1..10', '--replications', '10', '--model-hours', '0.01', '--seed', '1'];

function run(args, { quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', quiet ? 'ignore' : 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`sweep ${args.join(' ')} exited ${code}`))));
  });
}

async function startWorkers(count, jobQueue) {
  const workers = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, [CLI, 'sweep-worker', '--redis-url', REDIS_URL, '--job-queue', jobQueue], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`sweep-worker exited ${code}`)));
      createInterface({ input: child.stderr }).on('line', (line) => line.includes('taking jobs') && resolve());
    });
    child.removeAllListeners('exit');
    workers.push(child);
  }
  return workers;
}

async function stopWorkers(workers) {
  await Promise.all(workers.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
}

/** Best wall seconds of RUNS sweeps, locally (workers = 0) or over that many workers. */
async function best(grid, workers) {
  const out = mkdtempSync(join(tmpdir(), 'sweep-bench-'));
  const jobQueue = `bench-${randomBytes(4).toString('hex')}`;
  const args = ['sweep', ...grid, '--out', out, ...(workers ? ['--workers', 'bullmq', '--job-queue', jobQueue, '--redis-url', REDIS_URL] : [])];
  const running = workers ? await startWorkers(workers, jobQueue) : [];
  try {
    await run(args);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await run(args));
    return Math.min(...times);
  } finally {
    await stopWorkers(running);
  }
}

const jobsOf = (grid) => {
  const count = (flag) => {
    const text = grid[grid.indexOf(flag) + 1];
    const [from, to] = text.includes('..') ? text.split('..').map(Number) : [0, text.split(',').length - 1];
    return to - from + 1;
  };
  return count('--producers') * count('--consumers') * count('--capacity') * Number(grid[grid.indexOf('--replications') + 1]);
};

const rows = [];
const work = { local: await best(WORK, 0), one: await best(WORK, 1), two: await best(WORK, 2) };
const tiny = { local: await best(TINY, 0), one: await best(TINY, 1) };
const [workJobs, tinyJobs] = [jobsOf(WORK), jobsOf(TINY)];
rows.push(
  `| ${workJobs} jobs of 100 model hours | ${work.local.toFixed(2)} s | ${work.one.toFixed(2)} s (${(work.local / work.one).toFixed(2)}×) | ${work.two.toFixed(2)} s (${(work.local / work.two).toFixed(2)}×) |`,
  `| ${tinyJobs} jobs of 36 model seconds | ${tiny.local.toFixed(2)} s | ${tiny.one.toFixed(2)} s | |`,
);
console.log(`sweep over workers, best of ${RUNS}, ${cpus().length} cores, Redis ${REDIS_URL}\n`);
console.log('| sweep | local | 1 worker (speed-up) | 2 workers (speed-up) |\n|---|---:|---:|---:|');
console.log(rows.join('\n'));
console.log(`\noverhead per job (1 worker, tiny jobs): ${(((tiny.one - tiny.local) / tinyJobs) * 1000).toFixed(2)} ms`);
