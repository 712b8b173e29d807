import { freePort, spawnNode, useTestRedis, uniqueQueueName } from '@restaurant/testing';
import { SERVICE_ENV_NAMES } from '@restaurant/service';
import { queueKeys, readPresence } from '@restaurant/queue';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The built entry point: the file the launcher and the containers run. */
const PRODUCER = fileURLToPath(new URL('../dist/main.js', import.meta.url));

const redis = useTestRedis();

function producer(env: Record<string, string>) {
  return spawnNode(PRODUCER, { env: { PATH: process.env.PATH, REDIS_URL: redis.url, QUEUE_NAME: uniqueQueueName('cook'), ...env } });
}

describe('producer process', () => {
  it('cooks on schedule, logs the original lines and stops on SIGTERM with exit 0 within 2 s', async () => {
    const cook = producer({ TIME_SCALE: '0.01', QUEUE_CAPACITY: '2', SEED: '1' });
    await cook.waitForLine(/^\d\d:\d\d:\d\d producer {3}- ! Food Queue Full !!!$/);
    const stoppedAt = Date.now();
    cook.kill('SIGTERM');
    expect(await cook.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    expect(cook.stdoutLines.slice(0, 2).every((line) => / producer {3}- \*\*.+\*\* READY$/.test(line))).toBe(true);
  });

  it('serves every queue of QUEUE_NAMES, each with its own capacity, logging as role@queue', async () => {
    const [first, second] = [uniqueQueueName('kitchen-a'), uniqueQueueName('kitchen-b')];
    const cook = producer({ QUEUE_NAMES: `${first},${second}:2`, QUEUE_CAPACITY: '4', TIME_SCALE: '0.01', ROLE_WIDTH: '40' });
    await cook.waitForLine(new RegExp(`producer@${second} +- ! Food Queue Full !!!`));
    await cook.waitForLine(new RegExp(`producer@${first} +- ! Food Queue Full !!!`));
    cook.kill('SIGTERM');
    expect((await cook.exited).code).toBe(0);
    const client = redis.client();
    expect(await client.hget(queueKeys(first).meta, 'capacity')).toBe('4');
    expect(await client.hget(queueKeys(second).meta, 'capacity')).toBe('2');
    expect(await client.llen(queueKeys(first).items)).toBe(4);
    expect(await client.llen(queueKeys(second).items)).toBe(2);
  });

  it('announces itself with its last event while it runs, and removes itself on SIGTERM', async () => {
    const queue = uniqueQueueName('cook');
    const keys = queueKeys(queue);
    const client = redis.client();
    const cook = producer({ QUEUE_NAME: queue, TIME_SCALE: '0.01', QUEUE_CAPACITY: '1', ROLE_NAME: 'producer_7' });
    await cook.waitForLine(/Food Queue Full/);
    await expect
      .poll(async () => (await readPresence(client, keys))[0], { timeout: 5000 })
      .toMatchObject({ role: 'producer_7', kind: 'producer', lastEvent: 'full' });
    const [{ seenAt }] = await readPresence(client, keys);
    expect(Math.abs(Date.now() - seenAt)).toBeLessThan(3000);
    cook.kill('SIGTERM');
    expect(await cook.exited).toEqual({ code: 0, signal: null });
    expect(await readPresence(client, keys)).toEqual([]);
  });

  it('stops with every configuration problem listed and exit code 2', async () => {
    const cook = producer({ QUEUE_CAPACITY: '-3', CONSUMER_MIN_S: '12', REDIS_URL: 'not a url' });
    expect((await cook.exited).code).toBe(2);
    expect(cook.stderrLines).toEqual([
      'Invalid configuration:',
      '  REDIS_URL="not a url": must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
      '  QUEUE_CAPACITY="-3": must be a whole number from 1 to 1000000000',
      '  CONSUMER_MIN_S="12": must not be greater than the maximum (10)',
    ]);
    expect(cook.stdoutLines).toEqual([]);
  });

  it('refuses to join a queue that has another capacity', async () => {
    const queue = uniqueQueueName('cook');
    const first = producer({ QUEUE_NAME: queue, QUEUE_CAPACITY: '3', TIME_SCALE: '0.01' });
    await first.waitForLine(/READY/);
    const second = producer({ QUEUE_NAME: queue, QUEUE_CAPACITY: '5' });
    expect((await second.exited).code).toBe(2);
    expect(second.stderrLines.join('\n')).toContain(`queue "${queue}" already has capacity 3`);
    first.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
  });

  it('retries with backoff while Redis is unreachable, says so, and still stops at once', async () => {
    const port = await freePort();
    const cook = producer({ REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` });
    const line = await cook.waitForLine(/retrying in \d+ ms/);
    expect(line).toMatch(/producer {3}- \(warn\) Redis not answering at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+; retrying/);
    await cook.waitForLine(/attempt 3\)/);
    const stoppedAt = Date.now();
    cook.kill('SIGINT');
    expect(await cook.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    expect(cook.stdoutLines.join('\n')).not.toContain('hunter2');
  });

  it('describes every variable it reads with --help, and refuses arguments with exit code 2', async () => {
    const help = spawnNode(PRODUCER, { args: ['--help'] });
    expect((await help.exited).code).toBe(0);
    for (const name of SERVICE_ENV_NAMES) expect(help.stdoutLines.some((line) => line.trimStart().startsWith(`${name} `))).toBe(true);

    const flagged = spawnNode(PRODUCER, { args: ['--capacity', '3'] });
    expect((await flagged.exited).code).toBe(2);
    expect(flagged.stderrLines[0]).toBe('Unexpected argument(s) --capacity 3: this service is configured by environment variables.');
  });
});
