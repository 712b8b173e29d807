import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { z } from 'zod';

/** Where the TLS material for a `rediss://` connection is: PEM files, each optional. */
export interface RedisTlsFiles {
  /** The CA that signed the server's certificate, when it is not one Node.js trusts already. */
  caFile?: string;
  /** This client's certificate and key, when the server asks for one (`tls-auth-clients`). */
  certFile?: string;
  keyFile?: string;
}

/** A path setting that must name a file this process can read. */
export const readableFile = z.string().refine(isReadable, { message: 'must be a file this process can read' });

/** The environment variables, in the order of `RedisTlsFiles`. */
export const REDIS_TLS_ENV = {
  caFile: 'REDIS_TLS_CA_FILE',
  certFile: 'REDIS_TLS_CERT_FILE',
  keyFile: 'REDIS_TLS_KEY_FILE',
} as const;

/** What is wrong with a combination of the settings: TLS files without TLS, a certificate without its key. */
export function tlsSettingProblems(redisUrl: string, files: RedisTlsFiles): Array<{ name: string; message: string }> {
  const problems: Array<{ name: string; message: string }> = [];
  const isTls = redisUrl.startsWith('rediss://');
  for (const [field, name] of Object.entries(REDIS_TLS_ENV)) {
    if (files[field as keyof RedisTlsFiles] !== undefined && !isTls) problems.push({ name, message: 'needs a rediss:// REDIS_URL' });
  }
  if ((files.certFile === undefined) !== (files.keyFile === undefined)) {
    const missing = files.certFile === undefined ? REDIS_TLS_ENV.certFile : REDIS_TLS_ENV.keyFile;
    problems.push({ name: missing, message: `must be set together with ${missing === REDIS_TLS_ENV.certFile ? REDIS_TLS_ENV.keyFile : REDIS_TLS_ENV.certFile}` });
  }
  return problems;
}

/** The ioredis `tls` option for the files; undefined when none is set (a rediss:// URL then uses Node's trusted CAs). */
export function readTlsFiles(files: RedisTlsFiles): ConnectionOptions | undefined {
  const read = (path: string | undefined) => (path === undefined ? undefined : readFileSync(path));
  const tls = { ca: read(files.caFile), cert: read(files.certFile), key: read(files.keyFile) };
  return tls.ca || tls.cert || tls.key ? tls : undefined;
}

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
