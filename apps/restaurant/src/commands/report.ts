import { closeRedis, clusterProblem, redactUrl } from '@restaurant/queue';
import { pingRedis } from '@restaurant/process';
import { CONFIG_EXIT_CODE, settings, parseFlagValues, type FlagSpec } from '@restaurant/service';
import { z } from 'zod';
import { defineCommand } from '../cli/define-command.js';
import { UnknownQueueError } from '../report/live-queue-report.js';
import { readLiveQueue } from '../report/read-live-queue.js';
import { formatReportTable } from '../simulate/report-table.js';
import { formatAccounting } from '../report/accounting-line.js';
import { formatKitchens, kitchensSummary, summaryOf } from '../report/queue-summary.js';
import { DEFAULT_REDIS_URL, UnusableClusterError } from '../start/ensure-redis.js';
import { openRedis, redisTargetOf } from '../start/redis-target.js';

const reportFlags: FlagSpec = {
  options: {
    queue: 'queue name, or names a,b,c for each and the total (QUEUE_NAMES, else QUEUE_NAME, else kitchen)',
    'redis-url': 'Redis of the queue (REDIS_URL, else redis://127.0.0.1:6379)',
    'redis-cluster-nodes': 'host:port,... of a Redis Cluster instead (REDIS_CLUSTER_NODES; the URL gives user, password, TLS)',
    'time-scale': 'wall seconds per model second the services run at (stored by simulate, else 1)',
  },
  switches: { json: 'print the report as one JSON object' },
};

const reportSchema = z.object({
  queue: settings.queueNames,
  'redis-url': settings.redisUrl,
  'redis-cluster-nodes': settings.clusterNodes.optional(),
  'time-scale': settings.positiveNumber('the time scale').optional(),
});

export const reportCommand = defineCommand({
  summary: 'print the report of a live queue from its counters in Redis',
  usage: `Usage: npm run -s report -- [options]

Prints the report of a live queue (npm start, docker compose, simulate --engine redis) from
the counters its Lua scripts keep in Redis: everything since the queue was first used, up to
now, exact across any number of processes. Model time is wall time divided by the time scale.
With several queues (--queue a,b,c), one line each and their total.`,
  flags: reportFlags,
  plan(flags, io) {
    const raw = { queue: queuesOfEnv(io.env), 'redis-url': io.env.REDIS_URL || DEFAULT_REDIS_URL, 'redis-cluster-nodes': io.env.REDIS_CLUSTER_NODES || undefined, ...flags.values };
    const values = parseFlagValues(reportSchema, raw, flags);
    return { ...values, target: redisTargetOf(values['redis-url'], values['redis-cluster-nodes'], io.env), json: flags.switches.has('json') };
  },
  async execute(plan, io) {
    const { url, clusterNodes, tls } = plan.target;
    const problem = clusterNodes && (await clusterProblem(clusterNodes, url, tls));
    if (problem) {
      io.stderr.write(`${new UnusableClusterError(clusterNodes, problem).message}\n`);
      return CONFIG_EXIT_CODE;
    }
    if (!clusterNodes && !(await pingRedis(url, 1000, tls))) {
      io.stderr.write(`No Redis answers at ${redactUrl(url)}: start the restaurant first, or set --redis-url / REDIS_URL.\n`);
      return 1;
    }
    const redis = await openRedis(plan.target);
    try {
      const lives = await Promise.all(plan.queue.map((queue) => readLiveQueue(redis, queue, { timeScale: plan['time-scale'] })));
      if (lives.length === 1) {
        const { report } = lives[0];
        io.stdout.write(plan.json ? `${JSON.stringify(report)}\n` : `${formatReportTable(report)}${formatAccounting(report.accounting)}`);
      } else {
        const kitchens = kitchensSummary(lives.map(summaryOf));
        io.stdout.write(plan.json ? `${JSON.stringify(kitchens)}\n` : formatKitchens(kitchens));
      }
      return 0;
    } catch (error) {
      if (!(error instanceof UnknownQueueError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return 1;
    } finally {
      await closeRedis(redis);
    }
  },
});

/** The queues a service of this environment serves, without their capacities (as its own QUEUE_NAMES reads them). */
function queuesOfEnv(env: Record<string, string | undefined>): string {
  const served = env.QUEUE_NAMES ? settings.queueList.safeParse(env.QUEUE_NAMES) : undefined;
  if (served?.success) return served.data.map(({ name }) => name).join(',');
  // a list that does not parse goes on as it is, for the report's own check to name
  return env.QUEUE_NAMES || env.QUEUE_NAME || 'kitchen';
}
