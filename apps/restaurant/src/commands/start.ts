import { freePort } from '@restaurant/process';
import { cookOffsetS } from '@restaurant/service';
import type { CliIo } from '../cli-io.js';
import { redactUrl } from '@restaurant/queue';
import { defineCommand } from '../cli/define-command.js';
import { DEFAULT_REDIS_URL } from '../start/ensure-redis.js';
import { prepareQueue } from '../start/prepare-queue.js';
import { planRestaurant, startFlags } from '../start/restaurant-plan.js';
import { runRestaurant } from '../start/run-restaurant.js';
import { withDashboard } from '../start/with-dashboard.js';
import { withRunRedis } from '../start/with-run-redis.js';
import { redisTargetOf, targetEnv } from '../start/redis-target.js';

export const startCommand = defineCommand({
  summary: 'run cooks and customers as separate processes (default)',
  usage: `Usage: npm start -- [options]

Runs the restaurant: each cook and each customer is its own process, meeting at a bounded
queue in Redis. Starts with an empty queue; Ctrl-C stops everything. With --dashboard, also
serves the live dashboard of the queue and prints its address; with --metrics, gives every
process a port for /metrics, /healthz and /readyz and prints each address.`,
  flags: startFlags,
  plan(flags, io) {
    const plan = planRestaurant(flags, io.env, Math.floor(Math.random() * 2 ** 32));
    return { ...plan, target: redisTargetOf(plan.serviceEnv.REDIS_URL ?? DEFAULT_REDIS_URL, plan.service.redisClusterNodes, { ...io.env, ...plan.serviceEnv }) };
  },
  async execute(plan, io) {
    const stop = new AbortController();
    io.onStopSignal(() => stop.abort());
    const { service } = plan;
    return withRunRedis(plan.target, io, (redis) =>
      withDashboard(plan.dashboardPort, { redis, queue: service.queueName }, io, async () => {
        await prepareQueue(redis, service.queueName, {
          producers: plan.producers.length,
          consumers: plan.consumers.length,
          producerPeriodS: service.producerPeriodS,
          consumerMinS: service.consumerMinS,
          consumerMaxS: service.consumerMaxS,
          cookStart: plan.cookStart,
          timeScale: service.timeScale,
          seed: service.seed,
        });
        io.stderr.write(
          `restaurant: ${plan.producers.length} cook(s), ${plan.consumers.length} customer(s), capacity ${service.capacity}, ` +
            `time scale ${service.timeScale}, seed ${service.seed}, queue "${service.queueName}" at ` +
            `${redactUrl(redis.url)}${redis.embedded ? ' (started here)' : ''}. Ctrl-C stops.\n`,
        );
        const metricsPorts = plan.metrics ? await metricsPortsFor([...plan.producers, ...plan.consumers], io) : undefined;
        return runRestaurant({
          nodePath: io.execPath,
          producers: plan.producers,
          consumers: plan.consumers,
          env: { ...io.env, ...plan.serviceEnv, ...targetEnv(redis) },
          producerEnv: (index) => ({
            PRODUCER_OFFSET_S: String(cookOffsetS(plan.cookStart, index, plan.producers.length, service.producerPeriodS)),
          }),
          roleEnv: (role): Record<string, string> => (metricsPorts ? { METRICS_PORT: String(metricsPorts.get(role)) } : {}),
          durationMs: plan.durationMs,
          signal: stop.signal,
          stdout: 'inherit',
          onUnexpectedExit: (role, code) => io.stderr.write(`restaurant: ${role} stopped with exit code ${code}; stopping all\n`),
        });
      }),
    );
  },
});

/** A free port for every service's /metrics, /healthz and /readyz, each address printed. */
async function metricsPortsFor(roles: string[], io: CliIo): Promise<Map<string, number>> {
  const ports = new Map<string, number>();
  for (const role of roles) {
    ports.set(role, await freePort());
    io.stderr.write(`restaurant: ${role} metrics at http://127.0.0.1:${ports.get(role)}/metrics\n`);
  }
  return ports;
}
