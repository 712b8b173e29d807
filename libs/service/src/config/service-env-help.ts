import { defaultShown } from './option-spec.js';
import { SERVICE_SETTINGS } from './service-settings.js';

/** The `--help` of a service: it takes no arguments, only these variables, each with its default. */
export function serviceHelp(role: string, entry: string): string {
  const declared = Object.values(SERVICE_SETTINGS);
  const width = Math.max(...declared.map((setting) => setting.env.length));
  const rows = declared.map((setting) => {
    const shown = setting.env === 'ROLE_NAME' ? role : defaultShown(setting);
    return `  ${setting.env.padEnd(width)}  ${setting.describe}${shown === undefined ? '' : ` (${shown})`}`;
  });
  return [`Usage: ${entry}   (configured only by these environment variables)`, '', ...rows, ''].join('\n');
}
