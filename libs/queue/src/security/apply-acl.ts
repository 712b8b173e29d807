import { forEveryServer, type RedisClient } from '../redis/redis-client.js';
import { aclRules, type AclUser } from './acl-rules.js';

export interface AppliedAcl {
  /** True when the server has an ACL file and the users were saved into it (ACL SAVE). */
  saved: boolean;
}

/**
 * Creates or replaces the users on a connection that may run ACL commands, on every server of a
 * cluster, replicas included (each keeps its own users), and saves them where it can.
 */
export async function applyAclUsers(redis: RedisClient, users: readonly AclUser[]): Promise<AppliedAcl> {
  let saved = true;
  await forEveryServer(redis, async (server) => {
    for (const user of users) await server.call('ACL', 'SETUSER', user.name, ...aclRules(user));
    try {
      await server.call('ACL', 'SAVE');
    } catch {
      // A server without `aclfile` keeps ACL changes in memory only; the caller says so.
      saved = false;
    }
  });
  return { saved };
}
