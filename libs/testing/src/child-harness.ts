import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildHarness {
  readonly pid: number;
  readonly stdoutLines: string[];
  readonly stderrLines: string[];
  /** Resolves with the first stdout or stderr line matching, or rejects after the timeout. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

export interface SpawnNodeOptions {
  args?: string[];
  env?: Record<string, string | undefined>;
  /** Own process group, so a test can send a signal to the whole group as a terminal's Ctrl-C does. */
  detached?: boolean;
}

/** How long `exited` waits after the exit for the rest of the output. */
const OUTPUT_GRACE_MS = 2000;

/**
 * Runs a Node.js script as a real process and collects its output line by line; `exited`
 * resolves once the output is all read.
 */
export function spawnNode(script: string, options: SpawnNodeOptions = {}): ChildHarness {
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  const stdoutLines: string[] = [];
  const stderrLines: string[] = [];
  const waiters = new Set<(line: string) => void>();
  const collect = (lines: string[]) => (line: string) => {
    lines.push(line);
    waiters.forEach((waiter) => waiter(line));
  };
  createInterface({ input: child.stdout }).on('line', collect(stdoutLines));
  createInterface({ input: child.stderr }).on('line', collect(stderrLines));
  // Node may report the exit before it has read the child's last output; 'close' comes after
  // all of it, unless a process the child left behind still holds its stdout or stderr.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      const done = (): void => resolve({ code, signal });
      const timer = setTimeout(done, OUTPUT_GRACE_MS);
      child.once('close', () => {
        clearTimeout(timer);
        done();
      });
    }),
  );

  return {
    pid: child.pid ?? -1,
    stdoutLines,
    stderrLines,
    exited,
    kill: (signal = 'SIGTERM') => void child.kill(signal),
    waitForLine(pattern, timeoutMs = 15_000) {
      const seen = [...stdoutLines, ...stderrLines].find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; got:\n${[...stdoutLines, ...stderrLines].join('\n')}`));
        }, timeoutMs);
        const waiter = (line: string): void => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(line);
        };
        waiters.add(waiter);
      });
    },
  };
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
