import type { CliIo } from '../cli-io.js';

export interface FakeCliIo extends CliIo {
  /** Everything written so far. */
  out(): string;
  err(): string;
}

/** A CliIo for calling a command's run() in a test: captures output, never touches the process. */
export function fakeCliIo(env: Record<string, string | undefined> = {}): FakeCliIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    args: [],
    env: { PATH: process.env.PATH, ...env },
    hostname: 'test-host',
    execPath: process.execPath,
    stderrIsTerminal: false,
    stdout: { write: (text: string) => void stdout.push(text) },
    stderr: { write: (text: string) => void stderr.push(text) },
    onStopSignal: () => undefined,
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}
