import type { ConnectionOptions } from 'bullmq';

/** BullMQ's own connection to the benchmark's Redis; its workers require no retry limit. */
export function bullmqConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
