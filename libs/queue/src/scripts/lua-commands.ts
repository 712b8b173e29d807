import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { LuaScript } from './lua-script.js';
import type { ScriptArg as CommandArg } from './lua-script.js';

/**
 * The scripts live as .lua files next to this module's source. From `src/queue/` and from the
 * compiled `dist/queue/` alike, `../../src/queue/commands/` is the same folder, so the build
 * needs no copy step.
 */
const COMMANDS_DIR = new URL('../commands/', import.meta.url);
const INCLUDE = /^-- @include ([a-z-]+)$/m;

/** A script's text with its `-- @include name` lines replaced by `includes/name.lua`. */
export function loadLuaScript(file: string | URL): string {
  let source = readFileSync(new URL(file, COMMANDS_DIR), 'utf8');
  for (let match = INCLUDE.exec(source); match; match = INCLUDE.exec(source)) {
    const included = readFileSync(new URL(`includes/${match[1]}.lua`, COMMANDS_DIR), 'utf8');
    // A function, so that a `$` in the included Lua (a pattern anchor) is not read as a replacement pattern.
    source = source.replace(match[0], () => included);
  }
  return source;
}

/**
 * The script without its comments and blank lines: for a script sent whole with every call
 * (EVAL), which Redis hashes each time to find it compiled. Inline comments after code stay.
 */
export function compactLua(source: string): string {
  return source
    .replace(/--\[\[[\s\S]*?\]\]/g, '')
    .split('\n')
    .filter((line) => !/^\s*(--.*)?$/.test(line))
    .join('\n');
}

/** The queue's commands, one Lua script each. */
export interface QueueCommands {
  claimCapacity(meta: string, capacity: number): Promise<number>;
  offer(items: string, stats: string, seen: string, capacity: number, item: string, dedupTtlS: number): Promise<[number, number]>;
  take(items: string, stats: string): Promise<[0, 0] | [1, number, string]>;
  deadLetter(dead: string, stats: string, processing: string, entry: string, raw: string, how: 'held' | 'taken'): Promise<number>;
  takeReliable(
    items: string,
    stats: string,
    processing: string,
    deliveries: string,
    consumers: string,
    consumer: string,
  ): Promise<[0, 0] | [1, number, string, number]>;
  accounting(stats: string, items: string, consumers: string, processingPrefix: string): Promise<number[]>;
  ack(processing: string, stats: string, deliveries: string, acked: string, raw: string, id: string): Promise<0 | 1>;
  reclaim(
    items: string,
    stats: string,
    processing: string,
    deliveries: string,
    dead: string,
    consumers: string,
    heartbeat: string,
    acked: string,
    consumer: string,
    maxDeliveries: number,
    mode: 'stop' | 'reap',
    at: string,
  ): Promise<[returned: number, deadLettered: number]>;
  heartbeat(heartbeat: string, consumers: string, consumer: string, ttlMs: number): Promise<1>;
}

const SCRIPTS: Record<keyof QueueCommands, string> = {
  claimCapacity: 'claim-capacity-1.lua',
  offer: 'offer-3.lua',
  take: 'take-2.lua',
  deadLetter: 'dead-letter-3.lua',
  takeReliable: 'take-reliable-5.lua',
  accounting: 'accounting-3.lua',
  ack: 'ack-4.lua',
  reclaim: 'reclaim-8.lua',
  heartbeat: 'heartbeat-2.lua',
};

const scripts = new Map<keyof QueueCommands, LuaScript>();

/** A script, read once; the file name says the number of keys. */
function scriptFor(name: keyof QueueCommands): LuaScript {
  let script = scripts.get(name);
  if (script === undefined) {
    const fileName = SCRIPTS[name];
    script = new LuaScript(loadLuaScript(fileName), Number(/-(\d+)\.lua$/.exec(fileName)?.[1]));
    scripts.set(name, script);
  }
  return script;
}

/** The queue's commands on a connection: each runs its script (EVALSHA, EVAL when the server lacks it). */
export function queueCommands(redis: Redis): QueueCommands {
  const commands = Object.fromEntries(
    (Object.keys(SCRIPTS) as Array<keyof QueueCommands>).map((name) => [
      name,
      (...keysAndArgs: CommandArg[]) => scriptFor(name).run(redis, keysAndArgs),
    ]),
  );
  return commands as unknown as QueueCommands;
}
