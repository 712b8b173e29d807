import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM files of a certificate authority made for one test, and a server and a client certificate it signed. */
export interface ThrowawayCertificates {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Makes the files in `dir` with the `openssl` on PATH; valid for one day, for 127.0.0.1 and localhost. */
export async function makeThrowawayCertificates(dir: string): Promise<ThrowawayCertificates> {
  const file = (name: string) => join(dir, name);
  await run('openssl', [
    'req', '-x509', ...NEW_KEY, '-days', '1', '-subj', '/CN=restaurant throw-away CA',
    '-keyout', file('ca.key'), '-out', file('ca.crt'),
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const sign = async (name: string, extensions: string, serial: number): Promise<void> => {
    await writeFile(file(`${name}.ext`), extensions);
    await run('openssl', ['req', ...NEW_KEY, '-subj', `/CN=restaurant ${name}`, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`)]);
    await run('openssl', [
      'x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.crt'), '-CAkey', file('ca.key'),
      '-set_serial', String(serial), '-days', '1', '-extfile', file(`${name}.ext`), '-out', file(`${name}.crt`),
    ]);
  };
  await sign('server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n', 1);
  await sign('client', 'extendedKeyUsage=clientAuth\n', 2);
  return {
    caCert: file('ca.crt'),
    serverCert: file('server.crt'),
    serverKey: file('server.key'),
    clientCert: file('client.crt'),
    clientKey: file('client.key'),
  };
}
