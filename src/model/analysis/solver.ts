/**
 * Brent's method for a root of f in a bracket [a, b] where f changes sign: inverse quadratic interpolation or the
 * secant step when they stay well inside the bracket, bisection otherwise, so it never leaves the bracket and
 * converges at least as surely as bisection (R. P. Brent, "Algorithms for Minimization without Derivatives",
 * 1973, ch. 4). In Decimals; every trial point is rounded to `places` decimal places, so that each point the
 * solver evaluates, the answer included, is a short exact number that a user can type back in.
 */
import { Decimal } from '../decimal';

/** When to stop: |f(x)| within `fTolerance`, or the bracket narrower than `xTolerance`. */
export interface BrentOptions {
  fTolerance: Decimal;
  xTolerance: Decimal;
  /** Decimal places of every trial point. */
  places: number;
  maxIterations?: number;
}

/** A root: the point, f there, and how many times f was evaluated inside the bracket. */
export interface Root {
  x: Decimal;
  fx: Decimal;
  evaluations: number;
}

/**
 * A root of `f` between `a` and `b`, given f(a) and f(b) of opposite signs (or one of them zero). Throws if they
 * have the same sign: the caller must bracket the root first.
 */
export function brent(
  f: (x: Decimal) => Decimal,
  bracket: { a: Decimal; fa: Decimal; b: Decimal; fb: Decimal },
  options: BrentOptions,
): Root {
  let { a, fa, b, fb } = bracket;
  if (fa.isZero()) return { x: a, fx: fa, evaluations: 0 };
  if (fb.isZero()) return { x: b, fx: fb, evaluations: 0 };
  if (fa.isNeg() === fb.isNeg()) throw new Error('brent: f has the same sign at both ends of the bracket');
  const { fTolerance, xTolerance, places, maxIterations = 100 } = options;
  if (fa.abs().lessThan(fb.abs())) [a, fa, b, fb] = [b, fb, a, fa];
  let c = a;
  let fc = fa;
  let d = a;
  let bisected = true;
  let evaluations = 0;
  const half = new Decimal('0.5');
  while (evaluations < maxIterations) {
    if (fb.abs().lessThanOrEqualTo(fTolerance) || b.minus(a).abs().lessThanOrEqualTo(xTolerance)) break;
    let s: Decimal;
    if (!fa.equals(fc) && !fb.equals(fc)) {
      s = a
        .times(fb)
        .times(fc)
        .div(fa.minus(fb).times(fa.minus(fc)))
        .plus(
          b
            .times(fa)
            .times(fc)
            .div(fb.minus(fa).times(fb.minus(fc))),
        )
        .plus(
          c
            .times(fa)
            .times(fb)
            .div(fc.minus(fa).times(fc.minus(fb))),
        );
    } else {
      s = b.minus(fb.times(b.minus(a)).div(fb.minus(fa)));
    }
    const quarter = a.times(3).plus(b).div(4);
    const outside = s.minus(quarter).times(s.minus(b)).isPositive() && !s.equals(quarter);
    const slow: boolean = bisected
      ? s.minus(b).abs().greaterThanOrEqualTo(b.minus(c).abs().times(half))
      : s.minus(b).abs().greaterThanOrEqualTo(c.minus(d).abs().times(half));
    const tight: boolean = bisected
      ? b.minus(c).abs().lessThan(xTolerance)
      : c.minus(d).abs().lessThan(xTolerance);
    bisected = outside || slow || tight;
    if (bisected) s = a.plus(b).times(half);
    s = s.toDecimalPlaces(places);
    // A point rounded onto an end of the bracket teaches nothing: step to the midpoint instead.
    if (s.equals(a) || s.equals(b)) s = a.plus(b).times(half).toDecimalPlaces(places);
    if (s.equals(a) || s.equals(b)) break;
    const fs = f(s);
    evaluations++;
    d = c;
    c = b;
    fc = fb;
    if (fa.isNeg() !== fs.isNeg() || fs.isZero()) {
      b = s;
      fb = fs;
    } else {
      a = s;
      fa = fs;
    }
    if (fa.abs().lessThan(fb.abs())) [a, fa, b, fb] = [b, fb, a, fa];
  }
  return { x: b, fx: fb, evaluations };
}
