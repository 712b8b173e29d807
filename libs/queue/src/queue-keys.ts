/**
 * Every Redis key of one queue. The name is wrapped in a hash tag (`{kitchen}:food`) so that all
 * keys of a queue live in one slot and the scripts also run on Redis Cluster.
 */
export interface QueueKeys {
  /** The list of items: LPUSH on offer, RPOP on take, so it is FIFO. */
  readonly items: string;
  /** Settings fixed at first use: the capacity. */
  readonly meta: string;
  /** Counters and time-at-length, updated by the same scripts that move the items. */
  readonly stats: string;
  /** Items that could not be delivered, each with the reason (RPUSH: oldest first). */
  readonly dead: string;
  /** Reliable delivery: how often each item id has been handed out (id → count). */
  readonly deliveries: string;
  /** Reliable delivery: the customers that have a processing list (a set of names). */
  readonly consumers: string;
  /** Reliable delivery: the lock held by the one customer that reaps dead customers. */
  readonly reaper: string;
  /** Who is running: role → its kind, last event and when it was last seen (presence.ts). */
  readonly actors: string;
  /** Marks an accepted item id for a while, so a re-sent offer is refused as a duplicate. */
  seen(itemId: string): string;
  /** Reliable delivery: the items a customer holds and has not acknowledged yet. */
  processing(consumer: string): string;
  /** Reliable delivery: exists (with a TTL) while the customer is alive. */
  heartbeat(consumer: string): string;
  /** Reliable delivery: the id the customer acknowledged last, so a re-sent acknowledgement is known. */
  acked(consumer: string): string;
}

const QUEUE_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;

export function isValidQueueName(name: string): boolean {
  return QUEUE_NAME.test(name);
}

export function queueKeys(queueName: string): QueueKeys {
  if (!isValidQueueName(queueName)) throw new Error(`invalid queue name: ${JSON.stringify(queueName)}`);
  const tag = `{${queueName}}`;
  return {
    items: `${tag}:food`,
    meta: `${tag}:meta`,
    stats: `${tag}:stats`,
    dead: `${tag}:dead`,
    deliveries: `${tag}:deliveries`,
    consumers: `${tag}:consumers`,
    reaper: `${tag}:reaper`,
    actors: `${tag}:actors`,
    seen: (itemId) => `${tag}:seen:${itemId}`,
    processing: (consumer) => `${tag}:processing:${consumer}`,
    heartbeat: (consumer) => `${tag}:heartbeat:${consumer}`,
    acked: (consumer) => `${tag}:acked:${consumer}`,
  };
}
