import { processIo } from '@restaurant/service';
import { commands, usage } from './commands/index.js';

const io = processIo(process);
const [name = 'start', ...args] = io.args;
const command = commands[name];
if (name === '--help' || name === '-h' || name === 'help') {
  io.stdout.write(usage());
  process.exit(0);
}
if (!command) {
  io.stderr.write(`unknown command "${name}"\n\n${usage()}`);
  process.exit(2);
}
try {
  process.exit(await command.run(args, io));
} catch (error) {
  // Expected failures are handled by the commands; this is the one line for anything else
  // (say, a Redis that refuses the command). RESTAURANT_DEBUG=1 shows where it came from.
  const detail = io.env.RESTAURANT_DEBUG ? (error as Error).stack : (error as Error).message;
  io.stderr.write(`restaurant ${name}: ${detail}\n`);
  process.exit(1);
}
