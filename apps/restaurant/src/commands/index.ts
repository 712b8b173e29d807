import type { Command } from '../cli-io.js';
import { startCommand } from './start.js';
import { simulateCommand } from './simulate.js';
import { sweepCommand } from './sweep.js';
import { sweepWorkerCommand } from './sweep-worker.js';
import { reportCommand } from './report.js';
import { benchVirtualCommand } from './bench-virtual.js';
import { aclCommand } from './acl.js';
import { docsTablesCommand } from './docs-tables.js';
import { dashboardCommand } from './dashboard.js';

export const commands: Record<string, Command> = {
  start: startCommand,
  simulate: simulateCommand,
  sweep: sweepCommand,
  'sweep-worker': sweepWorkerCommand,
  report: reportCommand,
  'bench-virtual': benchVirtualCommand,
  acl: aclCommand,
  'docs-tables': docsTablesCommand,
  dashboard: dashboardCommand,
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
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
