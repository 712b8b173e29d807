import { spawnNode, startRedisServer } from '@restaurant/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { accountingOf, CLI, lineAfter, startOwnRedis, uniqueQueueName, until } from './fault-harness.js';
import { recordFaultOutcome } from './fault-summary.js';

describe('fault: Redis restarted under a running launcher', () => {
  it('every process reconnects and goes on; nothing is acknowledged twice or lost; cooks do not buffer', async () => {
    const own = await startOwnRedis();
    const queue = uniqueQueueName('restart');
    const launcher = spawnNode(CLI, {
      args: ['start', '--queue', queue, '--producers', '2', '--consumers', '3', '--time-scale', '0.01', '--delivery', 'reliable', '--log-format', 'json'],
      env: { PATH: process.env.PATH, REDIS_URL: own.server.url },
    });
    try {
      const lines = launcher.stdoutLines;
      const taken = () => lines.filter((line) => line.includes('"event":"taken"')).length;
      await until(() => taken() >= 20, '20 meals taken', lines);
      const { port } = own.server;
      await own.server.stop({ keepDir: true });
      await launcher.waitForLine(/could not offer/);
      await sleep(300); // Redis stays away for a while: cooks keep failing fast meanwhile
      const restartedAt = lines.length;
      const restarted = await startRedisServer({ dir: own.dir, port, extraArgs: ['--appendonly', 'yes', '--appendfsync', 'always'] });
      try {
        for (const role of ['producer_1', 'producer_2']) await lineAfter(lines, restartedAt, new RegExp(`"role":"${role}".*"event":"(ready|full)"`));
        for (const role of ['consumer_1', 'consumer_2', 'consumer_3']) await lineAfter(lines, restartedAt, new RegExp(`"role":"${role}".*"event":"(taken|empty)"`));
        const takenBefore = taken();
        // A take whose reply the restart cut is re-sent; were it to take a second meal, the first
        // would stay held, and three such would fill the queue for good.
        await until(() => taken() >= takenBefore + 20, '20 more meals taken after the restart', lines);

        launcher.kill('SIGTERM');
        expect(await launcher.exited).toEqual({ code: 0, signal: null });
        const takenIds = lines.filter((line) => line.includes('"event":"taken"')).map((line) => JSON.parse(line).itemId);
        expect(new Set(takenIds).size).toBe(takenIds.length);
        const accounting = await accountingOf(restarted.url, queue);
        expect(accounting.taken).toBeLessThanOrEqual(takenIds.length);
        expect(accounting.lost).toBe(0);
        expect(accounting.inFlight).toBe(0);
        recordFaultOutcome({ fault: 'Redis restarted under the launcher', accounting });
      } finally {
        await restarted.stop();
      }
    } finally {
      launcher.kill('SIGKILL');
      await own.server.stop();
    }
  });
});
