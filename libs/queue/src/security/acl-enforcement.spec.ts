import { Redis } from 'ioredis';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedQueue } from '../bounded-queue.js';
import { encodeFoodItem, newFoodItem, type FoodItem } from '../food-item.js';
import { readPresence, startPresence } from '../presence.js';
import { ReliableDelivery } from '../reliable-delivery.js';
import { startRedisServer, type RedisServerProcess, uniqueQueueName } from '@restaurant/testing';
import { newAclPassword } from './acl-password.js';
import type { AclUser } from './acl-rules.js';
import { applyAclUsers } from './apply-acl.js';
import { renderAclFile } from './render-acl.js';

/** Refused by the ACL: Redis 7.0 words a refusal of a redis.call inside a script as ERR, later versions as NOPERM. */
const REFUSED = /NOPERM|The user executing the script can't (run this command|access at least one of the keys)/;

let server: RedisServerProcess;
let admin: Redis;
const connections: Redis[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});
afterAll(async () => {
  connections.forEach((redis) => redis.disconnect());
  admin?.disconnect();
  await server?.stop();
});

function connectAs(user: AclUser, port = server.port): Redis {
  const redis = new Redis({ port, host: '127.0.0.1', username: user.name, password: user.password, maxRetriesPerRequest: 0 });
  connections.push(redis);
  return redis;
}

function meal(): FoodItem {
  return newFoodItem('Pumpkin Soup', 'producer');
}

/** A fresh queue with its own cook and customer users, applied by the admin. */
async function kitchen() {
  const queueName = uniqueQueueName('acl');
  const cook: AclUser = { name: `cook-${queueName}`, role: 'producer', queueName, password: newAclPassword() };
  const customer: AclUser = { name: `customer-${queueName}`, role: 'consumer', queueName, password: newAclPassword() };
  await applyAclUsers(admin, [cook, customer]);
  const asCook = connectAs(cook);
  const asCustomer = connectAs(customer);
  return {
    queueName,
    asCook,
    asCustomer,
    cookQueue: new BoundedQueue(asCook, queueName, 3),
    customerQueue: new BoundedQueue(asCustomer, queueName, 3),
    adminQueue: new BoundedQueue(admin, queueName, 3),
  };
}

describe('the producer user', () => {
  it('offers through the bounded queue and reads its length', async () => {
    const { cookQueue, adminQueue } = await kitchen();
    await cookQueue.claimCapacity();
    expect(await cookQueue.offer(meal())).toEqual({ status: 'ready', length: 1 });
    expect(await cookQueue.length()).toBe(1);
    expect(await adminQueue.length()).toBe(1);
  });

  it('is refused every way of taking, and the meal stays in the queue', async () => {
    const { cookQueue, adminQueue, asCook } = await kitchen();
    await cookQueue.offer(meal());
    const food = cookQueue.keys.items;
    await expect(cookQueue.take()).rejects.toThrow(REFUSED);
    await expect(asCook.rpop(food)).rejects.toThrow(/^NOPERM/);
    await expect(asCook.lmove(food, cookQueue.keys.processing('cook'), 'RIGHT', 'LEFT')).rejects.toThrow(/^NOPERM/);
    await expect(asCook.lrem(food, 1, 'x')).rejects.toThrow(/^NOPERM/);
    await expect(asCook.rpush(food, encodeFoodItem(meal()))).rejects.toThrow(/^NOPERM/);
    await expect(asCook.eval("return redis.call('RPOP', KEYS[1])", 1, food)).rejects.toThrow(REFUSED);
    expect(await adminQueue.length()).toBe(1);
  });
});

describe('the consumer user', () => {
  it('takes what the cook offered, and can set an unreadable item aside', async () => {
    const { cookQueue, customerQueue, adminQueue } = await kitchen();
    await customerQueue.claimCapacity();
    const offered = meal();
    await cookQueue.offer(offered);
    const taken = await customerQueue.take();
    expect(taken).toMatchObject({ status: 'taken', length: 0 });
    expect(taken.status === 'taken' && JSON.parse(taken.raw).id).toBe(offered.id);
    await customerQueue.deadLetter({ reason: 'not JSON', raw: '{"half', by: 'customer', at: new Date().toISOString() }, 'taken');
    expect(await admin.llen(adminQueue.keys.dead)).toBe(1);
  });

  it('takes, acknowledges and returns meals with reliable delivery', async () => {
    const { cookQueue, customerQueue, asCustomer, adminQueue } = await kitchen();
    const delivery = new ReliableDelivery(asCustomer, customerQueue, { consumer: 'customer_1', maxDeliveries: 3 });
    await delivery.heartbeat(1000);
    await cookQueue.offer(meal());
    await cookQueue.offer(meal());
    const first = await delivery.take();
    expect(first.status).toBe('taken');
    expect(first.status === 'taken' && (await delivery.ack(first.raw, JSON.parse(first.raw).id))).toBe(true);
    // the same acknowledgement again, as ioredis re-sends it after a reconnect, reads the last id
    expect(first.status === 'taken' && (await delivery.ack(first.raw, JSON.parse(first.raw).id))).toBe(true);
    expect((await delivery.take()).status).toBe('taken');
    expect(await delivery.returnHeld()).toBe(1);
    expect(await adminQueue.length()).toBe(1);
  });

  it('is refused every way of offering, and the queue stays empty', async () => {
    const { customerQueue, asCustomer, adminQueue } = await kitchen();
    await expect(customerQueue.offer(meal())).rejects.toThrow(REFUSED);
    await expect(asCustomer.lpush(customerQueue.keys.items, encodeFoodItem(meal()))).rejects.toThrow(/^NOPERM/);
    await expect(asCustomer.lpushx(customerQueue.keys.items, encodeFoodItem(meal()))).rejects.toThrow(/^NOPERM/);
    await expect(asCustomer.rpush(customerQueue.keys.items, encodeFoodItem(meal()))).rejects.toThrow(/^NOPERM/);
    await expect(asCustomer.eval("return redis.call('LPUSH', KEYS[1], 'x')", 1, customerQueue.keys.items)).rejects.toThrow(REFUSED);
    await expect(asCustomer.multi().lpush(customerQueue.keys.items, encodeFoodItem(meal())).exec()).rejects.toThrow(/EXECABORT/);
    expect(await adminQueue.length()).toBe(0);
  });
});

