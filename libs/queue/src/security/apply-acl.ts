import type { Redis } from 'ioredis';
import { aclRules, type AclUser } from './acl-rules.js';

export interface AppliedAcl {
  /** True when the server has an ACL file and the users were saved into it (ACL SAVE). */
  saved: boolean;
}

/** Creates or replaces the users on a connection that may run ACL commands, and saves them when it can. */
export async function applyAclUsers(redis: Redis, users: readonly AclUser[]): Promise<AppliedAcl> {
  for (const user of users) await redis.call('ACL', 'SETUSER', user.name, ...aclRules(user));
  try {
    await redis.call('ACL', 'SAVE');
    return { saved: true };
  } catch {
    // A server without `aclfile` keeps ACL changes in memory only; the caller says so.
    return { saved: false };
  }
}
