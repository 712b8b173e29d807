import { aclPasswordHash } from './acl-password.js';
import { aclRules, type AclUser } from './acl-rules.js';

/** `ACL SETUSER` commands, one a line, as `redis-cli` reads them from stdin. */
export function renderSetUserCommands(users: readonly AclUser[]): string {
  return users.map((user) => ['ACL', 'SETUSER', user.name, ...aclRules(user)].map(quoteArgument).join(' ') + '\n').join('');
}

/**
 * An ACL file (`aclfile` in redis.conf). Redis creates a `default` user with every right and no
 * password when the file does not name one, so the file gives `default` the admin password.
 */
export function renderAclFile(users: readonly AclUser[], adminPassword: string): string {
  const admin = `user default on #${aclPasswordHash(adminPassword)} ~* &* +@all`;
  return [admin, ...users.map((user) => ['user', user.name, ...aclRules(user)].join(' '))].join('\n') + '\n';
}

/** An argument as redis-cli splits a line: quoted when it holds a space or a quote. */
function quoteArgument(argument: string): string {
  return /[\s"'\\]/.test(argument) ? `"${argument.replace(/["\\]/g, '\\$&')}"` : argument;
}
