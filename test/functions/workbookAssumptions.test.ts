/**
 * The KC.* functions fed the workbook's own kcAssumptions range, as Excel would pass it: the functions follow the
 * scenario selector and every edit on the Assumptions sheet.
 */
import * as functions from '../../src/functions/functions';
import { buildModel } from '../../src/model';
import { loadIntoHyperFormula, type LoadedPlan } from '../support/hyperformula';
import { buildPlan, type WorkbookPlan } from '../../src/workbook/plan';
import { excelInvoker, generateMetadata, installRuntime } from './runtime';

installRuntime();

let KC: ReturnType<typeof excelInvoker>;
let plan: WorkbookPlan;
let sheet: LoadedPlan;

beforeAll(async () => {
  KC = excelInvoker(await generateMetadata(), functions as unknown as Record<string, unknown>);
  plan = buildPlan({ date: '2026-05-28' });
  sheet = loadIntoHyperFormula(plan);
}, 30_000);

/** The kcAssumptions range as HyperFormula computes it now: rows of [id, value]. */
function assumptionsRange(): unknown[][] {
  const name = plan.names.find((n) => n.name === 'kcAssumptions')!;
  const [from, to] = name.ref.replace(/\$/g, '').split(':');
  const row = (ref: string) => Number(ref.replace(/^[A-Z]+/, ''));
  const rows: unknown[][] = [];
  for (let r = row(from); r <= row(to); r++) {
    rows.push([3, 4].map((col) => sheet.read({ sheet: name.sheet, row: r, col })));
  }
  return rows;
}

const usd = (result: unknown[][]) => result[0][0] as number;

describe('the kcAssumptions range', () => {
  it('is two columns of every driver id and its live value', () => {
    const range = assumptionsRange();
    expect(range.length).toBeGreaterThan(100);
    expect(range.every((r) => typeof r[0] === 'string' && typeof r[1] === 'number')).toBe(true);
    expect(range.map((r) => r[0])).toContain('revenueGrowth.2027E');
  });

  it('gives the base case through KC.DCF', () => {
    expect(usd(KC('DCF', null, null, null, 'base', assumptionsRange()))).toBeCloseTo(
      buildModel().dcf().valuePerAdsUsd.toNumber(),
      9,
    );
  });

  it('follows an edit on the Assumptions sheet and the scenario selector', () => {
    sheet.write(plan.anchors.scalarInput.wacc.base, 0.11);
    try {
      expect(usd(KC('DCF', null, null, null, 'base', assumptionsRange()))).toBeCloseTo(
        buildModel({ overrides: { wacc: 0.11 } })
          .dcf()
          .valuePerAdsUsd.toNumber(),
        9,
      );
    } finally {
      sheet.write(plan.anchors.scalarInput.wacc.base, 0.103);
    }
    sheet.write(plan.anchors.selector, 3);
    try {
      const revenue = KC('REVENUE', 2028, null, 'base', assumptionsRange())[0][0] as number;
      expect(revenue).toBeCloseTo(buildModel({ scenario: 'bear' }).value('revenue', 2028)!.toNumber(), 6);
    } finally {
      sheet.write(plan.anchors.selector, 1);
    }
  });
});
