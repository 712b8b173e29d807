import { pingRedis } from '@restaurant/process';
import { redactUrl } from '@restaurant/queue';
import { CONFIG_EXIT_CODE, parseFlagValues, settings, type FlagSpec } from '@restaurant/service';
import { z } from 'zod';
import { defineCommand } from '../cli/define-command.js';
import { startDashboard, type Dashboard } from '../dashboard/dashboard-server.js';
import { listenProblem } from '../dashboard/listen-problem.js';
import { DEFAULT_REDIS_URL } from '../start/ensure-redis.js';
import { redisTargetOf } from '../start/redis-target.js';

const dashboardFlags: FlagSpec = {
  options: {
    queue: 'the queue the page shows first; it lists every queue on that Redis (QUEUE_NAME, else kitchen)',
    port: 'port to serve on; 0 for any free port (8080)',
    host: 'address to listen on: 0.0.0.0 every interface, 127.0.0.1 this machine only (0.0.0.0)',
    'redis-url': 'Redis of the queues (REDIS_URL, else redis://127.0.0.1:6379)',
    'redis-cluster-nodes': 'host:port,... of a Redis Cluster instead (REDIS_CLUSTER_NODES; the URL gives user, password, TLS)',
  },
};

const dashboardSchema = z.object({
  queue: settings.queueName,
  port: settings.wholeNumber(0, 65_535),
  host: z.string().regex(/^[A-Za-z0-9.:-]+$/, { message: 'must be an IP address or a host name' }),
  'redis-url': settings.redisUrl,
  'redis-cluster-nodes': settings.clusterNodes.optional(),
});

export const dashboardCommand = defineCommand({
  summary: 'serve the live dashboard of the queues on a Redis, with their /metrics',
  usage: `Usage: npm run dashboard -- [options]

Serves a page that shows a live queue, updated every second: its length against the capacity,
READY, FULL, TAKEN AWAY and EMPTY per minute, the cooks and customers running, the accounting,
the dead letters, and the virtual engine's prediction for the queue's scenario. Also serves
GET /api/queues, GET /api/queues/<name> (what report --json prints) and GET /metrics
(Prometheus). Redis going away does not stop it; the page says so until it is back.`,
  flags: dashboardFlags,
  plan(flags, io) {
    const raw = { queue: io.env.QUEUE_NAME || 'kitchen', port: '8080', host: '0.0.0.0', 'redis-url': io.env.REDIS_URL || DEFAULT_REDIS_URL, 'redis-cluster-nodes': io.env.REDIS_CLUSTER_NODES || undefined, ...flags.values };
    const values = parseFlagValues(dashboardSchema, raw, flags);
    return { ...values, target: redisTargetOf(values['redis-url'], values['redis-cluster-nodes'], io.env) };
  },
  async execute(plan, io) {
    const redis = plan.target;
    const { url } = redis;
    if (!redis.clusterNodes && !(await pingRedis(url, 1000, redis.tls))) io.stderr.write(`dashboard: no Redis answers at ${redactUrl(url)} yet; the page says so until it does\n`);
    let dashboard: Dashboard;
    try {
      dashboard = await startDashboard({
        redis,
        host: plan.host,
        port: plan.port,
        defaultQueue: plan.queue,
        log: (line) => io.stderr.write(`dashboard: ${line}\n`),
      });
    } catch (error) {
      const problem = listenProblem(error, { portFlag: '--port', port: plan.port, host: plan.host });
      if (!problem) throw error;
      io.stderr.write(`${problem.message}\n`);
      return CONFIG_EXIT_CODE;
    }
    io.stderr.write(`dashboard: ${dashboard.pageUrl(plan.queue)} (Redis at ${redactUrl(url)}). Ctrl-C stops.\n`);
    await new Promise<void>((resolve) => io.onStopSignal(resolve));
    await dashboard.close();
    return 0;
  },
});
