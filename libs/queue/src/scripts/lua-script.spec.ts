import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { LuaScript } from './lua-script.js';

const redis = useTestRedis();
const folder = mkdtempSync(join(tmpdir(), 'lua-script-'));

/** A script the server cannot have seen: its text, so its SHA1, is new. */
function fresh<Key extends string, Arg extends string>(body: string, keys: Key[], args: Arg[]): LuaScript<Key, Arg, unknown> {
  const file = join(folder, `fresh-${randomBytes(4).toString('hex')}-${keys.length}.lua`);
  writeFileSync(file, `-- ${randomBytes(8).toString('hex')}\n${body}`);
  return new LuaScript(pathToFileURL(file), keys, args);
}

describe('LuaScript against real Redis', () => {
  it('sends the script whole when the server lacks it, and by its SHA1 from then on', async () => {
    const client = redis.client();
    const counter = uniqueQueueName('lua');
    const script = fresh("return redis.call('INCR', KEYS[1])", ['counter'], []);
    expect(await client.script('EXISTS', script.sha)).toEqual([0]);
    expect(await script.run(client, { counter }, {})).toBe(1);
    expect(await client.script('EXISTS', script.sha)).toEqual([1]);
    expect(await script.run(client, { counter }, {})).toBe(2);
  });

  it('passes keys and then arguments in the order the script names them, whatever order the caller writes', async () => {
    const script = fresh('return {KEYS[1], KEYS[2], ARGV[1], ARGV[2], #ARGV[3]}', ['first', 'second'], ['number', 'text', 'bytes']);
    const reply = await script.run(redis.client(), { second: 'k2', first: 'k1' }, { bytes: Buffer.from([0, 1, 2]), text: 'é', number: 7 });
    expect(reply).toEqual(['k1', 'k2', '7', 'é', 3]);
  });

  it("fails with the script's error and does not run it again", async () => {
    const client = redis.client();
    const counter = uniqueQueueName('lua');
    const script = fresh("redis.call('INCR', KEYS[1]); return redis.error_reply('refused')", ['counter'], []);
    await expect(script.run(client, { counter }, {})).rejects.toThrow('refused');
    await expect(script.run(client, { counter }, {})).rejects.toThrow('refused');
    expect(await client.get(counter)).toBe('2');
  });

  it('refuses a definition whose keys do not match the number in the file name', () => {
    expect(() => new LuaScript('offer-3.lua', ['items', 'stats'], [])).toThrow(/names 3 keys in its file name, but 2 are given/);
  });
});
