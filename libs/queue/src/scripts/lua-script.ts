import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis/redis-client.js';
import { loadLuaScript } from './load-lua.js';

export type ScriptArg = string | number | Buffer;

/**
 * One Lua script with named keys and arguments: callers pass `{ keys: {...}, args: {...} }`,
 * so a swapped pair is a type error, not a silent bug. The order Redis sees is the order of the
 * names here, which is the order of the `KEYS[i]`/`ARGV[i]` lines in the script's header (a test
 * holds the two together). Sent by its SHA1 (EVALSHA), and whole (EVAL) when the server does not
 * have it yet: new, restarted, or after SCRIPT FLUSH.
 */
export class LuaScript<Key extends string, Arg extends string, Reply> {
  private text: string | undefined;
  private digest: string | undefined;

  constructor(
    /** The script's file: `<command>-<number of keys>.lua` in the queue's commands folder, or a URL. */
    readonly file: string | URL,
    readonly keyNames: readonly Key[],
    readonly argNames: readonly Arg[],
  ) {
    const numberOfKeys = Number(/-(\d+)\.lua$/.exec(String(file))?.[1]);
    if (numberOfKeys !== keyNames.length) {
      throw new Error(`${String(file)} names ${numberOfKeys} keys in its file name, but ${keyNames.length} are given`);
    }
  }

  /** The script's text, read (with its includes) at first use. */
  get lua(): string {
    this.text ??= loadLuaScript(this.file);
    return this.text;
  }

  get sha(): string {
    this.digest ??= createHash('sha1').update(this.lua).digest('hex');
    return this.digest;
  }

  /** The keys, then the arguments, in the script's order. */
  argv(keys: Record<Key, string>, args: Record<Arg, ScriptArg>): ScriptArg[] {
    return [...this.keyNames.map((name) => keys[name]), ...this.argNames.map((name) => args[name])];
  }

  async run(redis: RedisClient, keys: Record<Key, string>, args: Record<Arg, ScriptArg>): Promise<Reply> {
    const argv = this.argv(keys, args);
    try {
      return (await redis.evalsha(this.sha, this.keyNames.length, ...argv)) as Reply;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      // Nothing ran: Redis refuses an unknown SHA before running anything.
      return (await redis.eval(this.lua, this.keyNames.length, ...argv)) as Reply;
    }
  }
}
