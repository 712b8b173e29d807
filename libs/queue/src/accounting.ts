import type { RedisClient } from './redis/redis-client.js';
import { queueScripts } from './scripts/queue-scripts.js';
import type { QueueKeys } from './queue-keys.js';

/**
 * Where every accepted item is, read atomically. `lost` is what the others do not explain and
 * must stay 0: accepted = taken + queued + inFlight + deadLettered.
 */
export interface Accounting {
  accepted: number;
  taken: number;
  queued: number;
  inFlight: number;
  deadLettered: number;
  redelivered: number;
  duplicates: number;
  lost: number;
}

export async function readAccounting(redis: RedisClient, keys: QueueKeys): Promise<Accounting> {
  const { stats, items, consumers } = keys;
  const reply = await queueScripts.accounting.run(redis, { stats, items, consumers }, { processingPrefix: keys.processing('') });
  const [accepted, taken, queued, inFlight, deadLettered, redelivered, duplicates] = reply;
  return {
    accepted,
    taken,
    queued,
    inFlight,
    deadLettered,
    redelivered,
    duplicates,
    lost: accepted - taken - queued - inFlight - deadLettered,
  };
}
