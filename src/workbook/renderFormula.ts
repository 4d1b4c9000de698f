/**
 * Expr -> Excel formula text: the twin of src/model/evaluate.ts. It walks the same node kinds, so a line's
 * logic exists once (as data) and the workbook's formulas are derived from it, never written by hand.
 *
 * NM ("not meaningful") is the text "NM" in a cell. The evaluator propagates NM through arithmetic; Excel would
 * give #VALUE! instead, so every operand that can be NM is tested first: IF(OR(ISTEXT(a),...),"NM",a*b).
 * Which operands can be NM is decided structurally (a division with the nm flag, an nm node, an IF with an NM
 * branch, or a cell whose own definition can be NM), so the guards hold for every scenario and override.
 */
import type { Expr, Test } from '../model/expr';

/** Where the renderer finds things: each callback returns a reference as formula text (e.g. "E12", "'DCF'!E7", "wacc"). */
export interface RenderContext {
  /** The period (index into PERIODS) the formula is for; -1 for a scalar line. */
  period: number;
  /** A line's cell in a period, or a scalar line's cell when `period` is -1. */
  lineRef(id: string, period: number): string;
  /** A range of one line's cells over periods from..to (inclusive), e.g. "E30:N30". */
  rangeRef(id: string, from: number, to: number): string;
  /** A driver's live cell in a period (already shifted by any lag), or its defined name for scalars. */
  driverRef(id: string, period: number): string;
  /** Whether a line's value in a period can be NM (-1 for scalar lines). */
  nullable(id: string, period: number): boolean;
  /** Resolves a period id to its index. */
  periodIndex(id: string): number;
  /**
   * Optional: render a line reference as an inlined sub-formula instead of a cell reference (used by the
   * WACC x growth grid). Return undefined to use the cell.
   */
  inline?(id: string, period: number): string | undefined;
}

/** Operator precedence of rendered text: higher binds tighter. */
const enum Prec {
  Compare = 1,
  Add = 2,
  Mul = 3,
  Pow = 4,
  Unary = 5,
  Atom = 6,
}

interface Rendered {
  text: string;
  prec: Prec;
}

const atom = (text: string): Rendered => ({ text, prec: Prec.Atom });

/** The formula (without "=") for an expression in the context's period, with NM guards at the top. */
export function renderFormula(expr: Expr, ctx: RenderContext): string {
  return renderRoot(expr, ctx).text;
}

/** Whether an expression can evaluate to NM in the context's period. */
export function exprNullable(expr: Expr, ctx: RenderContext): boolean {
  switch (expr.k) {
    case 'num':
    case 'drv':
    case 'input':
      return false;
    case 'nm':
      return true;
    case 'line': {
      const [id, p] = lineTarget(expr, ctx);
      return ctx.nullable(id, p);
    }
    case 'sumOver': {
      const from = ctx.periodIndex(expr.from);
      const to = ctx.periodIndex(expr.to);
      for (let p = from; p <= to; p++) if (ctx.nullable(expr.id, p)) return true;
      return false;
    }
    case 'div':
      return Boolean(expr.nm) || exprNullable(expr.a, ctx) || exprNullable(expr.b, ctx);
    case 'add':
    case 'mul':
    case 'max':
    case 'min':
      return expr.xs.some((x) => exprNullable(x, ctx));
    case 'sub':
    case 'pow':
      return exprNullable(expr.a, ctx) || exprNullable(expr.b, ctx);
    case 'neg':
    case 'abs':
      return exprNullable(expr.a, ctx);
    case 'round':
      return exprNullable(expr.a, ctx) || exprNullable(expr.digits, ctx);
    case 'if':
      return (
        exprNullable(expr.test.a, ctx) ||
        exprNullable(expr.test.b, ctx) ||
        exprNullable(expr.then, ctx) ||
        exprNullable(expr.else, ctx)
      );
  }
}

