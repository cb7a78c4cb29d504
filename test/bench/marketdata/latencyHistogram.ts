/** Latencies in 0.1 ms buckets up to 10 s (the last bucket holds everything beyond): percentiles without keeping samples. */
export class LatencyHistogram {
  static readonly BUCKETS = 100_000;
  readonly counts = new Float64Array(LatencyHistogram.BUCKETS);
  count = 0;
  max = 0;

  add(ms: number): void {
    const v = ms < 0 ? 0 : ms;
    const b = Math.min(LatencyHistogram.BUCKETS - 1, Math.floor(v * 10));
    this.counts[b]! += 1;
    this.count += 1;
    if (v > this.max) this.max = v;
  }

  merge(counts: ArrayLike<number>, count: number, max: number): void {
    for (let i = 0; i < counts.length; i++) this.counts[i]! += counts[i]!;
    this.count += count;
    this.max = Math.max(this.max, max);
  }

  /** The latency below which `p` (0..1) of the samples fall, in ms. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = p * this.count;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return (i + 1) / 10;
    }
    return this.max;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.max = 0;
  }
}
