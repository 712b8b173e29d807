/**
 * A small, fast, seedable generator (sfc32), so that a seed reproduces a run exactly and every
 * actor can have its own stream. Not for cryptography.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both inclusive, like Python's `random.randint`. */
  intBetween(min: number, max: number): number;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    intBetween: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** A seed for one named stream (one actor) derived from the run's seed, stable across runs. */
export function deriveSeed(seed: number, streamName: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < streamName.length; i++) {
    hash = Math.imul(hash ^ streamName.charCodeAt(i), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
