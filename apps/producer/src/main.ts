import { hostname } from 'node:os';
import { runService } from '@restaurant/service';
import { cookService } from './cook.js';

const exitCode = await runService(
  {
    args: process.argv.slice(2),
    env: process.env,
    hostname: hostname(),
    stdout: process.stdout,
    stderr: process.stderr,
    onStopSignal: (stop) => {
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
  },
  cookService,
);
process.exit(exitCode);
