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
  /** Items a customer could not read, each with the reason. */
  readonly dead: string;
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
  };
}
