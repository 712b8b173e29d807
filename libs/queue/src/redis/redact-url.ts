/** A Redis URL fit for a log line: any password or user name is replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username && parsed.username !== 'default') parsed.username = '***';
    return parsed.toString();
  } catch {
    return url.includes('@') ? '(unparseable URL)' : url;
  }
}
