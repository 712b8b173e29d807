import { queueKeys, type QueueKeys } from '../queue-keys.js';
import { aclPasswordHash } from './acl-password.js';

export type QueueRole = 'producer' | 'consumer';

/** Commands allowed on some keys of one queue; becomes one ACL selector `(~key ... +command ...)`. */
interface Grant {
  keys(keys: QueueKeys, queueName: string): string[];
  commands: string[];
}

/**
 * Keyless commands a service connection sends: ioredis's ready check (INFO) and its
 * connectionName (CLIENT SETNAME); the scripts read the server clock (TIME); on a Redis Cluster
 * the client reads the slots' owners and the service checks the cluster's state at start.
 */
const CONNECTION_COMMANDS = ['info', 'client|setname', 'time', 'cluster|slots', 'cluster|info'];

/**
 * The scripts may be called with any key of their own queue. Redis checks every `redis.call`
 * inside a script against the caller's ACL again, so this grants nothing the other grants do not.
 */
const RUN_SCRIPTS: Grant = { keys: (_, queueName) => [`{${queueName}}:*`], commands: ['evalsha', 'eval'] };

const CLAIM_CAPACITY: Grant = { keys: (k) => [k.meta], commands: ['hsetnx', 'hget'] };
const COUNT: Grant = { keys: (k) => [k.stats], commands: ['hget', 'hmget', 'hset', 'hincrby'] };
/** Each service announces itself (presence.ts) and removes its field when it stops. */
const ANNOUNCE: Grant = { keys: (k) => [k.actors], commands: ['hset', 'hdel'] };

/** A cook offers: it can read the length and push on the left, nothing that removes an item. */
const PRODUCER_GRANTS: Grant[] = [
  RUN_SCRIPTS,
  CLAIM_CAPACITY,
  COUNT,
  ANNOUNCE,
  { keys: (k) => [k.items], commands: ['llen', 'lpush'] },
  { keys: (k) => [k.seen('*')], commands: ['exists', 'set'] },
];

/** A customer takes and acknowledges: it can pop, move and return items, never push a new one on the left. */
const CONSUMER_GRANTS: Grant[] = [
  RUN_SCRIPTS,
  CLAIM_CAPACITY,
  ANNOUNCE,
  { keys: (k) => [k.stats, k.deliveries], commands: ['hget', 'hset', 'hincrby', 'hdel'] },
  { keys: (k) => [k.items], commands: ['llen', 'rpop', 'lrange'] },
  // LMOVE takes an item into a processing list and returns it from there; source and
  // destination must both match within one selector.
  { keys: (k) => [k.items, k.processing('*')], commands: ['lmove'] },
  { keys: (k) => [k.processing('*')], commands: ['lrem', 'lrange', 'lindex', 'lpop', 'llen', 'del'] },
  { keys: (k) => [k.dead], commands: ['rpush'] },
  { keys: (k) => [k.heartbeat('*')], commands: ['set', 'exists', 'pexpire', 'del'] },
  { keys: (k) => [k.acked('*')], commands: ['set', 'get', 'del'] },
  { keys: (k) => [k.consumers], commands: ['sadd', 'srem', 'smembers'] },
  { keys: (k) => [k.reaper], commands: ['set', 'del'] },
];

const GRANTS: Record<QueueRole, Grant[]> = { producer: PRODUCER_GRANTS, consumer: CONSUMER_GRANTS };

export interface AclUser {
  /** The Redis user name, e.g. `cook`. */
  name: string;
  role: QueueRole;
  queueName: string;
  password: string;
}

/**
 * The arguments of `ACL SETUSER <name> ...` that make the user able to play its role on its
 * queue and nothing else. Applying them again replaces the user's password and permissions.
 * The password goes in as its SHA-256 (`#<hex>`), so the rules can be printed, stored in an ACL
 * file or logged by Redis without revealing it.
 */
export function aclRules(user: AclUser): string[] {
  const keys = queueKeys(user.queueName);
  return [
    'on',
    'resetpass',
    `#${aclPasswordHash(user.password)}`,
    'clearselectors',
    'resetkeys',
    'resetchannels',
    '-@all',
    ...CONNECTION_COMMANDS.map((command) => `+${command}`),
    ...GRANTS[user.role].map((grant) => selector(grant.keys(keys, user.queueName), grant.commands)),
  ];
}

function selector(keys: string[], commands: string[]): string {
  return `(${[...keys.map((key) => `~${key}`), ...commands.map((command) => `+${command}`)].join(' ')})`;
}
