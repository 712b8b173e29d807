import { LuaScript } from './lua-script.js';

/** A script whose reply has the given type; the keys and arguments are named in order. */
function script<Reply>() {
  return <Key extends string, Arg extends string = never>(file: string, keys: readonly Key[], args: readonly Arg[] = []) =>
    new LuaScript<Key, Arg, Reply>(file, keys, args);
}

/** 0 full, 1 queued, 2 duplicate; then the length. */
type OfferReply = [status: 0 | 1 | 2, length: number];
type TakeReply = [0, 0] | [1, length: number, item: string];
type ReliableTakeReply = [0, 0] | [1, length: number, item: string, deliveries: number];

/**
 * Every command of the queue, one Lua script each (libs/queue/src/commands). Key names are the
 * fields of `QueueKeys`, so a caller passes `{ items: keys.items, ... }`.
 */
export const queueScripts = {
  claimCapacity: script<number>()('claim-capacity-1.lua', ['meta'], ['capacity']),
  offer: script<OfferReply>()('offer-3.lua', ['items', 'stats', 'seen'], ['capacity', 'item', 'dedupTtlS']),
  take: script<TakeReply>()('take-2.lua', ['items', 'stats']),
  deadLetter: script<number>()('dead-letter-3.lua', ['dead', 'stats', 'processing'], ['entry', 'item', 'how']),
  takeReliable: script<ReliableTakeReply>()(
    'take-reliable-5.lua',
    ['items', 'stats', 'processing', 'deliveries', 'consumers'],
    ['consumer'],
  ),
  ack: script<0 | 1>()('ack-4.lua', ['processing', 'stats', 'deliveries', 'acked'], ['item', 'itemId']),
  reclaim: script<[returned: number, deadLettered: number]>()(
    'reclaim-8.lua',
    ['items', 'stats', 'processing', 'deliveries', 'dead', 'consumers', 'heartbeat', 'acked'],
    ['consumer', 'maxDeliveries', 'mode', 'at'],
  ),
  heartbeat: script<1>()('heartbeat-2.lua', ['heartbeat', 'consumers'], ['consumer', 'ttlMs']),
  accounting: script<number[]>()('accounting-3.lua', ['stats', 'items', 'consumers'], ['processingPrefix']),
};
