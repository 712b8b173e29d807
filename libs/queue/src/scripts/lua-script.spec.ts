import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { LuaScript } from './lua-script.js';

const redis = useTestRedis();

/** A script the server cannot have seen: its text, so its SHA1, is new. */
const fresh = (body: string, keys: number): LuaScript => new LuaScript(`-- ${randomBytes(8).toString('hex')}\n${body}`, keys);

describe('LuaScript against real Redis', () => {
  it('sends the script whole when the server lacks it, and by its SHA1 from then on', async () => {
    const client = redis.client();
    const key = uniqueQueueName('lua');
    const script = fresh("return redis.call('INCR', KEYS[1])", 1);
    expect(await client.script('EXISTS', script.sha)).toEqual([0]);
    expect(await script.run(client, [key])).toBe(1);
    expect(await client.script('EXISTS', script.sha)).toEqual([1]);
    expect(await script.run(client, [key])).toBe(2);
  });

  it('passes keys, numbers and bytes through as arguments', async () => {
    const script = fresh('return {KEYS[1], ARGV[1], ARGV[2], #ARGV[3]}', 1);
    expect(await script.run(redis.client(), ['k', 7, 'é', Buffer.from([0, 1, 2])])).toEqual(['k', '7', 'é', 3]);
  });

  it('fails with the script\'s error and does not run it again', async () => {
    const client = redis.client();
    const key = uniqueQueueName('lua');
    const script = fresh("redis.call('INCR', KEYS[1]); return redis.error_reply('refused')", 1);
    await expect(script.run(client, [key])).rejects.toThrow('refused');
    await expect(script.run(client, [key])).rejects.toThrow('refused');
    expect(await client.get(key)).toBe('2');
  });
});
