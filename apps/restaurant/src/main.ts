import { commands, usage } from './commands/index.js';

const [name = 'start', ...args] = process.argv.slice(2);
const command = commands[name];
if (name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(usage());
  process.exit(0);
}
if (!command) {
  process.stderr.write(`unknown command "${name}"\n\n${usage()}`);
  process.exit(2);
}
try {
  const exitCode = await command.run(args, {
    env: process.env,
    execPath: process.execPath,
    stdout: process.stdout,
    stderr: process.stderr,
    onStopSignal: (stop) => {
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
  });
  process.exit(exitCode);
} catch (error) {
  // Expected failures are handled by the commands; this is the one line for anything else
  // (say, a Redis that refuses the command). RESTAURANT_DEBUG=1 shows where it came from.
  const detail = process.env.RESTAURANT_DEBUG ? (error as Error).stack : (error as Error).message;
  process.stderr.write(`restaurant ${name}: ${detail}\n`);
  process.exit(1);
}
