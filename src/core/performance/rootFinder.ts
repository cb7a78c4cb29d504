/**
 * A root finder on exact decimals that cannot run away: Newton's method
 * inside a bracket that always holds a sign change, falling back to
 * bisection whenever a Newton step would leave the bracket or stops halving
 * the error (the "rtsafe" scheme of Numerical Recipes). Bisection alone
 * would be enough; Newton makes it converge in a handful of steps.
 */
import { Decimal } from '../decimal.ts';

export interface ValueAndSlope {
  readonly value: Decimal;
  readonly slope: Decimal;
}

export type RootResult = { ok: true; root: Decimal } | { ok: false; reason: string };

export interface RootOptions {
  /** Stop when the bracket or the step is narrower than this. */
  readonly tolerance: Decimal;
  readonly maxIterations: number;
}

export const DEFAULT_ROOT_OPTIONS: RootOptions = { tolerance: new Decimal('1e-20'), maxIterations: 300 };

export function findRoot(
  f: (x: Decimal) => ValueAndSlope,
  lo: Decimal,
  hi: Decimal,
  options: RootOptions = DEFAULT_ROOT_OPTIONS,
): RootResult {
  const fLo = f(lo).value;
  const fHi = f(hi).value;
  if (fLo.isZero()) return { ok: true, root: lo };
  if (fHi.isZero()) return { ok: true, root: hi };
  if (fLo.isNegative() === fHi.isNegative()) return { ok: false, reason: 'no sign change between the bounds' };
  // Keep `below` where f < 0 and `above` where f > 0.
  let below = fLo.isNegative() ? lo : hi;
  let above = fLo.isNegative() ? hi : lo;
  let x = lo.plus(hi).div(2);
  let lastStep = hi.minus(lo).abs();
  for (let i = 0; i < options.maxIterations; i++) {
    const { value, slope } = f(x);
    if (value.isZero()) return { ok: true, root: x };
    if (value.isNegative()) below = x;
    else above = x;
    const width = above.minus(below).abs();
    const mid = below.plus(above).div(2);
    let next = mid;
    if (!slope.isZero()) {
      const newton = x.minus(value.div(slope));
      const inside = newton.gt(Decimal.min(below, above)) && newton.lt(Decimal.max(below, above));
      if (inside && newton.minus(x).abs().lte(lastStep.div(2))) next = newton;
    }
    lastStep = next.minus(x).abs();
    x = next;
    if (lastStep.lt(options.tolerance) || width.lt(options.tolerance)) return { ok: true, root: x };
  }
  return { ok: false, reason: `no convergence in ${options.maxIterations} iterations` };
}
