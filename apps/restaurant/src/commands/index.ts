import type { Command } from '../cli-io.js';
import { startCommand } from './start.js';

export const commands: Record<string, Command> = {
  start: startCommand,
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return [
    'Usage: restaurant <command> [options]   (npm start runs "start")',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "restaurant <command> --help" for the options of one command.',
    '',
  ].join('\n');
}
