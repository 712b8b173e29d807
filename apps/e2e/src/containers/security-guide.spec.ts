/**
 * docs/security.md's Docker steps, run as written in a fresh copy of the repository (so the
 * worktree's own .env, secrets/ and tls/ are never touched): the ACL override, then TLS on top.
 */
import { uniqueQueueName } from '@restaurant/testing';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../entries.js';
import { composeEnv } from './compose-cli.js';
import { ComposeStack } from './compose-stack.js';
import { docBlock } from './doc-blocks.js';
import { copyOfRepository } from './repository-copy.js';
import { eventually } from './stack-waits.js';

const GUIDE = 'docs/security.md';
const QUEUE = uniqueQueueName('guide');
const PASSWORDS = { ACL_ADMIN_PASSWORD: 'admin-7f3a', ACL_PRODUCER_PASSWORD: 'cook-91bc', ACL_CONSUMER_PASSWORD: 'customer-4d2e' };
const COOKED = /producer_[0-9a-f]{12} - \*\*.+\*\* READY$/m;
const TAKEN = /consumer_[0-9a-f]{12} - \*\*.+\*\* TAKEN AWAY$/m;

let dir: string;
const running: Array<{ stack: ComposeStack; shell: ChildProcess }> = [];
beforeAll(() => {
  dir = copyOfRepository('guide');
});
afterAll(async () => {
  for (const { stack, shell } of running) {
    await stack.down();
    shell.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
}, 300_000);

/** Runs a block to its end, as a reader pastes it into bash in the repository's folder. */
function runBlock(name: string, stack?: ComposeStack): string {
  return execFileSync('bash', ['--norc', '-eo', 'pipefail', '-c', docBlock(GUIDE, name)], {
    cwd: dir,
    env: stack ? composeEnv(stack.target) : composeEnv({ dir, files: [], project: 'unused', env: {} }),
    encoding: 'utf8',
    timeout: 900_000,
  });
}

/** Starts a block whose last command is a foreground `docker compose up`, and collects its output. */
function startBlock(name: string, stack: ComposeStack): { output: () => string } {
  const shell = spawn('bash', ['--norc', '-eo', 'pipefail', '-c', docBlock(GUIDE, name)], {
    cwd: dir,
    env: composeEnv(stack.target),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push({ stack, shell });
  let output = '';
  shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  shell.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { output: () => output.replaceAll('\u001b[2K', '') };
}

async function waitUntilKitchenRuns(stack: ComposeStack, output: () => string): Promise<void> {
  await eventually('a cooked and a taken meal', async () => (COOKED.test(output()) && TAKEN.test(output()) ? true : undefined), 600_000, 1_000);
  const containers = await eventually('every container healthy', async () => {
    const all = await stack.containers();
    return all.length === 4 && all.every((container) => container.health === 'healthy') ? all : undefined;
  }, 180_000, 1_000);
  expect(containers.map((container) => container.service).sort()).toEqual(['consumer', 'consumer', 'producer', 'redis']);
}

/** redis-cli in the Redis container, its answer (or error) as text. */
async function redisCli(stack: ComposeStack, args: string[]): Promise<string> {
  const quoted = args.map((arg) => `'${arg}'`).join(' ');
  return (await stack.compose(['exec', '-T', 'redis', 'sh', '-c', `env -u REDISCLI_AUTH redis-cli --no-auth-warning ${quoted} 2>&1; true`])).trim();
}

function setInDotEnv(values: Record<string, string>): void {
  const path = join(dir, '.env');
  let text = readFileSync(path, 'utf8');
  for (const [name, value] of Object.entries(values)) text = text.replace(new RegExp(`^${name}=.*$`, 'm'), `${name}=${value}`);
  writeFileSync(path, text);
}

describe('docs/security.md, Docker Compose with ACL users', () => {
  let stack: ComposeStack;

  it('runs as written: the users file from the image, then the kitchen under the ACL', async () => {
    stack = new ComposeStack('guide-acl', {}, { dir, files: ['docker-compose.yml', 'docker-compose.acl.yml'] });
    runBlock('acl-env');
    // "then set … in .env", as the guide says; a fast time scale and a queue of its own too
    setInDotEnv({ ...PASSWORDS, QUEUE_NAME: QUEUE, TIME_SCALE: '0.01' });
    const { output } = startBlock('acl-compose', stack);
    await waitUntilKitchenRuns(stack, output);
    expect(readFileSync(join(dir, 'secrets/users.acl'), 'utf8')).toMatch(/^user cook on .*#[0-9a-f]{64}/m);
  });

  it('refuses anonymous clients (NOAUTH) and each role the other role\'s commands (NOPERM)', async () => {
    const cook = ['--user', 'cook', '--pass', PASSWORDS.ACL_PRODUCER_PASSWORD];
    const customer = ['--user', 'customer', '--pass', PASSWORDS.ACL_CONSUMER_PASSWORD];
    const food = `{${QUEUE}}:food`;
    expect(await redisCli(stack, ['PING'])).toMatch(/^NOAUTH/);
    expect(await redisCli(stack, [...cook, 'RPOP', food])).toMatch(/^NOPERM/);
    expect(await redisCli(stack, [...cook, 'LMOVE', food, `{${QUEUE}}:processing:x`, 'RIGHT', 'LEFT'])).toMatch(/^NOPERM/);
    expect(await redisCli(stack, [...customer, 'LPUSH', food, 'a meal'])).toMatch(/^NOPERM/);
    expect(await redisCli(stack, [...customer, 'RPUSH', food, 'a meal'])).toMatch(/^NOPERM/);
    expect(await redisCli(stack, [...cook, 'LLEN', food])).toMatch(/^\d+$/); // its own commands work
    await stack.down();
  });
});

describe('docs/security.md, TLS on top', () => {
  let stack: ComposeStack;

  it('makes the CA and the keys as written; git ignores all of it, and only the container keys are readable', () => {
    runBlock('tls-certificates');
    const made = readdirSync(join(dir, 'tls')).map((file) => `tls/${file}`);
    expect(made).toEqual(expect.arrayContaining(['tls/ca.key', 'tls/ca.crt', 'tls/server.key', 'tls/server.crt', 'tls/client.key', 'tls/client.crt']));
    const secrets = [...made, 'secrets/users.acl', '.env'];
    const ignored = execFileSync('git', ['check-ignore', '--no-index', ...secrets], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(ignored.sort()).toEqual(secrets.sort());
    const mode = (path: string) => (statSync(join(dir, path)).mode & 0o777).toString(8);
    expect({ tls: mode('tls'), ca: mode('tls/ca.key'), server: mode('tls/server.key'), client: mode('tls/client.key') }).toEqual({
      tls: '700',
      ca: '600',
      server: '644',
      client: '644',
    });
  });

  it('runs the kitchen over TLS only, with the ACL users', async () => {
    stack = new ComposeStack('guide-tls', {}, { dir, files: ['docker-compose.yml', 'docker-compose.acl.yml', 'docker-compose.tls.yml'] });
    const { output } = startBlock('tls-compose', stack);
    await waitUntilKitchenRuns(stack, output);
    const tls = ['--tls', '--cacert', '/tls/ca.crt', '--cert', '/tls/client.crt', '--key', '/tls/client.key'];
    expect(await redisCli(stack, ['PING'])).not.toMatch(/PONG|NOAUTH/); // no plain-text port at all
    expect(await redisCli(stack, [...tls, 'PING'])).toMatch(/^NOAUTH/);
    expect(await redisCli(stack, [...tls, '--user', 'cook', '--pass', PASSWORDS.ACL_PRODUCER_PASSWORD, 'RPOP', `{${QUEUE}}:food`])).toMatch(/^NOPERM/);
    // the CA's key is in no container
    expect(await stack.compose(['exec', '-T', 'producer', 'ls', '/tls'])).toBe('ca.crt\nclient.crt\nclient.key\n');
    await stack.down();
  });
});
