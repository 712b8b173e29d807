import { applyAclUsers, closeRedis, clusterProblem, newAclPassword, type RedisClient, readableFile, readTlsFiles, redactUrl, renderAclFile, renderSetUserCommands, tlsSettingProblems, type AclUser } from '@restaurant/queue';
import { settings, type ConfigProblem, parseFlagValues, type FlagSpec, type ParsedFlags } from '@restaurant/service';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { CliIo } from '../cli-io.js';
import { defineCommand } from '../cli/define-command.js';
import { DEFAULT_REDIS_URL } from '../start/ensure-redis.js';
import { openRedis } from '../start/redis-target.js';

const aclFlags: FlagSpec = {
  options: {
    queue: 'queue name (QUEUE_NAME, else kitchen)',
    'producer-user': 'Redis user of the cooks (cook)',
    'consumer-user': 'Redis user of the customers (customer)',
    format: 'commands (ACL SETUSER lines for redis-cli) or acl-file (users.acl for aclfile) (commands)',
    'redis-cluster-nodes': 'with --apply: host:port,... of a Redis Cluster, whose every node gets the users (REDIS_CLUSTER_NODES)',
  },
  switches: { apply: 'create or replace the users at REDIS_URL (or on every node of the cluster) instead of printing' },
};


const userName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1-64 letters, digits or _ . -' })
  .refine((name) => name !== 'default', { message: 'must not be default, the admin user' });

const aclSchema = z
  .object({
    queue: settings.queueName,
    'producer-user': userName,
    'consumer-user': userName,
    format: z.enum(['commands', 'acl-file'], { message: 'must be commands or acl-file' }),
    REDIS_URL: settings.redisUrl,
    'redis-cluster-nodes': settings.clusterNodes.optional(),
    REDIS_TLS_CA_FILE: readableFile.optional(),
    REDIS_TLS_CERT_FILE: readableFile.optional(),
    REDIS_TLS_KEY_FILE: readableFile.optional(),
    apply: z.boolean(),
  })
  .superRefine((values, context) => {
    if (values.apply) {
      const files = { caFile: values.REDIS_TLS_CA_FILE, certFile: values.REDIS_TLS_CERT_FILE, keyFile: values.REDIS_TLS_KEY_FILE };
      for (const { name, message } of tlsSettingProblems(values.REDIS_URL, files)) context.addIssue({ code: 'custom', path: [name], message });
    }
    if (values['producer-user'] === values['consumer-user']) {
      context.addIssue({ code: 'custom', path: ['consumer-user'], message: 'must differ from the producer user' });
    }
  });

type AclSettings = z.output<typeof aclSchema>;

/** Passwords from the environment, or new ones; `generated` lists the new ones as env lines. */
function passwordsFrom(env: Record<string, string | undefined>, names: string[]) {
  const generated: string[] = [];
  const passwords = Object.fromEntries(
    names.map((name) => {
      const given = env[name];
      if (given) return [name, given];
      const password = newAclPassword();
      generated.push(`${name}=${password}`);
      return [name, password];
    }),
  );
  return { passwords, generated };
}

/** Flags and environment to the users' settings; every problem in one ConfigError. */
function planAcl(flags: ParsedFlags, env: Record<string, string | undefined>): { settings: AclSettings; apply: boolean } {
  const apply = flags.switches.has('apply');
  const raw = {
    queue: env.QUEUE_NAME || 'kitchen',
    'producer-user': 'cook',
    'consumer-user': 'customer',
    format: 'commands',
    REDIS_URL: env.REDIS_URL || DEFAULT_REDIS_URL,
    'redis-cluster-nodes': env.REDIS_CLUSTER_NODES || undefined,
    REDIS_TLS_CA_FILE: env.REDIS_TLS_CA_FILE || undefined,
    REDIS_TLS_CERT_FILE: env.REDIS_TLS_CERT_FILE || undefined,
    REDIS_TLS_KEY_FILE: env.REDIS_TLS_KEY_FILE || undefined,
    ...flags.values,
    apply,
  };
  const problems: ConfigProblem[] = [];
  if (apply && flags.values.format !== undefined) {
    problems.push({ name: '--format', value: flags.values.format, allowed: 'is for printing; --apply sends the commands itself' });
  }
  const settings = parseFlagValues(aclSchema, raw, { ...flags, problems: [...flags.problems, ...problems] });
  return { settings, apply };
}

