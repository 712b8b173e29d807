import { spawnNode, uniqueQueueName, startRedisServer, type RedisServerProcess } from '@restaurant/testing';
import { queueKeys } from '@restaurant/queue';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_ENTRIES } from '../start/service-entries.js';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const PRODUCER = fileURLToPath(SERVICE_ENTRIES.producer);
const CONSUMER = fileURLToPath(SERVICE_ENTRIES.consumer);

let server: RedisServerProcess;
let admin: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});
afterAll(async () => {
  admin?.disconnect();
  await server?.stop();
});

function acl(args: string[], env: Record<string, string> = {}) {
  return spawnNode(CLI, { args: ['acl', ...args], env: { PATH: process.env.PATH, ...env } });
}

async function finished(run: ReturnType<typeof acl>) {
  const { code } = await run.exited;
  return { code, stdout: run.stdoutLines, stderr: run.stderrLines };
}

function urlAs(user: string, password: string): string {
  return `redis://${user}:${encodeURIComponent(password)}@127.0.0.1:${server.port}`;
}

/** A service process as `user` on `queue`, 100 times faster than real time. */
function service(entry: string, url: string, queue: string, env: Record<string, string> = {}) {
  return spawnNode(entry, {
    env: { PATH: process.env.PATH, REDIS_URL: url, QUEUE_NAME: queue, TIME_SCALE: '0.01', CONSUMER_MIN_S: '3', CONSUMER_MAX_S: '3', ...env },
  });
}

async function stopped(run: ReturnType<typeof service>) {
  run.kill('SIGTERM');
  return run.exited;
}

