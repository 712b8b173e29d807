import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childExit, stopChild, type ChildExit } from '@restaurant/process';

export interface ServiceProcessHandle {
  readonly role: string;
  readonly pid: number;
  /** Resolves with the exit code (128 + signal number when killed by a signal). */
  readonly exited: Promise<number>;
  /**
   * Asks the service to stop (SIGTERM); kills it if it has not exited after `graceMs`. Resolves
   * with its exit code, 0 also when SIGTERM or SIGINT ended it before it had set up its handler:
   * a service that had not started had nothing to finish.
   */
  stop(graceMs: number): Promise<number>;
}

export interface SpawnServiceOptions {
  nodePath: string;
  entry: URL;
  role: string;
  env: Record<string, string | undefined>;
  /** `inherit` shares the launcher's stdout: each log line is one write, so lines interleave whole. */
  stdout: 'inherit' | 'ignore';
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

const exitCodeOf = ({ code, signal }: ChildExit): number => code ?? 128 + (SIGNAL_NUMBERS[signal ?? 'SIGTERM'] ?? 0);

export function spawnService(options: SpawnServiceOptions): ServiceProcessHandle {
  const child = spawn(options.nodePath, [fileURLToPath(options.entry)], {
    env: { ...options.env, ROLE_NAME: options.role },
    stdio: ['ignore', options.stdout, 'inherit'],
  });
  return {
    role: options.role,
    pid: child.pid ?? -1,
    exited: childExit(child).then(exitCodeOf),
    async stop(graceMs) {
      const ended = await stopChild(child, { graceMs });
      return ended.signal === 'SIGTERM' || ended.signal === 'SIGINT' ? 0 : exitCodeOf(ended);
    },
  };
}
