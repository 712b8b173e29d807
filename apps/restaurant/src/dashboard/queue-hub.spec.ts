import { BoundedQueue, newFoodItem } from '@restaurant/queue';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { UnknownQueueError } from '../report/live-queue-report.js';
import { readLiveQueue, type LiveQueue } from '../report/read-live-queue.js';
import { PredictionCache } from './model-prediction.js';
import type { QueueFrame } from './queue-frame.js';
import { QueueHub, type QueueHubOptions } from './queue-hub.js';

const redis = useTestRedis();
const hubs: QueueHub[] = [];

afterEach(() => hubs.splice(0).forEach((hub) => hub.close()));

function hub(read: QueueHubOptions['read'], intervalMs = 100): QueueHub {
  const created = new QueueHub({
    read,
    describeFailure: (error) =>
      error instanceof UnknownQueueError ? { status: 'unknown-queue', message: error.message } : { status: 'redis-unreachable', message: 'Redis unreachable' },
    predictions: new PredictionCache(),
    intervalMs,
  });
  hubs.push(created);
  return created;
}

/** A used queue with one meal on it, and a read of it that counts how often Redis is read. */
async function countedQueue() {
  const client = redis.client();
  const queue = new BoundedQueue(client, uniqueQueueName('hub'), 3);
  await queue.claimCapacity();
  await queue.offer(newFoodItem('Apple Pie', 'producer'));
  const counter = { reads: 0 };
  const read = (name: string): Promise<LiveQueue> => {
    counter.reads++;
    return readLiveQueue(client, name);
  };
  return { queue, counter, read };
}

describe('the hub', () => {
  it('reads a queue once per interval however many viewers it has, and sends each the same frames', async () => {
    const { queue, counter, read } = await countedQueue();
    const queueHub = hub(read);
    const seen = Array.from({ length: 5 }, () => [] as string[]);
    seen.forEach((frames) => queueHub.subscribe(queue.name, (_, json) => frames.push(json)));
    await sleep(1050);
    // one read at the first viewer, then one per 100 ms: about 11, whether 1 or 5 pages are open
    expect(counter.reads).toBeGreaterThanOrEqual(4);
    expect(counter.reads).toBeLessThanOrEqual(12);
    expect(seen[0].length).toBeGreaterThanOrEqual(counter.reads - 1);
    for (const frames of seen) expect(frames).toEqual(seen[0]);
    const frame = JSON.parse(seen[0][0]) as QueueFrame;
    expect(frame).toMatchObject({ queue: queue.name, status: 'ok', length: 1, capacity: 3, counts: { ready: 1, full: 0, taken: 0, empty: 0 } });
  });

  it('gives a late viewer the latest frame at once, and stops reading a queue nobody watches', async () => {
    const { queue, counter, read } = await countedQueue();
    const queueHub = hub(read);
    const stopFirst = queueHub.subscribe(queue.name, () => undefined);
    await sleep(250);
    const late: QueueFrame[] = [];
    const stopLate = queueHub.subscribe(queue.name, (frame) => late.push(frame));
    expect(late).toHaveLength(1);
    expect(queueHub.watched()).toEqual([queue.name]);
    stopFirst();
    stopLate();
    expect(queueHub.watched()).toEqual([]);
    const readsThen = counter.reads;
    await sleep(350);
    expect(counter.reads).toBeLessThanOrEqual(readsThen + 1); // at most the read that was under way
  });

  it('keeps the chart\'s points and counts events per minute between reads', async () => {
    const { queue, read } = await countedQueue();
    const frames: QueueFrame[] = [];
    hub(read).subscribe(queue.name, (frame) => frames.push(frame));
    await expect.poll(() => frames.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    await queue.offer(newFoodItem('Fried Rice', 'producer'));
    const lastLength = (): number | undefined => {
      const last = frames.at(-1);
      return last?.status === 'ok' ? last.length : undefined;
    };
    await expect.poll(lastLength, { timeout: 5000 }).toBe(2);
    const last = frames.at(-1);
    if (last?.status !== 'ok') throw new Error('the last frame should be a live one');
    expect(last.history.length).toBeGreaterThanOrEqual(3);
    expect(last.history.at(-1)?.[1]).toBe(2);
    expect(last.perMinute?.ready).toBeGreaterThan(0);
    expect(last.perMinute?.taken).toBe(0);
  });

  it('sends a queue nobody has used as unknown, and a failing read as what describeFailure says', async () => {
    const frames: QueueFrame[] = [];
    const client = redis.client();
    hub((name) => readLiveQueue(client, name)).subscribe(uniqueQueueName('hub-none'), (frame) => frames.push(frame));
    await expect.poll(() => frames.length).toBeGreaterThan(0);
    expect(frames[0]).toMatchObject({ status: 'unknown-queue', message: expect.stringContaining('no capacity stored') });

    const failing: QueueFrame[] = [];
    hub(() => Promise.reject(new Error('connection is closed'))).subscribe('any', (frame) => failing.push(frame));
    await expect.poll(() => failing.length).toBeGreaterThan(0);
    expect(failing[0]).toMatchObject({ status: 'redis-unreachable', message: 'Redis unreachable', history: [] });
  });

  it('never starts a read while the last one is still under way', async () => {
    let running = 0;
    let most = 0;
    const slowRead = async (): Promise<LiveQueue> => {
      running++;
      most = Math.max(most, running);
      await sleep(120);
      running--;
      throw new Error('slow and failing');
    };
    hub(slowRead, 20).subscribe('slow', () => undefined);
    await sleep(400);
    expect(most).toBe(1);
  });
});
