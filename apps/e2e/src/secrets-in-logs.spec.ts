import { spawnNode, uniqueQueueName, type ChildHarness, freePort, startRedisServer, type RedisServerProcess } from '@restaurant/testing';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from './entries.js';

const SERVICES = [
  ['producer', ENTRIES.producer],
  ['consumer', ENTRIES.consumer],
] as const;
const LOG_FORMATS = ['human', 'json'] as const;
const CASES = SERVICES.flatMap(([role, entry]) => LOG_FORMATS.map((format) => [role, format, entry] as const));

/** A password with the characters a URL must encode, so a leak in either form is caught. */
const PASSWORD = `pa:ss@w/rd-${randomBytes(6).toString('hex')}`;
const FORMS_OF_PASSWORD = [PASSWORD, encodeURIComponent(PASSWORD), PASSWORD.split('-')[1]];

let server: RedisServerProcess;
beforeAll(async () => {
  server = await startRedisServer();
  const admin = new Redis(server.url);
  await admin.call('ACL', 'SETUSER', 'cook', 'on', '>the-right-password', '~*', '+@all');
  admin.disconnect();
});
afterAll(async () => {
  await server?.stop();
});

function run(entry: string, url: string, format: string): ChildHarness {
  return spawnNode(entry, {
    env: { PATH: process.env.PATH, REDIS_URL: url, QUEUE_NAME: uniqueQueueName('secret'), LOG_FORMAT: format, TIME_SCALE: '0.01' },
  });
}

async function stopAndCollect(child: ChildHarness): Promise<string> {
  child.kill('SIGTERM');
  expect(await child.exited).toEqual({ code: 0, signal: null });
  return [...child.stdoutLines, ...child.stderrLines].join('\n');
}

function expectNoPassword(output: string): void {
  for (const form of FORMS_OF_PASSWORD) expect(output).not.toContain(form);
}

describe('passwords never reach the logs', () => {
  it.each(CASES)('%s (%s log): Redis unreachable at a URL with a password', async (_, format, entry) => {
    const url = `redis://cook:${encodeURIComponent(PASSWORD)}@127.0.0.1:${await freePort()}`;
    const child = run(entry, url, format);
    await child.waitForLine(/attempt 3\)/);
    const output = await stopAndCollect(child);
    expect(output).toMatch(/Redis not answering at redis:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:\d+\/?; retrying in \d+ ms \(attempt 3\): connect ECONNREFUSED/);
    expectNoPassword(output);
  });

  it.each(CASES)('%s (%s log): Redis refuses the password (WRONGPASS)', async (_, format, entry) => {
    const url = `redis://cook:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}`;
    const child = run(entry, url, format);
    await child.waitForLine(/attempt 2\): WRONGPASS invalid username-password pair/);
    const output = await stopAndCollect(child);
    expectNoPassword(output);
  });

  it.each(SERVICES)('%s: a configuration error about a URL with a password', async (_, entry) => {
    const child = spawnNode(entry, { env: { PATH: process.env.PATH, REDIS_URL: `http://cook:${encodeURIComponent(PASSWORD)}@redis:6379`, QUEUE_CAPACITY: '0' } });
    expect((await child.exited).code).toBe(2);
    const output = [...child.stdoutLines, ...child.stderrLines].join('\n');
    expect(output).toContain('REDIS_URL="http://***:***@redis:6379/": must be a redis:// or rediss:// URL');
    expectNoPassword(output);
  });
});
