/**
 * Seeded randomness for the simulator. Every symbol (and every symbol and bar
 * interval of generated history) draws from its own stream, keyed by name, so
 * adding or removing an instrument never changes the prices of the others.
 * Only integer and IEEE +,*,/ operations are used, so a seed gives the same
 * sequence on every machine.
 */
export type Rng = () => number;

/** mulberry32: a tiny 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit seed for the stream named `key` under the run's seed (FNV-1a, then a murmur finaliser). */
export function streamSeed(seed: number, key: string): number {
  if (!Number.isSafeInteger(seed)) throw new Error(`market data seed must be an integer, got ${seed}`);
  let h = (0x811c9dc5 ^ (seed >>> 0) ^ Math.floor(seed / 4294967296)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function streamFor(seed: number, key: string): Rng {
  return mulberry32(streamSeed(seed, key));
}

/** Integer uniform in [min, max], both included. */
export function uniformInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

const SQRT3 = Math.sqrt(3);

/**
 * Approximately standard normal: the sum of four uniforms, centred and scaled
 * to unit variance. Bounded tails (±3.46) suit a price walk, and it avoids
 * Math.log/Math.cos whose last bits may differ between engines.
 */
export function gaussian(rng: Rng): number {
  return (rng() + rng() + rng() + rng() - 2) * SQRT3;
}
