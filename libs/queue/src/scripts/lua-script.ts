import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type ScriptArg = string | number | Buffer;

/**
 * A Lua script, sent by its SHA1 (EVALSHA) and whole (EVAL) when the server does not have it
 * yet: new, restarted, or after SCRIPT FLUSH.
 */
export class LuaScript {
  readonly sha: string;

  constructor(
    readonly lua: string,
    readonly numberOfKeys: number,
  ) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  /** Runs the script with its keys first, then its other arguments. */
  async run(redis: Redis, keysAndArgs: readonly ScriptArg[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, this.numberOfKeys, ...keysAndArgs);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      // Nothing ran: Redis refuses an unknown SHA before running anything.
      return redis.eval(this.lua, this.numberOfKeys, ...keysAndArgs);
    }
  }
}
