import type { Redis } from 'ioredis';
import type { CommandCost } from './bench-row.js';

/** Seconds of CPU the Redis server has used (user + sys, all threads). */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = parseInfo(await redis.info('cpu'));
  return Number(info.used_cpu_user) + Number(info.used_cpu_sys);
}

/** Per-command totals since the last CONFIG RESETSTAT, most total time first. */
export async function commandCosts(redis: Redis): Promise<CommandCost[]> {
  const info = parseInfo(await redis.info('commandstats'));
  return Object.entries(info)
    .map(([key, value]) => {
      const fields = Object.fromEntries(value.split(',').map((pair) => pair.split('=')));
      return { command: key.replace(/^cmdstat_/, ''), calls: Number(fields.calls), usec: Number(fields.usec) };
    })
    .sort((a, b) => b.usec - a.usec)
    .map(({ command, calls, usec }) => ({ command, calls, usecPerCall: calls > 0 ? usec / calls : 0 }));
}

export function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields[line.slice(0, colon)] = line.slice(colon + 1);
  }
  return fields;
}
