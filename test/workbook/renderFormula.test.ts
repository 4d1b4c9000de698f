/**
 * The renderer against the evaluator on random expression trees: each tree is evaluated by the model's evaluator
 * and rendered to a formula that HyperFormula evaluates; the two must agree (NM as the text "NM"). This checks
 * operator precedence, parentheses, unary minus, powers and the NM guards.
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { Decimal } from '../../src/model';
import { evaluate } from '../../src/model/evaluate';
import * as E from '../../src/model/expr';
import type { Expr } from '../../src/model/expr';
import { renderFormula, type RenderContext } from '../../src/workbook/renderFormula';
import { close } from '../support/libreoffice';

const DRIVERS: Record<string, string> = { a: '-2.5', b: '0.75', c: '4', z: '0' };
const COLS: Record<string, string> = { a: 'A', b: 'B', c: 'C', z: 'D' };

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom('0', '1', '2', '3.5').map((v) => E.num(v)),
  fc.constantFrom('a', 'b', 'c', 'z').map((id) => E.drv(id)),
);

const { expr } = fc.letrec<{ expr: Expr }>((tie) => {
  const sub = () => tie('expr') as fc.Arbitrary<Expr>;
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(sub(), sub()).map(([x, y]) => E.add(x, y)),
      fc.tuple(sub(), sub(), sub()).map(([x, y, z]) => E.add(x, y, z)),
      fc.tuple(sub(), sub()).map(([x, y]) => E.sub(x, y)),
      fc.tuple(sub(), sub()).map(([x, y]) => E.mul(x, y)),
      fc.tuple(sub(), sub()).map(([x, y]) => E.div(x, y)),
      fc.tuple(sub(), sub()).map(([x, y]) => E.ratio(x, y)),
      sub().map((x) => E.neg(x)),
      fc.tuple(sub(), fc.constantFrom('0', '1', '2', '3')).map(([x, k]) => E.pow(x, E.num(k))),
      sub().map((x) => E.abs(x)),
      fc.tuple(sub(), sub()).map(([x, y]) => E.max(x, y)),
      sub().map((x) => E.round(x, E.num(1))),
      fc
        .tuple(fc.constantFrom('>', '>=', '<', '<=', '=' as const), sub(), sub(), sub(), sub())
        .map(([op, x, y, t, f]) => E.when(op as E.Test['op'], x, y, t, f)),
      fc.constant(E.NM),
    ),
  };
});

const ctx: RenderContext = {
  period: 0,
  lineRef: () => {
    throw new Error('no lines');
  },
  rangeRef: () => {
    throw new Error('no lines');
  },
  driverRef: (id) => `${COLS[id]}$1`,
  nullable: () => false,
  periodIndex: () => 0,
};

function engine(e: Expr): number | string | undefined {
  const scalars = Object.fromEntries(Object.entries(DRIVERS).map(([k, v]) => [k, new Decimal(v)]));
  try {
    const v = evaluate(e, {
      assumptions: { scalars, series: {}, inputs: {} },
      lineId: 't',
      period: 0,
    });
    if (v === null) return 'NM';
    if (!v.isFinite() || v.abs().greaterThan(1e12)) return undefined;
    return v.toNumber();
  } catch {
    return undefined; // division by zero without nm: an error in both
  }
}

describe('renderFormula, against the evaluator in HyperFormula', () => {
  it('agrees on 400 random expressions', () => {
    const samples = fc.sample(expr, { numRuns: 400, seed: 20260528 });
    const rows = samples.map((e) => [...Object.values(DRIVERS).map(Number), `=${renderFormula(e, ctx)}`]);
    const hf = HyperFormula.buildFromSheets({ S: rows }, { licenseKey: 'gpl-v3', smartRounding: false });
    let compared = 0;
    samples.forEach((e, i) => {
      const want = engine(e);
      if (want === undefined) return;
      const got = hf.getCellValue({ sheet: 0, row: i, col: 4 });
      compared++;
      const ok = typeof want === 'number' && typeof got === 'number' ? close(got, want) : got === want;
      if (!ok)
        throw new Error(`${renderFormula(e, ctx)}: HyperFormula ${JSON.stringify(got)}, engine ${want}`);
    });
    expect(compared).toBeGreaterThan(200);
  });

  it('parenthesises as the tree nests', () => {
    const r = (e: Expr) => renderFormula(e, ctx);
    expect(r(E.sub(E.drv('a'), E.sub(E.drv('b'), E.drv('c'))))).toBe('A$1-(B$1-C$1)');
    expect(r(E.div(E.drv('a'), E.mul(E.drv('b'), E.drv('c'))))).toBe('A$1/(B$1*C$1)');
    expect(r(E.mul(E.drv('a'), E.neg(E.drv('b'))))).toBe('A$1*(-B$1)');
    expect(r(E.pow(E.neg(E.drv('a')), E.num(2)))).toBe('(-A$1)^2');
    expect(r(E.neg(E.pow(E.drv('a'), E.num(2))))).toBe('-(A$1^2)');
    expect(r(E.ratio(E.drv('a'), E.drv('b')))).toBe('IF(B$1=0,"NM",A$1/B$1)');
    expect(r(E.NM)).toBe('"NM"');
  });

  it('guards arithmetic on a value that can be NM', () => {
    expect(renderFormula(E.mul(E.drv('a'), E.ratio(E.drv('b'), E.drv('c'))), ctx)).toBe(
      'IF(ISTEXT(IF(C$1=0,"NM",B$1/C$1)),"NM",A$1*IF(C$1=0,"NM",B$1/C$1))',
    );
  });
});
