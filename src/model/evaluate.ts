import type { AssumptionSet } from './assumptions';
import { Decimal, roundHalfAway } from './decimal';
import { messages } from './errors';
import type { Expr, Test } from './expr';
import { CELL_READS, definitionFor, EVALUATION_ORDER, findLine, LINES } from './registry';
import { PERIODS } from './periods';

/** A value: a Decimal, or null for "not meaningful" (NM). */
export type Value = Decimal | null;

/** Every line's values: per-period arrays indexed like PERIODS (undefined where a line has no value), and scalars. */
export interface Values {
  series: Map<string, (Value | undefined)[]>;
  scalars: Map<string, Value>;
}

/** A model's assumptions and the values evaluated from them. */
export interface Evaluated {
  assumptions: AssumptionSet;
  values: Values;
}

/**
 * Evaluates every line for every period from one assumption set. Given `from`, an evaluation of another set,
 * it recomputes only the cells that a changed driver or input reaches and copies the rest.
 */
export function evaluateAll(assumptions: AssumptionSet, from?: Evaluated): Values {
  const series = new Map<string, (Value | undefined)[]>();
  const scalars = new Map<string, Value>();
  for (const def of LINES) if (!def.scalar) series.set(def.id, new Array(PERIODS.length));
  const ctx: Context = { assumptions, series, scalars, lineId: '', period: 0 };
  const dirty = from ? changedCells(from.assumptions, assumptions) : undefined;
  for (let i = 0; i < EVALUATION_ORDER.length; i++) {
    const cell = EVALUATION_ORDER[i];
    const def = LINES[cell.line];
    if (dirty && !dirty[i]) {
      if (cell.period < 0) scalars.set(def.id, from!.values.scalars.get(def.id)!);
      else series.get(def.id)![cell.period] = from!.values.series.get(def.id)![cell.period];
      continue;
    }
    ctx.lineId = def.id;
    ctx.period = cell.period;
    if (cell.period < 0) {
      scalars.set(def.id, check(evaluate(def.scalar!, ctx), ctx));
    } else {
      const expr = definitionFor(def, PERIODS[cell.period])!;
      series.get(def.id)![cell.period] = check(evaluate(expr, ctx), ctx);
    }
  }
  return { series, scalars };
}

/** Marks each position of EVALUATION_ORDER whose value can differ between two assumption sets. */
function changedCells(before: AssumptionSet, after: AssumptionSet): boolean[] {
  const drivers = new Set<string>();
  for (const id of new Set([...Object.keys(before.scalars), ...Object.keys(after.scalars)])) {
    if (!sameValue(before.scalars[id], after.scalars[id])) drivers.add(id);
  }
  for (const id of new Set([...Object.keys(before.series), ...Object.keys(after.series)])) {
    if (!sameSeries(before.series[id], after.series[id])) drivers.add(id);
  }
  const inputs = new Set<string>();
  for (const id of new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)])) {
    if (!sameSeries(before.inputs[id], after.inputs[id])) inputs.add(id);
  }
  const dirty = new Array<boolean>(EVALUATION_ORDER.length);
  CELL_READS.forEach((reads, i) => {
    dirty[i] =
      (reads.input && inputs.has(LINES[EVALUATION_ORDER[i].line].id)) ||
      reads.drivers.some((d) => drivers.has(d)) ||
      reads.cells.some((c) => dirty[c]);
  });
  return dirty;
}

function sameValue(a: Decimal | undefined, b: Decimal | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.equals(b));
}

function sameSeries(
  a: Partial<Record<string, Decimal>> | undefined,
  b: Partial<Record<string, Decimal>> | undefined,
): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const k of keys) if (!sameValue(a?.[k], b?.[k])) return false;
  return true;
}

interface Context {
  assumptions: AssumptionSet;
  series: Map<string, (Value | undefined)[]>;
  scalars: Map<string, Value>;
  lineId: string;
  period: number;
}

function check(value: Value, ctx: Context): Value {
  if (value !== null && !value.isFinite()) throw messages.notFinite(ctx.lineId, periodName(ctx.period));
  return value;
}

