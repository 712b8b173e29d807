import { redactUrl } from '@restaurant/queue';
import { type RunReport } from '@restaurant/sim';
import { defineCommand } from '../cli/define-command.js';
import { formatReportTable } from '../simulate/report-table.js';
import { runScenario } from '../simulate/run-scenario.js';
import { planSimulation, simulateFlags } from '../simulate/simulate-plan.js';
import { withRunRedis } from '../start/with-run-redis.js';

export const simulateCommand = defineCommand({
  summary: 'run one scenario (virtual model or real services) and print its report',
  usage: `Usage: npm run -s simulate -- [options]

Runs one scenario and prints its report: rates per model hour, how often the queue was full
or empty, the time-weighted queue length and how long meals waited.

  --engine virtual  a discrete-event run of the exact model in this process (fast, seeded)
  --engine redis    the real cook and customer processes on a fresh queue in Redis, for
                    --model-hours at --time-scale, measured from the counters in Redis`,
  flags: simulateFlags,
  plan: (flags, io) => planSimulation(flags, io.env),
  async execute(plan, io) {
    const { scenario } = plan;
    const print = (report: RunReport): number => {
      io.stdout.write(plan.json ? `${JSON.stringify(report)}\n` : formatReportTable(report));
      return 0;
    };
    if (scenario.engine === 'virtual') return print(await runScenario(scenario, undefined));
    return withRunRedis(plan.redis, io, async (redis) => {
      const wallS = scenario.modelHours * 3600 * scenario.timeScale * scenario.replications;
      io.stderr.write(
        `simulate: running the services for ${wallS.toFixed(1)} s of wall time at ${redactUrl(redis.url)}` +
          `${redis.embedded ? ' (started here)' : ''}\n`,
      );
      try {
        return print(
          await runScenario(scenario, {
            nodePath: io.execPath,
            env: io.env,
            redis,
            onQueue: (queueName: string) => io.stderr.write(`simulate: queue "${queueName}"\n`),
          }),
        );
      } catch (error) {
        io.stderr.write(`simulate: ${(error as Error).message}\n`);
        return 1;
      }
    });
  },
});
