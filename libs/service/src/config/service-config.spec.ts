import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { readServiceConfig } from './service-config.js';
import { serviceHelp } from './service-env-help.js';
import { SERVICE_ENV_NAMES, SERVICE_SETTINGS } from './service-settings.js';

const defaults = { roleName: 'producer', hostname: 'a1b2c3d4e5f6' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    readServiceConfig(env, defaults);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n').slice(1).map((line) => line.trim());
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readServiceConfig', () => {
  it('defaults to the original scenario', () => {
    expect(readServiceConfig({}, defaults)).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      redisClusterNodes: undefined,
      queueName: 'kitchen',
      queueNames: undefined,
      queues: [{ name: 'kitchen', capacity: 3 }],
      capacity: 3,
      producerPeriodS: 3,
      producerOffsetS: 0,
      consumerMinS: 3,
      consumerMaxS: 10,
      timeScale: 1,
      seed: undefined,
      roleName: 'producer',
      roleWidth: 10,
      logFormat: 'human',
      delivery: 'simple',
      reclaimAfterS: 10,
      maxDeliveries: 3,
      maxItemBytes: 16384,
      consumerHoldS: 0,
      admission: 'atomic',
      dedupTtlS: 3600,
      offerWaitReplicas: 0,
      offerWaitTimeoutMs: 1000,
      metricsPort: undefined,
      tlsCaFile: undefined,
      tlsCertFile: undefined,
      tlsKeyFile: undefined,
    });
  });

  it('reads the TLS files of a rediss:// URL, and refuses them without TLS or a certificate without its key', () => {
    const file = fileURLToPath(import.meta.url);
    expect(readServiceConfig({ REDIS_URL: 'rediss://redis:6380', REDIS_TLS_CA_FILE: file }, defaults).tlsCaFile).toBe(file);
    expect(problemsOf({ REDIS_TLS_CA_FILE: file, REDIS_TLS_CERT_FILE: file })).toEqual([
      `REDIS_TLS_CA_FILE=${JSON.stringify(file)}: needs a rediss:// REDIS_URL`,
      `REDIS_TLS_CERT_FILE=${JSON.stringify(file)}: needs a rediss:// REDIS_URL`,
      'REDIS_TLS_KEY_FILE=(missing): must be set together with REDIS_TLS_CERT_FILE',
    ]);
    expect(problemsOf({ REDIS_URL: 'rediss://redis:6380', REDIS_TLS_CA_FILE: '/no/such/ca.pem' })).toEqual([
      'REDIS_TLS_CA_FILE="/no/such/ca.pem": must be a file this process can read',
    ]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(readServiceConfig({}, defaults))).toBe(true);
  });

  it('serves the queues of QUEUE_NAMES, each with its capacity or QUEUE_CAPACITY', () => {
    const config = readServiceConfig({ QUEUE_NAMES: 'a, b:5,c', QUEUE_CAPACITY: '2' }, defaults);
    expect(config.queues).toEqual([{ name: 'a', capacity: 2 }, { name: 'b', capacity: 5 }, { name: 'c', capacity: 2 }]);
    expect(config).toMatchObject({ queueName: 'a', capacity: 2 });
    expect(readServiceConfig({}, defaults).queues).toEqual([{ name: 'kitchen', capacity: 3 }]);
    expect(problemsOf({ QUEUE_NAMES: 'a,{b}' })).toEqual(['QUEUE_NAMES="a,{b}": must be queue names, each with an optional :capacity, comma-separated, e.g. a,b:5,c']);
    expect(problemsOf({ QUEUE_NAMES: 'a:0' })).toHaveLength(1);
  });

  it('fills {ordinal} with the -<number> the host name ends in, and refuses a host name without one', () => {
    const pod = { roleName: 'consumer_1', hostname: 'restaurant-customer-3' };
    expect(readServiceConfig({ QUEUE_NAME: 'kitchen-{ordinal}' }, pod).queues).toEqual([{ name: 'kitchen-3', capacity: 3 }]);
    expect(readServiceConfig({ QUEUE_NAMES: 'k{ordinal}a,k{ordinal}b' }, pod).queues.map((queue) => queue.name)).toEqual(['k3a', 'k3b']);
    expect(() => readServiceConfig({ QUEUE_NAME: 'kitchen-{ordinal}' }, { roleName: 'consumer_1', hostname: 'laptop' })).toThrow(
      'QUEUE_NAME="kitchen-{ordinal}": uses {ordinal}, but the host name "laptop" ends in no -<number> (a StatefulSet\'s pods do)',
    );
    // a container's host name is its id, whose last hex digits are no ordinal
    expect(() => readServiceConfig({ QUEUE_NAME: 'kitchen-{ordinal}' }, { roleName: 'consumer_1', hostname: 'a1b2c3d4e5f6' })).toThrow(/ends in no -<number>/);
  });

  it('names replicas after their host', () => {
    expect(readServiceConfig({ ROLE_NAME: 'consumer_{hostname}' }, defaults).roleName).toBe('consumer_a1b2c3d4e5f6');
  });

  it.each([
    [{ QUEUE_CAPACITY: '-1' }, 'QUEUE_CAPACITY="-1": must be a whole number from 1 to 1000000000'],
    [{ QUEUE_CAPACITY: 'three' }, 'QUEUE_CAPACITY="three": must be a whole number from 1 to 1000000000'],
    [{ CONSUMER_MIN_S: '11' }, 'CONSUMER_MIN_S="11": must not be greater than the maximum (10)'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL="localhost:6379": must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379'],
    [{ TIME_SCALE: '-0.5' }, 'TIME_SCALE="-0.5": the time scale must be a number at least 0'],
    [{ PRODUCER_PERIOD_S: '0' }, 'PRODUCER_PERIOD_S="0": the period must be a number greater than 0'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT="xml": must be human or json'],
    [{ QUEUE_NAME: '{kitchen}' }, 'QUEUE_NAME="{kitchen}": must be 1-100 letters, digits or _ . : -, and {ordinal}'],
  ])('rejects %o', (env, message) => {
    expect(problemsOf(env)).toEqual([message]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ QUEUE_CAPACITY: '0', CONSUMER_MAX_S: 'x', SEED: '-4' })).toHaveLength(3);
  });

  it('never shows a password from a bad URL', () => {
    const [problem] = problemsOf({ REDIS_URL: 'http://user:s3cret@redis:6379' });
    expect(problem).not.toContain('s3cret');
    expect(problem).toContain('must be a redis:// or rediss:// URL');
  });

  it('reads exactly the variables it declares, and its --help shows each with its default', () => {
    const help = serviceHelp('producer', 'npm run producer');
    for (const declared of Object.values(SERVICE_SETTINGS)) {
      const line = help.split('\n').find((row) => row.trimStart().startsWith(`${declared.env} `));
      expect(line, declared.env).toBeDefined();
      const shown = declared.env === 'ROLE_NAME' ? 'producer' : (declared.defaultText ?? declared.default);
      if (shown !== undefined) expect(line).toContain(`(${shown})`);
    }
    expect(new Set(SERVICE_ENV_NAMES).size).toBe(Object.keys(SERVICE_SETTINGS).length);
    // a variable the declarations do not name is not read
    expect(readServiceConfig({ QUEUE_CAPACITY_TYPO: '5' }, defaults).capacity).toBe(3);
  });
});