/** One server's connection that fails at once, or the cluster's (checked first, as the services do). */
async function adminConnection(values: AclSettings): Promise<RedisClient> {
  const tls = readTlsFiles({ caFile: values.REDIS_TLS_CA_FILE, certFile: values.REDIS_TLS_CERT_FILE, keyFile: values.REDIS_TLS_KEY_FILE });
  const clusterNodes = values['redis-cluster-nodes'];
  if (clusterNodes) {
    const problem = await clusterProblem(clusterNodes, values.REDIS_URL, tls);
    if (problem) throw new Error(problem);
    return openRedis({ url: values.REDIS_URL, clusterNodes, tls }, 'acl');
  }
  const redis = new Redis(values.REDIS_URL, { tls, lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined); // the failing command says what went wrong
  await redis.connect();
  return redis;
}

async function applyAt(values: AclSettings, users: AclUser[], io: CliIo): Promise<number> {
  const clusterNodes = values['redis-cluster-nodes'];
  const where = clusterNodes ? `every node of the cluster at ${clusterNodes.map(({ host, port }) => `${host}:${port}`).join(',')}` : redactUrl(values.REDIS_URL);
  let redis: RedisClient | undefined;
  try {
    redis = await adminConnection(values);
    const { saved } = await applyAclUsers(redis, users);
    const [producer, consumer] = users;
    io.stdout.write(
      `acl: user ${producer.name} (producer) and user ${consumer.name} (consumer) of queue "${values.queue}" applied at ${where}; ` +
        (saved ? 'saved to the server\'s ACL file\n' : 'in memory only: the server has no aclfile, so apply again after a restart\n'),
    );
    return 0;
  } catch (error) {
    // Only the message: ioredis attaches the failed command, whose arguments may hold a password.
    io.stderr.write(`acl: could not apply the users at ${where}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (redis) await closeRedis(redis);
  }
}

export const aclCommand = defineCommand({
  summary: 'least-privilege Redis users for cooks and customers: print or apply',
  usage: `Usage: npm run -s acl -- [options]

Least-privilege Redis users for one queue: the producer user can only offer (run the queue's
scripts, read its length, push on its own keys), the consumer user can only take and
acknowledge; neither can touch another key or run an administrative command.

Passwords come from ACL_PRODUCER_PASSWORD and ACL_CONSUMER_PASSWORD (and ACL_ADMIN_PASSWORD
for the default user of an acl-file); a missing one is generated and printed once, on stderr.
The rules carry only the passwords' SHA-256, so the output is safe to store.

  npm run -s acl -- --queue kitchen | redis-cli -u "$ADMIN_URL"
  npm run -s acl -- --queue kitchen --format acl-file > users.acl
  REDIS_URL="$ADMIN_URL" npm run -s acl -- --queue kitchen --apply
  REDIS_URL="$ADMIN_URL" npm run -s acl -- --queue kitchen --apply --redis-cluster-nodes host:7000,host:7001

Services then connect as REDIS_URL=redis://cook:<password>@host:6379 (rediss:// with TLS:
REDIS_TLS_CA_FILE, REDIS_TLS_CERT_FILE, REDIS_TLS_KEY_FILE).`,
  flags: aclFlags,
  plan: (flags, io) => planAcl(flags, io.env),
  async execute(plan, io) {
    const { settings: values, apply } = plan;
    const needsAdmin = !apply && values.format === 'acl-file';
    const { passwords, generated } = passwordsFrom(io.env, [
      'ACL_PRODUCER_PASSWORD',
      'ACL_CONSUMER_PASSWORD',
      ...(needsAdmin ? ['ACL_ADMIN_PASSWORD'] : []),
    ]);
    const users: AclUser[] = [
      { name: values['producer-user'], role: 'producer', queueName: values.queue, password: passwords.ACL_PRODUCER_PASSWORD },
      { name: values['consumer-user'], role: 'consumer', queueName: values.queue, password: passwords.ACL_CONSUMER_PASSWORD },
    ];
    if (generated.length > 0) {
      io.stderr.write(`acl: generated passwords, shown only now; keep them in your secrets env file:\n${generated.join('\n')}\n`);
    }
    if (apply) return applyAt(values, users, io);
    io.stdout.write(values.format === 'acl-file' ? renderAclFile(users, passwords.ACL_ADMIN_PASSWORD) : renderSetUserCommands(users));
    return 0;
  },
});
