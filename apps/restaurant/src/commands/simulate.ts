import { CONFIG_EXIT_CODE, ConfigError, redactUrl } from '@restaurant/shared';
import type { CliIo, Command } from '../cli-io.js';
import { flagHelp, parseFlags } from '../cli/parse-flags.js';
import { formatReportTable } from '../simulate/report-table.js';
import { runScenario } from '../simulate/run-scenario.js';
import { planSimulation, simulateFlags } from '../simulate/simulate-plan.js';
import { DEFAULT_REDIS_URL, ensureRedis, NoRedisError } from '../start/ensure-redis.js';

const HELP = `Usage: npm run -s simulate -- [options]

Runs one scenario and prints its report: rates per model hour, how often the queue was full
or empty, the time-weighted queue length and how long meals waited.

  --engine virtual  a discrete-event run of the exact model in this process (fast, seeded)
  --engine redis    the real cook and customer processes on a fresh queue in Redis, for
                    --model-hours at --time-scale, measured from the counters in Redis

Options:
${flagHelp(simulateFlags)}
`;

export const simulateCommand: Command = {
  summary: 'run one scenario (virtual model or real services) and print its report',
  async run(args: string[], io: CliIo): Promise<number> {
    let plan;
    try {
      const flags = parseFlags(args, simulateFlags);
      if (flags.switches.has('help')) {
        io.stdout.write(HELP);
        return 0;
      }
      plan = planSimulation(flags, io.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return CONFIG_EXIT_CODE;
    }

    const { scenario } = plan;
    let redis;
    if (scenario.engine === 'redis') {
      try {
        redis = await ensureRedis(plan.redisUrl ?? DEFAULT_REDIS_URL);
      } catch (error) {
        if (!(error instanceof NoRedisError)) throw error;
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      const wallS = scenario.modelHours * 3600 * scenario.timeScale * scenario.replications;
      io.stderr.write(
        `simulate: running the services for ${wallS.toFixed(1)} s of wall time at ${redactUrl(redis.url)}` +
          `${redis.embedded ? ' (started here)' : ''}\n`,
      );
    }
    try {
      const live = redis && {
        nodePath: io.execPath,
        env: io.env,
        redisUrl: redis.url,
        onQueue: (queueName: string) => io.stderr.write(`simulate: queue "${queueName}"\n`),
      };
      const report = await runScenario(scenario, live);
      io.stdout.write(plan.json ? `${JSON.stringify(report)}\n` : formatReportTable(report));
      return 0;
    } catch (error) {
      if (scenario.engine !== 'redis') throw error;
      io.stderr.write(`simulate: ${(error as Error).message}\n`);
      return 1;
    } finally {
      await redis?.stop();
    }
  },
};
