import { fileURLToPath } from 'node:url';
import { CONFIG_EXIT_CODE, ConfigError } from '@restaurant/service';
import { BENCH_USAGE, parseBenchOptions, type BenchOptions } from './bench-options.js';
import { runBench } from './run-bench.js';
import { runWorker } from './run-worker.js';
import type { ToWorker, WorkerJob } from './worker-protocol.js';

const [command, jobJson] = process.argv.slice(2);

if (command === 'worker') {
  const job = JSON.parse(jobJson) as WorkerJob;
  const exitCode = await runWorker(job, {
    send: (message) => new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve())),
    onMessage: (handler) => process.on('message', (message) => handler(message as ToWorker)),
    cpuMs: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    },
  });
  process.exit(exitCode);
}

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  const problems = error.problems.map(({ name, value, allowed }) => (value === undefined ? `${name}: ${allowed}` : `${name}=${JSON.stringify(value)}: ${allowed}`));
  process.stderr.write(`npm run bench: ${problems.join('; ')} (see --help)\n`);
  process.exit(CONFIG_EXIT_CODE);
}
if (options.help) {
  process.stdout.write(`${BENCH_USAGE}\n`);
  process.exit(0);
}
try {
  const exitCode = await runBench(options, {
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
