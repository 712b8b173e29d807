import { defaultShown, SERVICE_SETTINGS, type OptionSpec, type ServiceSetting } from '@restaurant/service';
import { SIMULATE_OPTIONS } from '../simulate/simulate-plan.js';
import { START_OPTIONS } from '../start/restaurant-plan.js';
import { SWEEP_OPTIONS } from '../sweep/sweep-plan.js';

/** The `npm start` flags the README shows; docs/configuration.md has them all. */
const README_START_FLAGS = ['producers', 'consumers', 'capacity', 'time-scale', 'duration', 'seed', 'delivery', 'cook-start'];

const cell = (text: string | undefined): string => (text === undefined ? '' : text.replaceAll('|', '\\|'));
const code = (text: string | undefined): string => (text === undefined ? '' : `\`${text}\``);

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function flagTable(options: Record<string, OptionSpec>): string {
  return table(
    ['flag', 'default', 'meaning'],
    Object.entries(options).map(([flag, spec]) => [code(`--${flag}`), cell(defaultShown(spec)), cell(spec.describe)]),
  );
}

function startTable(flags: readonly string[] | undefined): string {
  const shown = START_OPTIONS.filter(({ flag }) => flags === undefined || flags.includes(flag));
  return table(
    ['flag', 'default', 'meaning'],
    shown.map(({ flag, spec, env }) => [code(`--${flag}`), cell(defaultShown(spec)), cell(env ? `${spec.describe} (${env})` : spec.describe)]),
  );
}

function serviceTable(): string {
  const settings = Object.values(SERVICE_SETTINGS) as ServiceSetting[];
  return table(
    ['variable', '`npm start` flag', 'default', 'meaning'],
    settings.map((setting) => [code(setting.env), setting.flag ? code(`--${setting.flag}`) : '', cell(defaultShown(setting)), cell(setting.describe)]),
  );
}

/** Every generated table, by the name of its marker in the docs. */
export function settingsTables(): Record<string, string> {
  return {
    'service-env': serviceTable(),
    'start-flags': startTable(undefined),
    'start-flags-common': startTable(README_START_FLAGS),
    'simulate-flags': flagTable(SIMULATE_OPTIONS),
    'sweep-flags': flagTable(SWEEP_OPTIONS),
  };
}

const MARKED = /(<!-- settings:([a-z-]+) -->\n)([\s\S]*?)(<!-- \/settings:\2 -->)/g;

/** The names of the tables a document marks, e.g. `<!-- settings:service-env -->...<!-- /settings:service-env -->`. */
export function markedTables(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(MARKED)].map(([, , name, body]) => [name, body.replace(/\n$/, '')]));
}

/** The document with every marked table replaced by the one the declarations make now. */
export function withCurrentTables(markdown: string, tables = settingsTables()): string {
  return markdown.replace(MARKED, (whole, open: string, name: string, _body: string, close: string) => {
    const current = tables[name];
    if (current === undefined) throw new Error(`unknown settings table "${name}"`);
    return `${open}${current}\n${close}`;
  });
}
