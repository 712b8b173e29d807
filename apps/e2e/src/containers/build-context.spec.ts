/**
 * What `docker compose build` really sends to the builder, seen from inside a build: a copy of
 * the repository with secrets where a user would keep them, built with the repository's
 * .dockerignore by a probe Dockerfile that copies the whole context and lists it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../entries.js';
import { compose, docker } from './compose-cli.js';
import { copyOfRepository } from './repository-copy.js';

/** Files no build may ever see: env files, the ACL file, TLS keys and certificates, anywhere. */
const SECRETS = [
  '.env',
  '.env.production',
  'secrets/users.acl',
  'tls/ca.key',
  'tls/ca.crt',
  'tls/server.key',
  'tls/client.key',
  'apps/producer/.env',
  'libs/queue/tls/server.key',
  'apps/consumer/secrets/users.acl',
  'id_ed25519.pem',
];
/** What the build needs: the workspace's config at the top, and every source under these folders. */
const NEEDED_TOP = ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json', 'tsconfig.json'];
const NEEDED_FOLDERS = ['apps/', 'libs/', 'tools/'];

const dir = copyOfRepository('context');
const image = `restaurant-context-probe-${randomBytes(3).toString('hex')}`;
afterAll(async () => {
  await docker(['image', 'rm', '--force', image]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('the Docker build context', () => {
  it('holds every source the build needs and never a secret', async () => {
    for (const secret of SECRETS) {
      mkdirSync(join(dir, dirname(secret)), { recursive: true });
      writeFileSync(join(dir, secret), 'SECRET_SENTINEL=1\n');
    }
    writeFileSync(join(dir, 'context-probe.Dockerfile'), 'FROM debian:bookworm-slim\nCOPY . /context\nCMD ["find", "/context", "-type", "f"]\n');
    writeFileSync(join(dir, 'context-probe.yml'), `services:\n  probe:\n    image: ${image}\n    build:\n      context: .\n      dockerfile: context-probe.Dockerfile\n`);
    await compose({ dir, files: ['context-probe.yml'], project: image, env: {} }, ['build'], 300_000);
    const inContext = (await docker(['run', '--rm', image])).split('\n').filter(Boolean).map((path) => path.replace('/context/', '')).sort();

    expect(inContext.filter((path) => SECRETS.includes(path))).toEqual([]);
    const tracked = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
    const needed = tracked.filter((path) => NEEDED_TOP.includes(path) || NEEDED_FOLDERS.some((folder) => path.startsWith(folder)));
    expect(needed.filter((path) => !inContext.includes(path))).toEqual([]);
    // and nothing besides: an allowlist, so a new file at the top stays out too
    expect(inContext.filter((path) => !needed.includes(path) && !/^(apps|libs|tools)\//.test(path))).toEqual(['eslint.config.mjs', 'vitest.shared.ts']);
  });
});