function periodName(period: number): string {
  return period < 0 ? 'the valuation' : PERIODS[period].id;
}

/** Walks one expression to its value in the context's period. */
export function evaluate(expr: Expr, ctx: Context): Value {
  switch (expr.k) {
    case 'num':
      return new Decimal(expr.v);
    case 'nm':
      return null;
    case 'input': {
      const value = ctx.assumptions.inputs[ctx.lineId]?.[PERIODS[ctx.period].id];
      if (value === undefined) throw messages.notAvailable(ctx.lineId, PERIODS[ctx.period].id);
      return value;
    }
    case 'drv': {
      const scalar = ctx.assumptions.scalars[expr.id];
      if (scalar !== undefined) return scalar;
      const period = PERIODS[ctx.period - (expr.lag ?? 0)];
      const value = period && ctx.assumptions.series[expr.id]?.[period.id];
      if (!value) throw messages.notAvailable(expr.id, period?.id ?? 'this period');
      return value;
    }
    case 'line': {
      const def = findLine(expr.id)!;
      if (def.scalar) return ctx.scalars.get(expr.id) as Value;
      const index =
        expr.at !== undefined ? PERIODS.findIndex((p) => p.id === expr.at) : ctx.period - (expr.lag ?? 0);
      return ctx.series.get(expr.id)![index] as Value;
    }
    case 'sumOver': {
      const values = ctx.series.get(expr.id)!;
      const from = PERIODS.findIndex((p) => p.id === expr.from);
      const to = PERIODS.findIndex((p) => p.id === expr.to);
      let total: Value = new Decimal(0);
      for (let i = from; i <= to && total !== null; i++)
        total = values[i] === null ? null : total.plus(values[i]!);
      return total;
    }
    case 'add':
      return fold(expr.xs, ctx, (a, b) => a.plus(b));
    case 'mul':
      return fold(expr.xs, ctx, (a, b) => a.times(b));
    case 'max':
      return fold(expr.xs, ctx, (a, b) => Decimal.max(a, b));
    case 'min':
      return fold(expr.xs, ctx, (a, b) => Decimal.min(a, b));
    case 'sub': {
      const a = evaluate(expr.a, ctx);
      const b = evaluate(expr.b, ctx);
      return a === null || b === null ? null : a.minus(b);
    }
    case 'div': {
      const a = evaluate(expr.a, ctx);
      const b = evaluate(expr.b, ctx);
      if (a === null || b === null) return null;
      if (b.isZero()) {
        if (expr.nm) return null;
        throw messages.divisionByZero(ctx.lineId, periodName(ctx.period));
      }
      return a.dividedBy(b);
    }
    case 'neg': {
      const a = evaluate(expr.a, ctx);
      return a === null ? null : a.negated();
    }
    case 'abs': {
      const a = evaluate(expr.a, ctx);
      return a === null ? null : a.abs();
    }
    case 'pow': {
      const a = evaluate(expr.a, ctx);
      const b = evaluate(expr.b, ctx);
      return a === null || b === null ? null : a.pow(b);
    }
    case 'round': {
      const a = evaluate(expr.a, ctx);
      const digits = evaluate(expr.digits, ctx);
      return a === null || digits === null ? null : roundHalfAway(a, digits.toNumber());
    }
    case 'if': {
      const test = compare(expr.test, ctx);
      if (test === null) return null;
      return evaluate(test ? expr.then : expr.else, ctx);
    }
  }
}

function fold(xs: Expr[], ctx: Context, op: (a: Decimal, b: Decimal) => Decimal): Value {
  let acc: Value = evaluate(xs[0], ctx);
  for (let i = 1; i < xs.length && acc !== null; i++) {
    const next = evaluate(xs[i], ctx);
    acc = next === null ? null : op(acc, next);
  }
  return acc;
}

function compare(test: Test, ctx: Context): boolean | null {
  const a = evaluate(test.a, ctx);
  const b = evaluate(test.b, ctx);
  if (a === null || b === null) return null;
  const c = a.comparedTo(b);
  switch (test.op) {
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '=':
      return c === 0;
  }
}
