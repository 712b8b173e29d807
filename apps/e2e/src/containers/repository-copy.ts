import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../entries.js';

/**
 * A fresh folder with the repository's files as a clone would have them (tracked, and new files
 * git does not ignore): a place to run a guide's commands without touching the worktree's own
 * `.env`, `secrets/` or `tls/`.
 */
export function copyOfRepository(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `restaurant-${label}-`));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(REPO_ROOT, file)));
  for (const file of files) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(dir, file), { preserveTimestamps: true });
  }
  return dir;
}
