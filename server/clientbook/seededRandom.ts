import type { Rng } from '../marketdata/prng.ts';

/**
 * The demo book draws from the simulator's generator (mulberry32), so the book
 * is the same on every machine for one seed and there is one PRNG to trust.
 */
export { mulberry32 as seededRandom } from '../marketdata/prng.ts';

export function pickInt(rand: Rng, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}
