import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnService } from './service-process.js';

/**
 * A throw-away service script. `ready()` resolves once the script has run up to its
 * `READY` marker (it writes a file there), so a test never signals it too early.
 */
function spawn(source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'service-process-'));
  const marker = join(dir, 'ready');
  const file = join(dir, 'service.mjs');
  writeFileSync(file, source.replace('READY', `(await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, '');`));
  const service = spawnService({ nodePath: process.execPath, entry: pathToFileURL(file), role: 'producer', env: {}, stdout: 'ignore' });
  const ready = async (): Promise<void> => {
    while (!existsSync(marker)) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return Object.assign(service, { ready });
}

describe('spawnService', () => {
  it('counts a service that SIGTERM ended before it set up its handler as stopped cleanly', async () => {
    const service = spawn('setTimeout(() => {}, 60_000);');
    expect(await service.stop(5000)).toBe(0);
  });

  it('reports the exit code a service stops with', async () => {
    const service = spawn("process.on('SIGTERM', () => process.exit(3)); setTimeout(() => {}, 60_000); READY");
    await service.ready();
    expect(await service.stop(5000)).toBe(3);
  });

  it('kills a service that ignores SIGTERM after the grace period, and says so with 137', async () => {
    const service = spawn("process.on('SIGTERM', () => {}); setTimeout(() => {}, 60_000); READY");
    await service.ready();
    expect(await service.stop(200)).toBe(137);
  });

  it('gives each service its role in ROLE_NAME', async () => {
    const service = spawn("process.exit(process.env.ROLE_NAME === 'producer' ? 0 : 1);");
    expect(await service.exited).toBe(0);
  });
});
