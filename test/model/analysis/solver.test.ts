/** Brent's method on functions whose roots are known by hand. */
import { brent, Decimal } from '../../../src/model';

const D = (v: string | number) => new Decimal(v);
const options = { fTolerance: D('1e-12'), xTolerance: D('1e-12'), places: 14 };

describe('brent', () => {
  it('finds the cube root of 2 in [0, 2] to the tolerance, in few evaluations', () => {
    const f = (x: Decimal) => x.pow(3).minus(2);
    const root = brent(f, { a: D(0), fa: f(D(0)), b: D(2), fb: f(D(2)) }, options);
    expect(root.x.minus(D(2).cbrt()).abs().toNumber()).toBeLessThan(1e-12);
    expect(root.evaluations).toBeLessThan(20);
  });

  it('finds a root near one end of a wide bracket (a flat then steep function)', () => {
    const f = (x: Decimal) => x.minus('0.001').times(x.plus(1).pow(8));
    const root = brent(f, { a: D(-0.5), fa: f(D(-0.5)), b: D(10), fb: f(D(10)) }, options);
    expect(root.x.minus('0.001').abs().toNumber()).toBeLessThan(1e-12);
    expect(root.evaluations).toBeLessThan(60);
  });

  it('never leaves the bracket and rounds every trial point to the given places', () => {
    const seen: Decimal[] = [];
    const f = (x: Decimal) => {
      seen.push(x);
      return D(1).div(x.plus(1)).minus('0.3');
    };
    const root = brent(f, { a: D(0), fa: f(D(0)), b: D(100), fb: f(D(100)) }, { ...options, places: 6 });
    for (const x of seen.slice(2)) {
      expect(x.greaterThanOrEqualTo(0) && x.lessThanOrEqualTo(100)).toBe(true);
      expect(x.decimalPlaces()).toBeLessThanOrEqual(6);
    }
    // 1/(x+1) = 0.3 at x = 7/3; to 6 places the closest point is within a millionth.
    expect(root.x.minus(D(7).div(3)).abs().toNumber()).toBeLessThan(1.1e-6);
  });

  it('returns an end of the bracket where f is zero, and refuses a bracket without a sign change', () => {
    const f = (x: Decimal) => x.minus(3);
    expect(brent(f, { a: D(3), fa: D(0), b: D(5), fb: D(2) }, options).x.toNumber()).toBe(3);
    expect(() => brent(f, { a: D(4), fa: D(1), b: D(5), fb: D(2) }, options)).toThrow(/same sign/);
  });
});
