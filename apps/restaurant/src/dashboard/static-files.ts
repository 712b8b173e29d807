import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaticFile {
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The page's own folder: beside this module in src/ and, copied by the build, in dist/. */
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/**
 * The page's files, read once at start and served by exact name only (`/dashboard.js`), so no
 * request path ever reaches the file system.
 */
export function loadStaticFiles(dir = PUBLIC_DIR): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(dir)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType) files.set(`/${name}`, { contentType, body: readFileSync(join(dir, name)) });
  }
  const index = files.get('/index.html');
  if (!index) throw new Error(`the dashboard's page is missing: no index.html in ${dir}`);
  files.set('/', index);
  return files;
}
