import {
  CONFIG_EXIT_CODE,
  closeRedis,
  ConfigError,
  parseWithSchema,
  pingRedis,
  queueKeys,
  readAccounting,
  readQueueSnapshot,
  redactUrl,
  settings,
} from '@restaurant/shared';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { CliIo, Command } from '../cli-io.js';
import { flagHelp, parseFlags, type FlagSpec } from '../cli/parse-flags.js';
import { liveQueueReport, UnknownQueueError } from '../report/live-queue-report.js';
import { formatReportTable } from '../simulate/report-table.js';
import { formatAccounting } from '../report/accounting-line.js';
import { DEFAULT_REDIS_URL } from '../start/ensure-redis.js';

const reportFlags: FlagSpec = {
  options: {
    queue: 'queue name (QUEUE_NAME, else kitchen)',
    'redis-url': 'Redis of the queue (REDIS_URL, else redis://127.0.0.1:6379)',
    'time-scale': 'wall seconds per model second the services run at (stored by simulate, else 1)',
  },
  switches: { json: 'print the report as one JSON object', help: 'show this help' },
};

const HELP = `Usage: npm run -s report -- [options]

Prints the report of a live queue (npm start, docker compose, simulate --engine redis) from
the counters its Lua scripts keep in Redis: everything since the queue was first used, up to
now, exact across any number of processes. Model time is wall time divided by the time scale.

Options:
${flagHelp(reportFlags)}
`;

const reportSchema = z.object({
  queue: settings.queueName,
  'redis-url': settings.redisUrl,
  'time-scale': settings.positiveNumber('the time scale').optional(),
});

export const reportCommand: Command = {
  summary: 'print the report of a live queue from its counters in Redis',
  async run(args: string[], io: CliIo): Promise<number> {
    let values;
    let json;
    try {
      const flags = parseFlags(args, reportFlags);
      if (flags.switches.has('help')) {
        io.stdout.write(HELP);
        return 0;
      }
      json = flags.switches.has('json');
      const raw = { queue: io.env.QUEUE_NAME || 'kitchen', 'redis-url': io.env.REDIS_URL || DEFAULT_REDIS_URL, ...flags.values };
      try {
        values = parseWithSchema(reportSchema, raw, (key) => `--${key}`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        throw new ConfigError([...flags.problems, ...error.problems]);
      }
      if (flags.problems.length > 0) throw new ConfigError(flags.problems);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return CONFIG_EXIT_CODE;
    }

    const url = values['redis-url'];
    if (!(await pingRedis(url))) {
      io.stderr.write(`No Redis answers at ${redactUrl(url)}: start the restaurant first, or set --redis-url / REDIS_URL.\n`);
      return 1;
    }
    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    try {
      const report = liveQueueReport(await readQueueSnapshot(redis, values.queue), values['time-scale']);
      const accounting = await readAccounting(redis, queueKeys(values.queue));
      io.stdout.write(
        json ? `${JSON.stringify({ ...report, accounting })}\n` : `${formatReportTable(report)}${formatAccounting(accounting)}`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof UnknownQueueError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return 1;
    } finally {
      await closeRedis(redis);
    }
  },
};
