import { BoundedQueue, newFoodItem } from '@restaurant/queue';
import { runReportSchema, type RunReport } from '@restaurant/sim';
import { useTestRedis, uniqueQueueName } from '@restaurant/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fakeCliIo } from '../testing/fake-cli-io.js';
import type { KitchensSummary } from '../report/queue-summary.js';
import { reportCommand } from './report.js';

const redis = useTestRedis();

async function report(args: string[]) {
  const io = fakeCliIo({ REDIS_URL: redis.url });
  const code = await reportCommand.run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('report', () => {
  it('reads a live queue\'s counters into the report, converting wall time by the time scale', async () => {
    const queue = new BoundedQueue(redis.client(), uniqueQueueName('report'), 2);
    await queue.claimCapacity();
    await queue.take(); // empty
    await queue.offer(newFoodItem('r1', 'producer'));
    await queue.offer(newFoodItem('r2', 'producer'));
    await queue.offer(newFoodItem('r3', 'producer')); // full
    await sleep(50);
    await queue.take();

    const { code, out } = await report(['--queue', queue.name, '--time-scale', '0.01', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as RunReport;
    expect(runReportSchema.safeParse(result).success).toBe(true);
    expect(result.scenario).toMatchObject({ capacity: 2, engine: 'redis', timeScale: 0.01, producers: null, seed: null });
    // ~50 ms of wall time at time scale 0.01 is ~5 model seconds
    const modelSeconds = result.scenario.modelHours * 3600;
    expect(modelSeconds).toBeGreaterThan(4.5);
    expect(modelSeconds).toBeLessThan(60);
    expect(result.perHour.ready * result.scenario.modelHours).toBeCloseTo(2, 6);
    expect(result.fullFraction).toBeCloseTo(1 / 3, 10);
    expect(result.emptyFraction).toBe(0.5);
    expect(result.queueLengthTimeShare[2] * modelSeconds).toBeGreaterThan(4.5); // full for the ~50 ms sleep
    expect(result.meanWaitS).toBeGreaterThan(4.5); // the first meal waited ~50 ms = ~5 model s
    expect(result.engineStats.events).toBe(5);
    expect((result as RunReport & { accounting: unknown }).accounting).toEqual({
      accepted: 2, taken: 1, queued: 1, inFlight: 0, deadLettered: 0, redelivered: 0, duplicates: 0, lost: 0,
    });

    const table = await report(['--queue', queue.name, '--time-scale', '0.01']);
    expect(table.out).toMatch(/^\? cooks, \? customers, capacity 2, [\d.]+ model hours, redis engine at time scale 0.01/);
    expect(table.out).toMatch(/full fraction +33\.33%/);
    expect(table.out).toContain('accounting: accepted 2 = taken 1 + queued 1 + in flight 0 + dead-lettered 0 (nothing lost)');
    await queue.destroy();
  });

  it('takes the scenario and time scale stored with a queue by simulate', async () => {
    const client = redis.client();
    const queue = new BoundedQueue(client, uniqueQueueName('report'), 3);
    await queue.claimCapacity();
    await client.hset(queue.keys.meta, 'scenario', JSON.stringify({ producers: 2, consumers: 5, producerPeriodS: 3, consumerMinS: 3, consumerMaxS: 10, timeScale: 0.005, seed: 9 }));
    await queue.offer(newFoodItem('s1', 'producer'));
    const result = JSON.parse((await report(['--queue', queue.name, '--json'])).out) as RunReport;
    expect(result.scenario).toMatchObject({ producers: 2, consumers: 5, capacity: 3, timeScale: 0.005, seed: 9 });
    await queue.destroy();
  });

  it('shows each of several queues and their total', async () => {
    const client = redis.client();
    const a = new BoundedQueue(client, uniqueQueueName('report-a'), 1);
    const b = new BoundedQueue(client, uniqueQueueName('report-b'), 3);
    await a.claimCapacity();
    await b.claimCapacity();
    await a.offer(newFoodItem('a1', 'producer'));
    await a.offer(newFoodItem('a2', 'producer')); // full
    await b.offer(newFoodItem('b1', 'producer'));
    await b.offer(newFoodItem('b2', 'producer'));
    await b.take();
    await b.take();
    await b.take(); // empty

    const json = await report(['--queue', `${a.name},${b.name}`, '--json']);
    expect(json.code).toBe(0);
    const { queues, total } = JSON.parse(json.out) as KitchensSummary;
    expect(queues.map((queue) => [queue.queue, queue.length, queue.capacity])).toEqual([[a.name, 1, 1], [b.name, 0, 3]]);
    expect(total).toMatchObject({ queue: 'total', length: 1, capacity: 4, counts: { ready: 3, full: 1, taken: 2, empty: 1 }, fullFraction: 0.25 });
    expect(total.emptyFraction).toBeCloseTo(1 / 3, 10);
    expect(total.accounting).toMatchObject({ accepted: 3, taken: 2, queued: 1, lost: 0 });

    const table = (await report(['--queue', `${a.name},${b.name}`])).out.split('\n');
    expect(table[0]).toMatch(/^queue +length +capacity +READY +FULL +TAKEN +EMPTY/);
    expect(table[1]).toMatch(new RegExp(`^${a.name} +1 +1 +1 +1 +0 +0 +50\\.00% +–`));
    expect(table[3]).toMatch(/^total +1 +4 +3 +1 +2 +1 +25\.00% +33\.33% +3 +0 +0 +0$/);
    expect(table[4]).toBe('2 queues, nothing lost');

    const fromEnv = fakeCliIo({ REDIS_URL: redis.url, QUEUE_NAMES: `${a.name}:1,${b.name}:3` });
    expect(await reportCommand.run(['--json'], fromEnv)).toBe(0);
    expect((JSON.parse(fromEnv.out()) as KitchensSummary).total.capacity).toBe(4);
    await a.destroy();
    await b.destroy();
  });

  it('refuses a queue named twice, and names an unknown one among several', async () => {
    expect((await report(['--queue', 'a,a'])).code).toBe(2);
    const known = new BoundedQueue(redis.client(), uniqueQueueName('report-known'), 1);
    await known.claimCapacity();
    const unknown = uniqueQueueName('report-unknown');
    const { code, err } = await report(['--queue', `${known.name},${unknown}`]);
    expect(code).toBe(1);
    expect(err).toContain(`queue "${unknown}" has no capacity stored`);
    await known.destroy();
  });

  it('says so when nobody has used the queue, with exit code 1', async () => {
    const { code, err } = await report(['--queue', uniqueQueueName('report-none')]);
    expect(code).toBe(1);
    expect(err).toMatch(/has no capacity stored in Redis/);
  });

  it('refuses bad flags with exit code 2', async () => {
    const { code, err } = await report(['--queue', 'no spaces', '--time-scale', '0']);
    expect(code).toBe(2);
    expect(err).toContain('--queue="no spaces"');
    expect(err).toContain('--time-scale="0"');
  });
});
