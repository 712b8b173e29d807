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
