import { closeRedis } from '@restaurant/queue';
import { spawnNode } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { accountingOf, CLI, lineAfter, startOwnRedis, uniqueQueueName } from './fault-harness.js';
import { recordFaultOutcome } from './fault-summary.js';

describe('fault: SCRIPT FLUSH while the restaurant runs', () => {
  it('loads the scripts again without any error reaching the user', async () => {
    const { server } = await startOwnRedis();
    const queue = uniqueQueueName('flush');
    const admin = new Redis(server.url);
    const launcher = spawnNode(CLI, {
      args: ['start', '--queue', queue, '--time-scale', '0.01', '--delivery', 'reliable'],
      env: { PATH: process.env.PATH, REDIS_URL: server.url },
    });
    try {
      await launcher.waitForLine(/TAKEN AWAY/);
      for (let flush = 0; flush < 5; flush++) {
        expect(await admin.script('FLUSH')).toBe('OK');
        const seen = launcher.stdoutLines.length;
        await lineAfter(launcher.stdoutLines, seen, /READY|Full/);
        await lineAfter(launcher.stdoutLines, seen, /TAKEN AWAY|Empty/);
      }
      launcher.kill('SIGTERM');
      expect(await launcher.exited).toEqual({ code: 0, signal: null });
      const output = [...launcher.stdoutLines, ...launcher.stderrLines].join('\n');
      expect(output).not.toMatch(/NOSCRIPT|\(warn\)|\(error\)|Error/);
      const accounting = await accountingOf(server.url, queue);
      expect(accounting.lost).toBe(0);
      recordFaultOutcome({ fault: 'SCRIPT FLUSH five times while running', accounting });
    } finally {
      launcher.kill('SIGKILL');
      await closeRedis(admin);
      await server.stop();
    }
  });
});