/** A node that decides NM itself (it is rendered with its own guard) rather than only propagating it. */
function selfGuarded(expr: Expr): boolean {
  return expr.k === 'if' || expr.k === 'nm' || (expr.k === 'div' && Boolean(expr.nm));
}

/** Renders a node that is the top of a formula (or a branch of an IF): guards its NM operands. */
function renderRoot(expr: Expr, ctx: RenderContext): Rendered {
  if (selfGuarded(expr)) return renderNode(expr, ctx);
  return guard(nmTests(expr, ctx), renderNode(expr, ctx));
}

function guard(tests: string[], body: Rendered): Rendered {
  if (tests.length === 0) return body;
  const unique = [...new Set(tests)];
  const test = unique.length === 1 ? unique[0] : `OR(${unique.join(',')})`;
  return atom(`IF(${test},"NM",${body.text})`);
}

/**
 * The tests that tell whether an operand region is NM: ISTEXT of each NM-able cell it reads through arithmetic,
 * a count for NM-able ranges, and ISTEXT of any self-guarded sub-expression (rendered again inside the test).
 */
function nmTests(expr: Expr, ctx: RenderContext, out: string[] = []): string[] {
  switch (expr.k) {
    case 'num':
    case 'drv':
    case 'input':
      return out;
    case 'nm':
    case 'if':
      if (exprNullable(expr, ctx)) out.push(`ISTEXT(${renderNode(expr, ctx).text})`);
      return out;
    case 'div':
      if (expr.nm) {
        out.push(`ISTEXT(${renderNode(expr, ctx).text})`);
        return out;
      }
      nmTests(expr.a, ctx, out);
      return nmTests(expr.b, ctx, out);
    case 'line': {
      const [id, p] = lineTarget(expr, ctx);
      if (ctx.nullable(id, p)) out.push(`ISTEXT(${renderLine(expr, ctx).text})`);
      return out;
    }
    case 'sumOver':
      if (exprNullable(expr, ctx)) {
        const from = ctx.periodIndex(expr.from);
        const to = ctx.periodIndex(expr.to);
        const range = ctx.rangeRef(expr.id, from, to);
        out.push(`COUNT(${range})<COLUMNS(${range})`);
      }
      return out;
    case 'add':
    case 'mul':
    case 'max':
    case 'min':
      expr.xs.forEach((x) => nmTests(x, ctx, out));
      return out;
    case 'sub':
    case 'pow':
      nmTests(expr.a, ctx, out);
      return nmTests(expr.b, ctx, out);
    case 'neg':
    case 'abs':
      return nmTests(expr.a, ctx, out);
    case 'round':
      nmTests(expr.a, ctx, out);
      return nmTests(expr.digits, ctx, out);
  }
}

function lineTarget(expr: Extract<Expr, { k: 'line' }>, ctx: RenderContext): [string, number] {
  if (ctx.period < 0 && expr.at === undefined) return [expr.id, -1];
  const p = expr.at !== undefined ? ctx.periodIndex(expr.at) : ctx.period - (expr.lag ?? 0);
  return [expr.id, p];
}

function renderLine(expr: Extract<Expr, { k: 'line' }>, ctx: RenderContext): Rendered {
  const [id, p] = lineTarget(expr, ctx);
  const inlined = ctx.inline?.(id, p);
  if (inlined !== undefined) return { text: `(${inlined})`, prec: Prec.Atom };
  return atom(ctx.lineRef(id, p));
}

/** Wraps text in parentheses when its precedence is below what the position needs. */
function operand(r: Rendered, min: Prec): string {
  return r.prec >= min ? r.text : `(${r.text})`;
}

/** A non-first operand of a binary operator: a leading unary minus is always parenthesised ("a*(-b)"). */
function rightOperand(r: Rendered, min: Prec): string {
  return r.prec >= min && r.prec !== Prec.Unary ? r.text : `(${r.text})`;
}

