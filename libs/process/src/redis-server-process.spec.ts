import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pingRedis } from './ping-redis.js';
import { NoRedisServerError, startRedisServer } from './redis-server-process.js';

describe('startRedisServer', () => {
  it('starts a server that answers, and stops it once however often it is asked', async () => {
    const server = await startRedisServer();
    expect(await pingRedis(server.url)).toBe(true);
    await Promise.all([server.stop(), server.stop()]);
    expect(await pingRedis(server.url, 300)).toBe(false);
  });

  it('keeps its folder when asked, so a restart on the same port finds the same data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-keep-'));
    const server = await startRedisServer({ dir, extraArgs: ['--appendonly', 'yes'] });
    await server.stop({ keepDir: true });
    expect(existsSync(dir)).toBe(true);
    const again = await startRedisServer({ dir, port: server.port });
    expect(again.port).toBe(server.port);
    await again.stop();
    expect(existsSync(dir)).toBe(false);
  });

  it('says so when there is no redis-server, and leaves a folder it was given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-given-'));
    await expect(startRedisServer({ binary: 'no-such-redis-server', dir })).rejects.toBeInstanceOf(NoRedisServerError);
    expect(existsSync(dir)).toBe(true);
    rmSync(dir, { recursive: true });
  });
});
