/**
 * A running stack changed while it works, with reliable delivery: each side scaled on its own
 * with the commands docs/docker.md gives, a customer killed while it holds a meal, Redis restarted.
 */
import { uniqueQueueName } from '@restaurant/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackAccounting } from './accounting.js';
import { composeEnv, docker } from './compose-cli.js';
import { useComposeStack } from './compose-stack.js';
import { docCommands } from './doc-blocks.js';
import { eventually } from './stack-waits.js';

const QUEUE = uniqueQueueName('scaling');
const RECLAIM_AFTER_S = 3;
const stack = useComposeStack('scaling', {
  QUEUE_NAME: QUEUE,
  QUEUE_CAPACITY: '5',
  TIME_SCALE: '0.01',
  DELIVERY: 'reliable',
  RECLAIM_AFTER_S: String(RECLAIM_AFTER_S),
  CONSUMER_HOLD_S: '100', // 1 s of wall time: a customer holds a meal most of the time
});

let redis: Redis;
beforeAll(async () => {
  await stack.up({});
  redis = new Redis(await stack.redisUrl());
});
afterAll(() => redis?.disconnect());

/** Runs one command of a doc as a user would in the repository, against this stack's project. */
async function runDocCommand(command: string): Promise<void> {
  const env = { ...composeEnv(stack.target), COMPOSE_FILE: stack.target.files.join(':') };
  await promisify(execFile)('bash', ['-c', command], { cwd: stack.target.dir, env, timeout: 300_000 });
}

async function expectLost0(): Promise<void> {
  const accounting = await stackAccounting(stack);
  expect(accounting.accepted).toBe(accounting.taken + accounting.queued + accounting.inFlight + accounting.deadLettered);
  expect(accounting.lost).toBe(0);
}

describe('a running stack with DELIVERY=reliable', () => {
  it('starts with the defaults: 1 cook, 2 customers', async () => {
    expect(await stack.runningCounts()).toEqual({ redis: 1, producer: 1, consumer: 2 });
  });

  it("scales each side on its own with docs/docker.md's commands; the other keeps its count and nothing is lost", async () => {
    const commands = docCommands('docs/docker.md', 'scale-one-side');
    const after = [
      { redis: 1, producer: 1, consumer: 5 },
      { redis: 1, producer: 3, consumer: 5 },
      { redis: 1, producer: 3, consumer: 2 },
    ];
    expect(commands).toHaveLength(after.length);
    for (const [index, command] of commands.entries()) {
      await runDocCommand(command);
      expect({ command, counts: await stack.runningCounts() }).toEqual({ command, counts: after[index] });
    }
    await expectLost0();
  });

  it(`brings a killed customer's meals back to the queue within RECLAIM_AFTER_S (${RECLAIM_AFTER_S} s)`, async () => {
    const [victim] = (await stack.containers('consumer')).filter((container) => container.running);
    const role = `consumer_${victim?.hostname}`;
    const held = `{${QUEUE}}:processing:${role}`;
    const meals = await eventually(`${role} holding a meal`, async () => {
      const items = await redis.lrange(held, 0, -1);
      return items.length > 0 ? items : undefined;
    });
    await docker(['kill', '--signal', 'KILL', victim?.id as string]);
    const killedAt = Date.now();
    await eventually(`${role}'s meals back in the queue`, async () => ((await redis.llen(held)) === 0 ? true : undefined), 30_000, 50);
    const backAfterMs = Date.now() - killedAt;
    console.info(`a killed customer's ${meals.length} meal(s) were back after ${backAfterMs} ms`);
    // the contract is RECLAIM_AFTER_S; the margin covers polling and a busy machine
    expect(backAfterMs).toBeLessThan(RECLAIM_AFTER_S * 1000 + 3_000);
    const notice = await eventually('the reaper saying so', async () =>
      (await stack.logLines('consumer')).find((line) => line.includes(`${role} stopped answering: returned ${meals.length} meal(s) to the queue`)),
    );
    expect(notice).toBeDefined();
    await expectLost0();
  });

  it('recovers when Redis restarts: every cook and customer goes on, none exits', async () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const before = (await stack.containers()).filter((container) => container.running && container.service !== 'redis').sort(byName);
    redis.disconnect(); // the restarted Redis is published on another host port
    const restartedAt = new Date().toISOString();
    await stack.compose(['restart', 'redis']);
    const sinceRestart = async (service: string) =>
      (await stack.compose(['logs', '--no-color', '--no-log-prefix', '--since', restartedAt, service])).replaceAll('\u001b[2K', '');
    await eventually('meals cooked and taken after the restart', async () =>
      /\*\* READY$/m.test(await sinceRestart('producer')) && /\*\* TAKEN AWAY$/m.test(await sinceRestart('consumer')) ? true : undefined,
    );
    const healthy = await eventually('every service healthy again', async () => {
      const after = (await stack.containers()).filter((container) => before.some((old) => old.id === container.id));
      return after.every((container) => container.health === 'healthy') ? after.sort(byName) : undefined;
    }, 120_000, 1_000);
    expect(healthy.map((container) => ({ name: container.name, running: container.running, restarts: container.restartCount }))).toEqual(
      before.map((container) => ({ name: container.name, running: true, restarts: 0 })),
    );
  });
});
