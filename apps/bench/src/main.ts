import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, parseBenchOptions } from './bench-options.js';
import { countStalls, STALL_PROBE_COMMAND } from './machine-stalls.js';
import { runBench } from './run-bench.js';
import { runWorker } from './run-worker.js';
import type { ToWorker, WorkerJob } from './worker-protocol.js';

const [command, jobJson] = process.argv.slice(2);

/** Resolves once the message has left for the parent (at once without one). */
const sendToParent = (message: unknown): Promise<void> =>
  new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

if (command === 'worker') {
  const job = JSON.parse(jobJson) as WorkerJob;
  const exitCode = await runWorker(job, {
    send: sendToParent,
    onMessage: (handler) => process.on('message', (message) => handler(message as ToWorker)),
    rssBytes: () => process.memoryUsage.rss(),
    cpuMs: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    },
  });
  process.exit(exitCode);
}

if (command === STALL_PROBE_COMMAND) {
  await sendToParent(countStalls(Number(jobJson)));
  process.exit(0);
}

const parsed = parseBenchOptions(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`${parsed.problems.join('\n')}\n\n${BENCH_USAGE}\n`);
  process.exit(2);
}
if (parsed.options.help) {
  process.stdout.write(`${BENCH_USAGE}\n`);
  process.exit(0);
}
try {
  const exitCode = await runBench(parsed.options, {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTerminal: process.stderr.isTTY === true,
    redisUrl: process.env.REDIS_URL,
    workerEntry: fileURLToPath(import.meta.url),
    nodeVersion: process.version,
  });
  process.exit(exitCode);
} catch (error) {
  process.stderr.write(`\nThe benchmark stopped: ${(error as Error).message}\n`);
  process.exit(1);
}
