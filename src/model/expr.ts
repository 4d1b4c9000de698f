import type { PeriodId } from './periods';

/**
 * A line's definition as data. The evaluator walks it to a Decimal; the workbook renderer walks the same
 * tree to an Excel formula, so a line's logic exists once.
 */
export type Expr =
  /** A structural number (0, 1, 2): never an assumption, which lives in a driver. */
  | { k: 'num'; v: string }
  /** A driver value; per-period drivers read the same period shifted back by `lag`. */
  | { k: 'drv'; id: string; lag?: number }
  /** Another line in the same period shifted back by `lag`, or at a fixed period, or a scalar line. */
  | { k: 'line'; id: string; lag?: number; at?: PeriodId }
  /** This line's actual or opening value: an input cell. */
  | { k: 'input' }
  | { k: 'add'; xs: Expr[] }
  | { k: 'sub'; a: Expr; b: Expr }
  | { k: 'mul'; xs: Expr[] }
  /** Division; `nm` makes a zero denominator "NM" (not meaningful) instead of an error. */
  | { k: 'div'; a: Expr; b: Expr; nm?: boolean }
  | { k: 'neg'; a: Expr }
  | { k: 'pow'; a: Expr; b: Expr }
  | { k: 'abs'; a: Expr }
  | { k: 'max'; xs: Expr[] }
  | { k: 'min'; xs: Expr[] }
  | { k: 'round'; a: Expr; digits: Expr }
  | { k: 'if'; test: Test; then: Expr; else: Expr }
  /** The sum of a line over a run of periods. */
  | { k: 'sumOver'; id: string; from: PeriodId; to: PeriodId }
  /** "Not meaningful", as the note prints NM. */
  | { k: 'nm' };

export interface Test {
  op: '>' | '>=' | '<' | '<=' | '=';
  a: Expr;
  b: Expr;
}

/** Builders: short, so that line definitions read like the formulas they become. */
export const num = (v: number | string): Expr => ({ k: 'num', v: String(v) });
export const drv = (id: string, lag = 0): Expr => (lag ? { k: 'drv', id, lag } : { k: 'drv', id });
export const line = (id: string): Expr => ({ k: 'line', id });
export const prior = (id: string, lag = 1): Expr => ({ k: 'line', id, lag });
export const at = (id: string, period: PeriodId): Expr => ({ k: 'line', id, at: period });
export const input: Expr = { k: 'input' };
export const add = (...xs: Expr[]): Expr => ({ k: 'add', xs });
export const sub = (a: Expr, b: Expr): Expr => ({ k: 'sub', a, b });
export const mul = (...xs: Expr[]): Expr => ({ k: 'mul', xs });
export const div = (a: Expr, b: Expr): Expr => ({ k: 'div', a, b });
export const ratio = (a: Expr, b: Expr): Expr => ({ k: 'div', a, b, nm: true });
export const neg = (a: Expr): Expr => ({ k: 'neg', a });
export const pow = (a: Expr, b: Expr): Expr => ({ k: 'pow', a, b });
export const abs = (a: Expr): Expr => ({ k: 'abs', a });
export const max = (...xs: Expr[]): Expr => ({ k: 'max', xs });
export const min = (...xs: Expr[]): Expr => ({ k: 'min', xs });
export const round = (a: Expr, digits: Expr): Expr => ({ k: 'round', a, digits });
export const when = (op: Test['op'], a: Expr, b: Expr, then: Expr, otherwise: Expr): Expr => ({
  k: 'if',
  test: { op, a, b },
  then,
  else: otherwise,
});
export const sumOver = (id: string, from: PeriodId, to: PeriodId): Expr => ({ k: 'sumOver', id, from, to });
export const NM: Expr = { k: 'nm' };
export const ZERO_EXPR = num(0);

/** Change of a line against the prior period. */
export const change = (id: string): Expr => sub(line(id), prior(id));
/** Average of a line's closing and opening values. */
export const average = (id: string): Expr => div(add(line(id), prior(id)), num(2));

/** Every line, driver and own input an expression reads, with the lag or fixed period of each reference. */
export function references(expr: Expr, out: Ref[] = []): Ref[] {
  switch (expr.k) {
    case 'num':
    case 'nm':
      return out;
    case 'input':
      out.push({ kind: 'input', id: '', lag: 0 });
      return out;
    case 'drv':
      out.push({ kind: 'drv', id: expr.id, lag: expr.lag ?? 0 });
      return out;
    case 'line':
      out.push({ kind: 'line', id: expr.id, lag: expr.lag ?? 0, at: expr.at });
      return out;
    case 'sumOver':
      out.push({ kind: 'line', id: expr.id, lag: 0, from: expr.from, to: expr.to });
      return out;
    case 'add':
    case 'mul':
    case 'max':
    case 'min':
      expr.xs.forEach((x) => references(x, out));
      return out;
    case 'sub':
    case 'div':
    case 'pow':
      references(expr.a, out);
      return references(expr.b, out);
    case 'neg':
    case 'abs':
      return references(expr.a, out);
    case 'round':
      references(expr.a, out);
      return references(expr.digits, out);
    case 'if':
      references(expr.test.a, out);
      references(expr.test.b, out);
      references(expr.then, out);
      return references(expr.else, out);
  }
}

export interface Ref {
  /** `input`: the line's own input cell (id empty). */
  kind: 'drv' | 'line' | 'input';
  id: string;
  lag: number;
  at?: PeriodId;
  from?: PeriodId;
  to?: PeriodId;
}
