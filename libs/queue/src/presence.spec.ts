import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { parsePresence, readPresence, startPresence } from './presence.js';
import { queueKeys } from './queue-keys.js';

const redis = useTestRedis();

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(20);
  }
}

describe('presence of a cook or customer', () => {
  it('announces the actor at once, then its last event on the next announcement', async () => {
    const client = redis.client();
    const keys = queueKeys(uniqueQueueName('presence'));
    let clock = 1_000;
    const presence = startPresence(client, keys, { role: 'consumer_1', kind: 'consumer', intervalMs: 50, now: () => clock });
    const first = await until(() => readPresence(client, keys), (actors) => actors.length === 1);
    expect(first).toEqual([{ role: 'consumer_1', kind: 'consumer', lastEvent: null, lastEventAt: null, seenAt: 1_000 }]);

    clock = 2_000;
    presence.record('taken');
    clock = 2_500;
    const later = await until(() => readPresence(client, keys), (actors) => actors[0]?.lastEvent === 'taken');
    expect(later).toEqual([{ role: 'consumer_1', kind: 'consumer', lastEvent: 'taken', lastEventAt: 2_000, seenAt: 2_500 }]);
    await presence.stop();
  });

  it('writes nothing on an event: the event waits for the next announcement', async () => {
    const client = redis.client();
    const keys = queueKeys(uniqueQueueName('presence'));
    const presence = startPresence(client, keys, { role: 'producer', kind: 'producer', intervalMs: 60_000 });
    await until(() => readPresence(client, keys), (actors) => actors.length === 1);
    presence.record('ready');
    await sleep(200);
    expect((await readPresence(client, keys))[0].lastEvent).toBeNull();
    await presence.stop();
  });

  it('removes the actor on stop, and a second stop does nothing more', async () => {
    const client = redis.client();
    const keys = queueKeys(uniqueQueueName('presence'));
    const cook = startPresence(client, keys, { role: 'producer_1', kind: 'producer', intervalMs: 50 });
    const customer = startPresence(client, keys, { role: 'consumer_1', kind: 'consumer', intervalMs: 50 });
    await until(() => readPresence(client, keys), (actors) => actors.length === 2);
    await cook.stop();
    await cook.stop();
    await sleep(150); // a stopped actor's timer no longer writes
    expect((await readPresence(client, keys)).map((actor) => actor.role)).toEqual(['consumer_1']);
    await customer.stop();
    expect(await client.exists(keys.actors)).toBe(0);
  });

  it('reads only fields that are a presence, sorted by role with numbers in order', () => {
    const actor = (role: string) => JSON.stringify({ role, kind: 'consumer', lastEvent: 'empty', lastEventAt: 5, seenAt: 9 });
    const actors = parsePresence({
      consumer_10: actor('consumer_10'),
      consumer_2: actor('consumer_2'),
      junk: 'not json',
      wrongKind: JSON.stringify({ role: 'x', kind: 'waiter', seenAt: 1 }),
      noSeen: JSON.stringify({ role: 'y', kind: 'producer' }),
      oddEvent: JSON.stringify({ role: 'z', kind: 'producer', lastEvent: 'burnt', lastEventAt: 'soon', seenAt: 3 }),
    });
    expect(actors.map((a) => a.role)).toEqual(['consumer_2', 'consumer_10', 'z']);
    expect(actors[2]).toEqual({ role: 'z', kind: 'producer', lastEvent: null, lastEventAt: null, seenAt: 3 });
  });
});
