import { describe, expect, it } from 'vitest';
import { aclPasswordHash, newAclPassword } from './acl-password.js';
import { aclRules, type AclUser } from './acl-rules.js';
import { renderAclFile, renderSetUserCommands } from './render-acl.js';

const cook: AclUser = { name: 'cook', role: 'producer', queueName: 'kitchen', password: 'cook-secret' };
const customer: AclUser = { name: 'customer', role: 'consumer', queueName: 'kitchen', password: 'customer-secret' };

/** The commands a rule list allows, anywhere (root or selector). */
function allowedCommands(rules: string[]): Set<string> {
  return new Set(rules.flatMap((rule) => rule.replace(/[()]/g, '').split(' ')).filter((word) => word.startsWith('+')).map((word) => word.slice(1)));
}

function keyPatterns(rules: string[]): string[] {
  return rules.flatMap((rule) => rule.replace(/[()]/g, '').split(' ')).filter((word) => word.startsWith('~'));
}

describe('ACL rules of a queue', () => {
  it('start from nothing: no keys, no channels, no commands, no old password or selectors', () => {
    for (const user of [cook, customer]) {
      const rules = aclRules(user);
      expect(rules.slice(0, 7)).toEqual(['on', 'resetpass', `#${aclPasswordHash(user.password)}`, 'clearselectors', 'resetkeys', 'resetchannels', '-@all']);
      expect(rules.filter((rule) => rule.startsWith('+@') || rule === 'allkeys' || rule === 'allcommands')).toEqual([]);
    }
  });

  it('let a producer offer but never take, and a consumer take but never offer', () => {
    const producer = allowedCommands(aclRules(cook));
    const consumer = allowedCommands(aclRules(customer));
    for (const taking of ['rpop', 'lmove', 'lrem', 'rpush', 'blmove', 'brpop', 'lpop']) expect(producer).not.toContain(taking);
    for (const offering of ['lpush', 'lpushx', 'linsert', 'lset']) expect(consumer).not.toContain(offering);
    expect(producer).toContain('lpush');
    expect(consumer).toContain('rpop');
    expect(consumer).toContain('lmove');
    // Every operation is one script: neither role needs a transaction.
    for (const allowed of [producer, consumer]) expect(allowed).not.toContain('multi');
  });

  it('let each role announce itself on the actors key with HSET and HDEL, and nothing else there', () => {
    for (const user of [cook, customer]) {
      const onActors = aclRules(user).filter((rule) => rule.includes('~{kitchen}:actors'));
      expect(onActors).toEqual(['(~{kitchen}:actors +hset +hdel)']);
    }
  });

  it('name only keys of their own queue', () => {
    for (const user of [cook, customer]) {
      const patterns = keyPatterns(aclRules(user));
      expect(patterns.length).toBeGreaterThan(0);
      for (const pattern of patterns) expect(pattern).toMatch(/^~\{kitchen\}:/);
    }
  });

  it('never contain the password itself', () => {
    expect(aclRules(cook).join(' ')).not.toContain('cook-secret');
    expect(renderSetUserCommands([cook, customer])).not.toMatch(/cook-secret|customer-secret/);
    expect(renderAclFile([cook, customer], 'admin-secret')).not.toMatch(/cook-secret|customer-secret|admin-secret/);
  });

  it('refuse a queue name that is not one', () => {
    expect(() => aclRules({ ...cook, queueName: 'kitchen *' })).toThrow(/invalid queue name/);
  });
});

describe('rendering', () => {
  it('writes one redis-cli line per user with each selector quoted as one argument', () => {
    const lines = renderSetUserCommands([cook, customer]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ACL SETUSER cook on resetpass #[0-9a-f]{64} clearselectors resetkeys resetchannels -@all \+info /);
    expect(lines[0]).toContain(' "(~{kitchen}:food +llen +lpush)"');
    expect(lines[1]).toMatch(/^ACL SETUSER customer /);
  });

  it('writes an ACL file that protects the default user with the admin password', () => {
    const lines = renderAclFile([cook, customer], 'admin-secret').trimEnd().split('\n');
    expect(lines[0]).toBe(`user default on #${aclPasswordHash('admin-secret')} ~* &* +@all`);
    expect(lines[1]).toMatch(/^user cook on resetpass #[0-9a-f]{64} .* \(~\{kitchen\}:food \+llen \+lpush\)/);
    expect(lines[2]).toMatch(/^user customer on /);
  });
});

describe('passwords', () => {
  it('are long, URL-safe and new each time', () => {
    const a = newAclPassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newAclPassword()).not.toBe(a);
  });

  it('are hashed as Redis expects: SHA-256 in hex', () => {
    expect(aclPasswordHash('foobar')).toBe('c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2');
  });
});