describe('both users', () => {
  it('are refused every key of another queue', async () => {
    const mine = await kitchen();
    const other = new BoundedQueue(admin, uniqueQueueName('other'), 3);
    await other.offer(meal());
    for (const redis of [mine.asCook, mine.asCustomer]) {
      const theirs = new BoundedQueue(redis, other.name, 3);
      await expect(theirs.offer(meal())).rejects.toThrow(/^NOPERM/);
      await expect(theirs.take()).rejects.toThrow(/^NOPERM/);
      await expect(theirs.length()).rejects.toThrow(/^NOPERM/);
      await expect(redis.hgetall(other.keys.stats)).rejects.toThrow(/^NOPERM/);
      await expect(redis.get('unrelated')).rejects.toThrow(/^NOPERM/);
    }
    expect(await other.length()).toBe(1);
  });

  it('are refused server-wide and administrative commands, even on their own keys', async () => {
    const { asCook, asCustomer, cookQueue } = await kitchen();
    for (const redis of [asCook, asCustomer]) {
      await expect(redis.flushall()).rejects.toThrow(/^NOPERM/);
      await expect(redis.config('GET', 'requirepass')).rejects.toThrow(/^NOPERM/);
      await expect(redis.keys('*')).rejects.toThrow(/^NOPERM/);
      await expect(redis.scan('0')).rejects.toThrow(/^NOPERM/);
      await expect(redis.call('ACL', 'SETUSER', 'intruder', 'on', 'nopass', '+@all', '~*')).rejects.toThrow(/^NOPERM/);
      await expect(redis.del(cookQueue.keys.items)).rejects.toThrow(/^NOPERM/);
      await expect(redis.publish('news', 'x')).rejects.toThrow(/^NOPERM/);
    }
  });
});

describe('presence under the ACL', () => {
  it('lets each user announce itself and remove its field, on that key only and without reading it', async () => {
    const { asCook, asCustomer, adminQueue } = await kitchen();
    const keys = adminQueue.keys;
    const cook = startPresence(asCook, keys, { role: 'producer', kind: 'producer' });
    const customer = startPresence(asCustomer, keys, { role: 'consumer_1', kind: 'consumer' });
    await expect.poll(async () => (await readPresence(admin, keys)).map((actor) => actor.role)).toEqual(['consumer_1', 'producer']);
    await cook.stop();
    await customer.stop();
    expect(await admin.exists(keys.actors)).toBe(0);
    for (const redis of [asCook, asCustomer]) {
      await expect(redis.hgetall(keys.actors)).rejects.toThrow(/^NOPERM/);
      await expect(redis.del(keys.actors)).rejects.toThrow(/^NOPERM/);
      await expect(redis.hset(keys.meta, 'capacity', '99')).rejects.toThrow(/^NOPERM/);
      await expect(redis.hset(keys.deliveries.replace('deliveries', 'other'), 'x', '1')).rejects.toThrow(/^NOPERM/);
    }
  });
});

describe('the ACL file', () => {
  it('gives a server started with it the same users, and a default user that needs the admin password', async () => {
    const queueName = uniqueQueueName('aclfile');
    const cook: AclUser = { name: 'cook', role: 'producer', queueName, password: newAclPassword() };
    const customer: AclUser = { name: 'customer', role: 'consumer', queueName, password: newAclPassword() };
    const adminPassword = newAclPassword();
    const dir = await mkdtemp(join(tmpdir(), 'restaurant-acl-'));
    const aclFile = join(dir, 'users.acl');
    // startRedisServer pings as an unauthenticated `default` user, so the server starts with an
    // open file and then loads the rendered one, exactly as a start with it would.
    await writeFile(aclFile, 'user default on nopass ~* &* +@all\n');
    const fileServer = await startRedisServer({ dir, extraArgs: ['--aclfile', aclFile] });
    await writeFile(aclFile, renderAclFile([cook, customer], adminPassword));
    const loader = new Redis(fileServer.port, '127.0.0.1');
    expect(await loader.call('ACL', 'LOAD')).toBe('OK');
    loader.disconnect();
    try {
      const anonymous = new Redis({ port: fileServer.port, maxRetriesPerRequest: 0, lazyConnect: true, enableReadyCheck: false });
      connections.push(anonymous);
      await anonymous.connect();
      await expect(anonymous.get('x')).rejects.toThrow(/NOAUTH/);
      const asAdmin = connectAs({ ...cook, name: 'default', password: adminPassword }, fileServer.port);
      expect(await asAdmin.call('ACL', 'WHOAMI')).toBe('default');
      const cookQueue = new BoundedQueue(connectAs(cook, fileServer.port), queueName, 3);
      expect((await cookQueue.offer(meal())).status).toBe('ready');
      await expect(cookQueue.take()).rejects.toThrow(REFUSED);
      const customerQueue = new BoundedQueue(connectAs(customer, fileServer.port), queueName, 3);
      expect((await customerQueue.take()).status).toBe('taken');
    } finally {
      await fileServer.stop();
    }
  });
});