describe('npm run acl', () => {
  it('prints ACL SETUSER lines that redis-cli applies, and generated passwords once on stderr', async () => {
    const queue = uniqueQueueName('aclcli');
    const printed = await finished(acl(['--queue', queue, '--producer-user', `cook-${queue}`, '--consumer-user', `customer-${queue}`]));
    expect(printed.code).toBe(0);
    expect(printed.stdout).toHaveLength(2);
    expect(printed.stdout[0]).toMatch(new RegExp(`^ACL SETUSER cook-${queue} on resetpass #[0-9a-f]{64} `));
    const generated = Object.fromEntries(printed.stderr.filter((line) => line.includes('=')).map((line) => line.split('=')));
    expect(Object.keys(generated)).toEqual(['ACL_PRODUCER_PASSWORD', 'ACL_CONSUMER_PASSWORD']);
    expect(printed.stdout.join('\n')).not.toContain(generated.ACL_PRODUCER_PASSWORD);

    const cli = spawnSync('redis-cli', ['-p', String(server.port)], { input: printed.stdout.join('\n') + '\n', encoding: 'utf8' });
    expect(cli.stdout.trim().split('\n')).toEqual(['OK', 'OK']);
    const cook = new Redis(urlAs(`cook-${queue}`, generated.ACL_PRODUCER_PASSWORD));
    expect(await cook.llen(queueKeys(queue).items)).toBe(0);
    await expect(cook.rpop(queueKeys(queue).items)).rejects.toThrow(/^NOPERM/);
    cook.disconnect();
  });

  it('takes passwords from the environment and generates nothing then', async () => {
    const run = await finished(acl(['--format', 'acl-file'], { ACL_PRODUCER_PASSWORD: 'p1', ACL_CONSUMER_PASSWORD: 'p2', ACL_ADMIN_PASSWORD: 'p3' }));
    expect(run).toMatchObject({ code: 0, stderr: [] });
    expect(run.stdout.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['user default', 'user cook', 'user customer']);
  });

  it('lists every bad flag at once with exit code 2', async () => {
    const run = await finished(acl(['--queue', 'no spaces', '--producer-user', 'same', '--consumer-user', 'same', '--apply', '--format', 'acl-file']));
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      'Invalid configuration:',
      '  --format="acl-file": is for printing; --apply sends the commands itself',
      '  --queue="no spaces": must be 1-100 letters, digits or _ . : -',
      '  --consumer-user="same": must differ from the producer user',
    ]);
  });

  it('applies the users, and the real cook and customer processes work under them, each only in its role', async () => {
    const queue = uniqueQueueName('aclrun');
    const passwords = { ACL_PRODUCER_PASSWORD: `cook pw ${queue}`, ACL_CONSUMER_PASSWORD: `customer:pw@${queue}` };
    const applied = await finished(acl(['--apply', '--queue', queue], { REDIS_URL: server.url, ...passwords }));
    expect(applied).toMatchObject({ code: 0, stderr: [] });
    expect(applied.stdout[0]).toMatch(/^acl: user cook \(producer\) and user customer \(consumer\) of queue ".*" applied at redis:\/\/127\.0\.0\.1:\d+; in memory only/);

    const cookUrl = urlAs('cook', passwords.ACL_PRODUCER_PASSWORD);
    const customerUrl = urlAs('customer', passwords.ACL_CONSUMER_PASSWORD);
    const cook = service(PRODUCER, cookUrl, queue, { QUEUE_CAPACITY: '5' });
    const naiveCook = service(PRODUCER, cookUrl, queue, { QUEUE_CAPACITY: '5', ADMISSION: 'naive', ROLE_NAME: 'producer_2' });
    const customer = service(CONSUMER, customerUrl, queue, { QUEUE_CAPACITY: '5' });
    const reliableCustomer = service(CONSUMER, customerUrl, queue, { QUEUE_CAPACITY: '5', DELIVERY: 'reliable', ROLE_NAME: 'consumer_2' });
    const all = [cook, naiveCook, customer, reliableCustomer];
    try {
      await cook.waitForLine(/^\d\d:\d\d:\d\d producer +- \*\*.+\*\* READY$/);
      await naiveCook.waitForLine(/^\d\d:\d\d:\d\d producer_2 +- \*\*.+\*\* READY$/);
      await customer.waitForLine(/^\d\d:\d\d:\d\d consumer_1 +- \*\*.+\*\* TAKEN AWAY$/);
      await reliableCustomer.waitForLine(/^\d\d:\d\d:\d\d consumer_2 +- \*\*.+\*\* TAKEN AWAY$/);
      for (const run of all) expect(await stopped(run)).toEqual({ code: 0, signal: null });
      for (const run of all) expect([...run.stdoutLines, ...run.stderrLines].filter((line) => /warn|NOPERM|can't/.test(line))).toEqual([]);
    } finally {
      all.forEach((run) => run.kill('SIGKILL'));
    }
  });

  it('a customer holding a meal under reliable delivery returns it on SIGTERM with only its own rights', async () => {
    const queue = uniqueQueueName('aclhold');
    const passwords = { ACL_PRODUCER_PASSWORD: 'cook-pw', ACL_CONSUMER_PASSWORD: 'customer-pw' };
    expect((await finished(acl(['--apply', '--queue', queue], { REDIS_URL: server.url, ...passwords }))).code).toBe(0);
    const cook = service(PRODUCER, urlAs('cook', 'cook-pw'), queue, { PRODUCER_PERIOD_S: '1000' });
    await cook.waitForLine(/READY$/);
    const customer = service(CONSUMER, urlAs('customer', 'customer-pw'), queue, { DELIVERY: 'reliable', CONSUMER_HOLD_S: '100000' });
    try {
      await customer.waitForLine(/TAKEN AWAY$/);
      expect(await admin.llen(queueKeys(queue).items)).toBe(0);
      expect(await stopped(customer)).toEqual({ code: 0, signal: null });
      expect(customer.stdoutLines.join('\n')).toMatch(/returned 1 meal\(s\) still held to the queue/);
      expect(await admin.llen(queueKeys(queue).items)).toBe(1);
      expect(await stopped(cook)).toEqual({ code: 0, signal: null });
    } finally {
      cook.kill('SIGKILL');
      customer.kill('SIGKILL');
    }
  });

  it('a customer killed with SIGKILL while holding a meal: another customer reaps it with only its own rights', async () => {
    const queue = uniqueQueueName('aclreap');
    const passwords = { ACL_PRODUCER_PASSWORD: 'cook-pw', ACL_CONSUMER_PASSWORD: 'customer-pw' };
    expect((await finished(acl(['--apply', '--queue', queue], { REDIS_URL: server.url, ...passwords }))).code).toBe(0);
    const customerUrl = urlAs('customer', 'customer-pw');
    const reliable = { DELIVERY: 'reliable', RECLAIM_AFTER_S: '1', CONSUMER_HOLD_S: '100000' };
    const cook = service(PRODUCER, urlAs('cook', 'cook-pw'), queue, { PRODUCER_PERIOD_S: '100000' });
    const doomed = service(CONSUMER, customerUrl, queue, reliable);
    let survivor: ReturnType<typeof service> | undefined;
    try {
      await cook.waitForLine(/READY$/);
      await doomed.waitForLine(/consumer_1 +- \*\*.+\*\* TAKEN AWAY$/);
      doomed.kill('SIGKILL');
      survivor = service(CONSUMER, customerUrl, queue, { ...reliable, ROLE_NAME: 'consumer_2', CONSUMER_MIN_S: '1', CONSUMER_MAX_S: '1' });
      await survivor.waitForLine(/consumer_1 stopped answering: returned 1 meal\(s\) to the queue, 0 to the dead-letter list/);
      await survivor.waitForLine(/consumer_2 +- \*\*.+\*\* TAKEN AWAY$/);
      expect(survivor.stdoutLines.filter((line) => /NOPERM|can't|failed/.test(line))).toEqual([]);
    } finally {
      [cook, doomed, survivor].forEach((run) => run?.kill('SIGKILL'));
    }
  });

  it('a process with the other role\'s credentials is refused and says so', async () => {
    const queue = uniqueQueueName('aclswap');
    const passwords = { ACL_PRODUCER_PASSWORD: 'cook-pw', ACL_CONSUMER_PASSWORD: 'customer-pw' };
    expect((await finished(acl(['--apply', '--queue', queue], { REDIS_URL: server.url, ...passwords }))).code).toBe(0);
    const cookAsCustomer = service(PRODUCER, urlAs('customer', 'customer-pw'), queue);
    const customerAsCook = service(CONSUMER, urlAs('cook', 'cook-pw'), queue);
    await admin.lpush(queueKeys(queue).items, '{"id":"x","meal":"Apple Pie","by":"producer","at":"2026-01-01T00:00:00.000Z"}');
    try {
      await cookAsCustomer.waitForLine(/\(warn\) could not offer \*\*.+\*\*: .*(NOPERM|can't)/);
      await customerAsCook.waitForLine(/\(warn\) could not take a meal: .*(NOPERM|can't)/);
      expect(await admin.llen(queueKeys(queue).items)).toBe(1);
    } finally {
      cookAsCustomer.kill('SIGKILL');
      customerAsCook.kill('SIGKILL');
    }
  });

  it('a process whose user may not use the queue says so in one line, without a stack trace, and exits 1', async () => {
    const queue = uniqueQueueName('aclown');
    const passwords = { ACL_PRODUCER_PASSWORD: 'cook-pw', ACL_CONSUMER_PASSWORD: 'customer-pw' };
    expect((await finished(acl(['--apply', '--queue', queue], { REDIS_URL: server.url, ...passwords }))).code).toBe(0);
    const elsewhere = service(PRODUCER, urlAs('cook', 'cook-pw'), uniqueQueueName('not-granted'));
    expect((await elsewhere.exited).code).toBe(1);
    expect(elsewhere.stderrLines).toHaveLength(1);
    expect(elsewhere.stderrLines[0]).toMatch(/^cannot use queue "not-granted-\w+": .*(NOPERM|can't)/);
  });
});
