import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32, streamFor, streamSeed, uniformInt } from '../../../server/marketdata/prng.ts';

function draw(rng: () => number, n: number): number[] {
  return Array.from({ length: n }, () => rng());
}

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    expect(draw(mulberry32(7), 50)).toEqual(draw(mulberry32(7), 50));
    expect(draw(mulberry32(7), 50)).not.toEqual(draw(mulberry32(8), 50));
  });

  it('draws exactly what the reference mulberry32 (bryc) draws', () => {
    // The reference, kept verbatim apart from types, so a refactor cannot silently change every price.
    function reference(a: number): () => number {
      return () => {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    for (const seed of [0, 1, 42, 0xdeadbeef]) expect(draw(mulberry32(seed), 1000)).toEqual(draw(reference(seed), 1000));
    expect(draw(mulberry32(42), 3).map((x) => x * 4294967296)).toEqual([2581720956, 1925393290, 3661312704]);
  });

  it('keys a stream by name and seed', () => {
    expect(streamSeed(1, 'live:AAPL')).toBe(streamSeed(1, 'live:AAPL'));
    expect(streamSeed(1, 'live:AAPL')).not.toBe(streamSeed(1, 'live:MSFT'));
    expect(streamSeed(1, 'live:AAPL')).not.toBe(streamSeed(2, 'live:AAPL'));
    expect(streamSeed(2 ** 40, 'live:AAPL')).not.toBe(streamSeed(0, 'live:AAPL'));
    expect(() => streamSeed(1.5, 'x')).toThrow('seed must be an integer');
  });

  it('draws integers over the whole closed range and nothing outside it', () => {
    const rng = streamFor(3, 'ints');
    const seen = new Set<number>();
    for (let k = 0; k < 2000; k++) seen.add(uniformInt(rng, 1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('draws gaussians of mean about 0 and variance about 1, bounded', () => {
    const rng = streamFor(11, 'normal');
    const xs = Array.from({ length: 20000 }, () => gaussian(rng));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(Math.max(...xs.map(Math.abs))).toBeLessThanOrEqual(2 * Math.sqrt(3));
  });
});
