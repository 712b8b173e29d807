/**
 * `read`, shared by every caller for `ttlMs` after it started: many viewers cost one Redis read.
 * A failed read is forgotten at once, so the next caller tries again.
 */
export function sharedRead<T>(read: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || now() - last.at > ttlMs) {
      const value = read();
      const entry = { at: now(), value };
      last = entry;
      value.catch(() => {
        if (last === entry) last = undefined;
      });
    }
    return last.value;
  };
}
