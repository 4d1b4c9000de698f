import { buildModel } from '../../src/model';
import { compareWithNote } from '../fixtures/compare';
import { NOTE_ROWS, NOTE_VALUATION, NOTE_SEGMENTS } from '../fixtures/note';

/** Every figure of the note's six tables, against the base case, rounded as the note rounds (half away from zero). */

const model = buildModel();
const comparisons = compareWithNote((line, period) => model.value(line, period));

describe('the note, figure by figure', () => {
  afterAll(() => {
    const exact = comparisons.filter((c) => c.matches).length;
    console.log(`${exact} of ${comparisons.length} note figures reproduced`);
  });

  it('covers every cell of every table', () => {
    expect(comparisons).toHaveLength(NOTE_ROWS.length * 4);
  });

  it.each(comparisons.map((c) => [`${c.table} | ${c.label} | ${c.period}`, c] as const))('%s', (_key, c) => {
    expect(c.shown).toBe(normalise(c.published));
  });
});

describe('the note, valuation', () => {
  const dcf = model.dcf();
  it('gives the US$19.5 target price within US$0.05, and the published rounding', () => {
    expect(Math.abs(dcf.valuePerAdsUsd.toNumber() - NOTE_VALUATION.priceTargetUsd)).toBeLessThanOrEqual(0.05);
    expect(dcf.targetPrice.toFixed(1)).toBe('19.5');
  });
  it('gives 49.7% upside to US$13.03', () => {
    expect(dcf.upside.times(100).toFixed(1)).toBe(NOTE_VALUATION.upsidePct.toFixed(1));
  });
  it('implies 3.4x/2.7x 2026E/27E sales at the target price (EV/sales, as docs/reconciliation.md explains)', () => {
    expect(dcf.impliedEvSales2026.toFixed(1)).toBe(NOTE_VALUATION.impliedPsMultiple['2026E'].toFixed(1));
    expect(dcf.impliedEvSales2027.toFixed(1)).toBe(NOTE_VALUATION.impliedPsMultiple['2027E'].toFixed(1));
  });
  it("uses the note's WACC and terminal growth", () => {
    expect(model.assumptions.scalars.wacc.times(100).toNumber()).toBe(NOTE_VALUATION.waccPct);
    expect(model.assumptions.scalars.terminalGrowth.times(100).toNumber()).toBe(
      NOTE_VALUATION.terminalGrowthPct,
    );
  });
});

describe('the note, segments', () => {
  const share = (line: string, period: string) =>
    model.value(line, period)!.div(model.value('revenue', period)!).times(100);
  it('AI-related revenue is 31% of 12/25 revenue and 56% in 12/28E', () => {
    expect(share('aiRevenue', '2025A').toFixed(0)).toBe(String(NOTE_SEGMENTS.aiRevenueSharePct['2025A']));
    expect(share('aiRevenue', '2028E').toFixed(0)).toBe(String(NOTE_SEGMENTS.aiRevenueSharePct['2028E']));
  });
  it('the Xiaomi/Kingsoft ecosystem is 27% then 40%, growing at a 43% CAGR against 18% for other customers', () => {
    expect(share('ecosystemRevenue', '2025A').toFixed(0)).toBe(
      String(NOTE_SEGMENTS.ecosystemRevenueSharePct['2025A']),
    );
    expect(share('ecosystemRevenue', '2028E').toFixed(0)).toBe(
      String(NOTE_SEGMENTS.ecosystemRevenueSharePct['2028E']),
    );
    const cagr = (line: string) =>
      model
        .value(line, '2028E')!
        .div(model.value(line, '2025A')!)
        .pow(1 / 3)
        .minus(1)
        .times(100)
        .toFixed(0);
    expect(cagr('ecosystemRevenue')).toBe(String(NOTE_SEGMENTS.ecosystemRevenueCagr2025to2028EPct));
    expect(cagr('otherCustomersRevenue')).toBe(String(NOTE_SEGMENTS.otherCustomersRevenueCagr2025to2028EPct));
  });
});

/** The note's printed text as the comparison prints it: "(2.67)" -> "-2.67", "9,558.6" -> "9558.6". */
function normalise(printed: string): string {
  if (printed === '--' || printed === 'NM') return printed;
  const negative = printed.startsWith('(');
  const digits = printed.replace(/[(),]/g, '');
  return negative ? `-${digits}` : digits;
}
