import { hostname } from 'node:os';
import type { LineSink } from './line-sink.js';

/**
 * What a command or a service needs from its process. Only an app's main.ts builds it, from
 * Node's `process` (`processIo(process)`); libraries and tests take it as an argument.
 */
export interface ProcessIo {
  /** The command-line arguments after the script. */
  args: string[];
  env: Record<string, string | undefined>;
  hostname: string;
  /** The Node.js binary, to start more processes with. */
  execPath: string;
  stdout: LineSink;
  stderr: LineSink;
  /** Whether stderr is a terminal, where progress can be redrawn in place. */
  stderrIsTerminal: boolean;
  /** Registers the handler for SIGTERM and SIGINT. */
  onStopSignal(stop: () => void): void;
}

/** The parts of Node's `process` that processIo reads; main.ts passes `process` itself. */
export interface NodeProcess {
  argv: string[];
  env: Record<string, string | undefined>;
  execPath: string;
  stdout: LineSink;
  stderr: LineSink & { isTTY?: boolean };
  on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

export function processIo(proc: NodeProcess): ProcessIo {
  return {
    args: proc.argv.slice(2),
    env: proc.env,
    hostname: hostname(),
    execPath: proc.execPath,
    stdout: proc.stdout,
    stderr: proc.stderr,
    stderrIsTerminal: proc.stderr.isTTY === true,
    onStopSignal: (stop) => {
      proc.on('SIGTERM', stop);
      proc.on('SIGINT', stop);
    },
  };
}
