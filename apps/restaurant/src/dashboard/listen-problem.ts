import { ConfigError } from '@restaurant/service';

const WHY: Record<string, string> = {
  EADDRINUSE: 'the port is in use; choose another, or 0 for any free port',
  EACCES: 'this user may not listen on that port; choose one above 1023, or 0 for any free port',
  EADDRNOTAVAIL: 'this machine has no such address to listen on',
  ENOTFOUND: 'no such host name',
};

/**
 * A server that cannot listen because of its settings (a port in use, an address the machine
 * does not have) as the flag's problem, for exit code 2; undefined for any other failure.
 */
export function listenProblem(error: unknown, settings: { portFlag: string; port: number; host: string }): ConfigError | undefined {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why = WHY[code];
  if (!why) return undefined;
  const onHost = code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND';
  return new ConfigError([
    onHost ? { name: '--host', value: settings.host, allowed: why } : { name: settings.portFlag, value: String(settings.port), allowed: why },
  ]);
}
