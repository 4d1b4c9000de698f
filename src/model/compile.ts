/**
 * Compiles a line's expression tree once into a tree of closures, so that evaluating a cell is a few direct
 * calls: no switch over node kinds, no lookups of lines, periods or positions at run time. Plain closures only (no
 * eval or new Function: the add-in runs under a content security policy). The semantics are those of the
 * expression tree: NM (null) propagates, `div` with `nm` makes a zero denominator NM, otherwise an error.
 */
import type { AssumptionSet } from './assumptions';
import { Decimal, roundHalfAway } from './decimal';
import { messages } from './errors';
import type { Expr, Test } from './expr';
import { PERIODS } from './periods';

/** A value: a Decimal, or null for "not meaningful" (NM). */
export type Value = Decimal | null;

/** A compiled expression: reads cell values (by position) and the assumptions, returns the value. */
export type Compiled = (cells: readonly Value[], assumptions: AssumptionSet) => Value;

/** Where an expression is evaluated, and how it reaches other lines. */
export interface Site {
  /** The line whose definition this is (for inputs and messages). */
  lineId: string;
  /** The period index, -1 for a single-value line. */
  period: number;
  /** A reader of another line's value, resolved once: by lag, at a fixed period, or a scalar line. */
  line(ref: Extract<Expr, { k: 'line' }>): Compiled;
  /** Readers of a line over a run of periods, in order. */
  range(ref: Extract<Expr, { k: 'sumOver' }>): Compiled[];
}

function periodName(period: number): string {
  return period < 0 ? 'the valuation' : PERIODS[period].id;
}

/** Compiles an expression at a site. */
export function compile(expr: Expr, site: Site): Compiled {
  switch (expr.k) {
    case 'num': {
      const value = new Decimal(expr.v);
      return () => value;
    }
    case 'nm':
      return () => null;
    case 'input': {
      const { lineId } = site;
      const periodId = PERIODS[site.period]?.id;
      return (_cells, a) => {
        const value = periodId === undefined ? undefined : a.inputs[lineId]?.[periodId];
        if (value === undefined) throw messages.notAvailable(lineId, periodId ?? 'the valuation');
        return value;
      };
    }
    case 'drv': {
      const { id } = expr;
      const periodId = PERIODS[site.period - (expr.lag ?? 0)]?.id;
      return (_cells, a) => {
        const scalar = a.scalars[id];
        if (scalar !== undefined) return scalar;
        const value = periodId === undefined ? undefined : a.series[id]?.[periodId];
        if (!value) throw messages.notAvailable(id, periodId ?? 'this period');
        return value;
      };
    }
    case 'line':
      return site.line(expr);
    case 'sumOver': {
      const readers = site.range(expr);
      const zero = new Decimal(0);
      return (cells, a) => {
        let total: Value = zero;
        for (let i = 0; i < readers.length && total !== null; i++) {
          const value = readers[i](cells, a);
          total = value === null ? null : total.plus(value);
        }
        return total;
      };
    }
    case 'add':
      return fold(expr.xs, site, (a, b) => a.plus(b));
    case 'mul':
      return fold(expr.xs, site, (a, b) => a.times(b));
    case 'max':
      return fold(expr.xs, site, (a, b) => Decimal.max(a, b));
    case 'min':
      return fold(expr.xs, site, (a, b) => Decimal.min(a, b));
    case 'sub':
      return binary(expr.a, expr.b, site, (a, b) => a.minus(b));
    case 'pow':
      return binary(expr.a, expr.b, site, (a, b) => a.pow(b));
    case 'round':
      return binary(expr.a, expr.digits, site, (a, digits) => roundHalfAway(a, digits.toNumber()));
    case 'div': {
      const top = compile(expr.a, site);
      const bottom = compile(expr.b, site);
      const nm = expr.nm === true;
      const { lineId, period } = site;
      return (cells, s) => {
        const a = top(cells, s);
        const b = bottom(cells, s);
        if (a === null || b === null) return null;
        if (b.isZero()) {
          if (nm) return null;
          throw messages.divisionByZero(lineId, periodName(period));
        }
        return a.dividedBy(b);
      };
    }
    case 'neg': {
      const inner = compile(expr.a, site);
      return (cells, s) => {
        const a = inner(cells, s);
        return a === null ? null : a.negated();
      };
    }
    case 'abs': {
      const inner = compile(expr.a, site);
      return (cells, s) => {
        const a = inner(cells, s);
        return a === null ? null : a.abs();
      };
    }
    case 'if': {
      const test = compileTest(expr.test, site);
      const then = compile(expr.then, site);
      const otherwise = compile(expr.else, site);
      return (cells, s) => {
        const result = test(cells, s);
        if (result === null) return null;
        return result ? then(cells, s) : otherwise(cells, s);
      };
    }
  }
}

/** Both operands are evaluated (an error in either is raised), then NM propagates. */
function binary(a: Expr, b: Expr, site: Site, op: (a: Decimal, b: Decimal) => Decimal): Compiled {
  const left = compile(a, site);
  const right = compile(b, site);
  return (cells, s) => {
    const x = left(cells, s);
    const y = right(cells, s);
    return x === null || y === null ? null : op(x, y);
  };
}

/** Left to right; once a term is NM the rest are not evaluated and the result is NM. */
function fold(xs: Expr[], site: Site, op: (a: Decimal, b: Decimal) => Decimal): Compiled {
  const terms = xs.map((x) => compile(x, site));
  if (terms.length === 2) {
    const [first, second] = terms;
    return (cells, s) => {
      const a = first(cells, s);
      if (a === null) return null;
      const b = second(cells, s);
      return b === null ? null : op(a, b);
    };
  }
  return (cells, s) => {
    let acc: Value = terms[0](cells, s);
    for (let i = 1; i < terms.length && acc !== null; i++) {
      const next = terms[i](cells, s);
      acc = next === null ? null : op(acc, next);
    }
    return acc;
  };
}

function compileTest(test: Test, site: Site): (cells: readonly Value[], a: AssumptionSet) => boolean | null {
  const left = compile(test.a, site);
  const right = compile(test.b, site);
  const holds = comparison(test.op);
  return (cells, s) => {
    const a = left(cells, s);
    const b = right(cells, s);
    if (a === null || b === null) return null;
    return holds(a.comparedTo(b));
  };
}

function comparison(op: Test['op']): (c: number) => boolean {
  switch (op) {
    case '>':
      return (c) => c > 0;
    case '>=':
      return (c) => c >= 0;
    case '<':
      return (c) => c < 0;
    case '<=':
      return (c) => c <= 0;
    case '=':
      return (c) => c === 0;
  }
}