function renderNode(expr: Expr, ctx: RenderContext): Rendered {
  switch (expr.k) {
    case 'num':
      return expr.v.startsWith('-') ? { text: expr.v, prec: Prec.Unary } : atom(expr.v);
    case 'nm':
      return atom('"NM"');
    case 'input':
      throw new Error(
        'An input node renders only as a whole definition (an input cell), not inside a formula',
      );
    case 'drv': {
      const p = ctx.period - (expr.lag ?? 0);
      return atom(ctx.driverRef(expr.id, p));
    }
    case 'line':
      return renderLine(expr, ctx);
    case 'sumOver': {
      const from = ctx.periodIndex(expr.from);
      const to = ctx.periodIndex(expr.to);
      if (ctx.inline) {
        const terms: string[] = [];
        let inlined = false;
        for (let p = from; p <= to; p++) {
          const text = ctx.inline(expr.id, p);
          inlined ||= text !== undefined;
          terms.push(text !== undefined ? `(${text})` : ctx.lineRef(expr.id, p));
        }
        if (inlined) return { text: terms.join('+'), prec: Prec.Add };
      }
      return atom(`SUM(${ctx.rangeRef(expr.id, from, to)})`);
    }
    case 'add':
      return binaryChain(expr.xs, '+', Prec.Add, ctx);
    case 'mul':
      return binaryChain(expr.xs, '*', Prec.Mul, ctx);
    case 'sub': {
      const a = renderNode(expr.a, ctx);
      const b = renderNode(expr.b, ctx);
      return { text: `${operand(a, Prec.Add)}-${rightOperand(b, Prec.Mul)}`, prec: Prec.Add };
    }
    case 'div': {
      const a = renderNode(expr.a, ctx);
      const b = renderNode(expr.b, ctx);
      const body: Rendered = { text: `${operand(a, Prec.Mul)}/${rightOperand(b, Prec.Pow)}`, prec: Prec.Mul };
      if (!expr.nm) return body;
      const zeroTest = `${operand(b, Prec.Add)}=0`;
      const tests = [...nmTests(expr.a, ctx), ...nmTests(expr.b, ctx)];
      return guard(tests, atom(`IF(${zeroTest},"NM",${body.text})`));
    }
    case 'neg': {
      const a = renderNode(expr.a, ctx);
      return { text: `-${a.prec === Prec.Atom ? a.text : `(${a.text})`}`, prec: Prec.Unary };
    }
    case 'pow': {
      const a = renderNode(expr.a, ctx);
      const b = renderNode(expr.b, ctx);
      const wrap = (r: Rendered) => (r.prec === Prec.Atom ? r.text : `(${r.text})`);
      return { text: `${wrap(a)}^${wrap(b)}`, prec: Prec.Pow };
    }
    case 'abs':
      return atom(`ABS(${renderNode(expr.a, ctx).text})`);
    case 'max':
    case 'min':
      return atom(`${expr.k.toUpperCase()}(${expr.xs.map((x) => renderNode(x, ctx).text).join(',')})`);
    case 'round':
      return atom(`ROUND(${renderNode(expr.a, ctx).text},${renderNode(expr.digits, ctx).text})`);
    case 'if': {
      const test = renderTest(expr.test, ctx);
      const then = renderRoot(expr.then, ctx);
      const otherwise = renderRoot(expr.else, ctx);
      const tests = [...nmTests(expr.test.a, ctx), ...nmTests(expr.test.b, ctx)];
      return guard(tests, atom(`IF(${test},${then.text},${otherwise.text})`));
    }
  }
}

function binaryChain(xs: Expr[], op: string, prec: Prec, ctx: RenderContext): Rendered {
  const parts = xs.map((x, i) => {
    const r = renderNode(x, ctx);
    return i === 0 ? operand(r, prec) : rightOperand(r, prec);
  });
  return { text: parts.join(op), prec };
}

function renderTest(test: Test, ctx: RenderContext): string {
  const a = renderNode(test.a, ctx);
  const b = renderNode(test.b, ctx);
  const op = test.op;
  return `${operand(a, Prec.Add)}${op}${rightOperand(b, Prec.Add)}`;
}
