import { CONFIG_EXIT_CODE, ConfigError, redactUrl } from '@restaurant/shared';
import type { CliIo, Command } from '../cli-io.js';
import { flagHelp, parseFlags } from '../cli/parse-flags.js';
import { ensureRedis, NoRedisError, DEFAULT_REDIS_URL } from '../start/ensure-redis.js';
import { planRestaurant, startFlags } from '../start/restaurant-plan.js';
import { runRestaurant } from '../start/run-restaurant.js';
import { prepareQueue } from '../start/prepare-queue.js';

const HELP = `Usage: npm start -- [options]

Runs the restaurant: each cook and each customer is its own process, meeting at a bounded
queue in Redis. Starts with an empty queue; Ctrl-C stops everything.

Options:
${flagHelp(startFlags)}
`;

export const startCommand: Command = {
  summary: 'run cooks and customers as separate processes (default)',
  async run(args: string[], io: CliIo): Promise<number> {
    let plan;
    try {
      const flags = parseFlags(args, startFlags);
      if (flags.switches.has('help')) {
        io.stdout.write(HELP);
        return 0;
      }
      plan = planRestaurant(flags, io.env, Math.floor(Math.random() * 2 ** 32));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return CONFIG_EXIT_CODE;
    }

    const stop = new AbortController();
    io.onStopSignal(() => stop.abort());
    let redis;
    try {
      redis = await ensureRedis(plan.serviceEnv.REDIS_URL ?? DEFAULT_REDIS_URL);
    } catch (error) {
      if (!(error instanceof NoRedisError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    try {
      const { service } = plan;
      await prepareQueue(redis.url, service.queueName, {
        producers: plan.producers.length,
        consumers: plan.consumers.length,
        producerPeriodS: service.producerPeriodS,
        consumerMinS: service.consumerMinS,
        consumerMaxS: service.consumerMaxS,
        timeScale: service.timeScale,
        seed: service.seed,
      });
      io.stderr.write(
        `restaurant: ${plan.producers.length} cook(s), ${plan.consumers.length} customer(s), capacity ${service.capacity}, ` +
          `time scale ${service.timeScale}, seed ${service.seed}, queue "${service.queueName}" at ` +
          `${redactUrl(redis.url)}${redis.embedded ? ' (started here)' : ''}. Ctrl-C stops.\n`,
      );
      return await runRestaurant({
        nodePath: io.execPath,
        producers: plan.producers,
        consumers: plan.consumers,
        env: { ...io.env, ...plan.serviceEnv, REDIS_URL: redis.url },
        durationMs: plan.durationMs,
        signal: stop.signal,
        stdout: 'inherit',
        onUnexpectedExit: (role, code) => io.stderr.write(`restaurant: ${role} stopped with exit code ${code}; stopping all\n`),
      });
    } finally {
      await redis.stop();
    }
  },
};
