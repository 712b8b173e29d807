import { createHash } from 'node:crypto';
import type { Command, Redis } from 'ioredis';
import { encodedCommand, type CommandArg } from './encoded-command.js';

/**
 * A Lua script sent by its SHA1 (EVALSHA), and whole (EVAL) when the server lacks it (new,
 * restarted, SCRIPT FLUSH): ioredis's `defineCommand`, with the command written once as bytes.
 */
export class EncodedLuaScript {
  readonly sha: string;

  constructor(
    readonly lua: string,
    readonly numberOfKeys: number,
  ) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  /** Runs the script with its keys first, then its other arguments. */
  async run(redis: Redis, keysAndArgs: readonly CommandArg[]): Promise<unknown> {
    try {
      return await send(redis, encodedCommand('evalsha', [this.sha, this.numberOfKeys, ...keysAndArgs]));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      // Nothing ran: Redis refuses an unknown SHA before running anything.
      return send(redis, encodedCommand('eval', [this.lua, this.numberOfKeys, ...keysAndArgs]));
    }
  }
}

function send(redis: Redis, command: Command): Promise<unknown> {
  void redis.sendCommand(command);
  return command.promise;
}
