import { readFile, writeFile } from 'node:fs/promises';
import { defineCommand } from '../cli/define-command.js';
import { withCurrentTables } from '../docs/settings-tables.js';

export const docsTablesCommand = defineCommand({
  summary: 'rewrite the settings tables in the docs from the settings\' declarations',
  usage: `Usage: npm run docs:tables

Rewrites every table between <!-- settings:NAME --> and <!-- /settings:NAME --> in the given
markdown files with the one the settings' declarations make now (names, defaults, meanings).`,
  flags: { options: { files: 'comma-separated markdown files (README.md,docs/configuration.md)' } },
  plan: (flags) => ({ files: (flags.values.files ?? 'README.md,docs/configuration.md').split(',') }),
  async execute({ files }, io) {
    for (const file of files) {
      const before = await readFile(file, 'utf8');
      const after = withCurrentTables(before);
      if (after !== before) await writeFile(file, after);
      io.stderr.write(`docs-tables: ${file} ${after === before ? 'was up to date' : 'rewritten'}\n`);
    }
    return 0;
  },
});
