/**
 * The pane's charts for a case, from the engine: the bridge's waterfall starts at the base case's value and ends at
 * the case's (each read from an independent buildModel), its steps are the groups that move the value and add up to
 * the change; the tornado's rows are the engine's, each end reproduced through buildModel with its overrides; a case
 * with nothing to chart gets a message instead, in the user's words; the tables hold the same figures.
 */
import { buildModel, priceBridge, tornado, TORNADO_SHOCKS, type BuildOptions } from '../../../src/model';
import {
  bridgeView,
  caseKey,
  describeCase,
  shockSize,
  tornadoView,
  type ChartView,
} from '../../../src/taskpane/charts/caseCharts';
import { MINUS } from '../../../src/taskpane/charts/format';
import type { TornadoData } from '../../../src/taskpane/charts/tornado';
import type { WaterfallData } from '../../../src/taskpane/charts/waterfall';
import { notInUserWords } from '../../support/userWords';

const value = (options: BuildOptions) => buildModel(options).dcf().valuePerAdsUsd.toNumber();
const money = (v: number) => `${v < 0 ? MINUS : ''}${Math.abs(v).toFixed(2)}`;
const signedMoney = (v: number) => `${v < 0 ? MINUS : '+'}${Math.abs(v).toFixed(2)}`;

function chart<T>(view: ChartView<T>): Extract<ChartView<T>, { kind: 'chart' }> {
  if (view.kind !== 'chart') throw new Error(`expected a chart, got: ${view.text}`);
  return view;
}

describe('bridgeView: the waterfall from the base case', () => {
  const edited = { scenario: 'bull', overrides: { wacc: '0.11', 'revenueGrowth.2027E': '0.3' } };
  const view = chart<WaterfallData>(bridgeView(edited));

  it("starts at the base case's value (the note's US$19.50) and ends at the case's, from buildModel", () => {
    expect(view.data.start.value).toBeCloseTo(value({}), 9);
    expect(view.data.start.value.toFixed(2)).toBe('19.50');
    expect(view.data.end.value).toBeCloseTo(value(edited), 9);
  });

  it('has one step per group that moves the value, and the steps add up to the change', () => {
    const sum = view.data.steps.reduce((a, s) => a + s.delta, 0);
    expect(Math.abs(view.data.start.value + sum - view.data.end.value)).toBeLessThan(1e-9);
    for (const s of view.data.steps) expect(s.delta).not.toBe(0);
    const engine = priceBridge({}, edited).items.filter((i) => !i.delta.isZero());
    expect(view.data.steps.map((s) => [s.label, s.delta])).toEqual(
      engine.map((i) => [i.group, i.delta.toNumber()]),
    );
  });

  it('states the figures in its description and in its table', () => {
    for (const s of view.data.steps)
      expect(view.data.description).toContain(`${s.label} ${signedMoney(s.delta)}`);
    expect(view.data.description).toContain(`This case US$${money(view.data.end.value)}`);
    expect(view.table.head).toEqual(['Step', 'Drivers that differ', 'US$ per ADS']);
    expect(view.table.rows[0]).toEqual(['Base case', '', '19.50']);
    expect(view.table.rows[view.table.rows.length - 1]).toEqual(['This case', '', money(value(edited))]);
    expect(view.table.rows.find((r) => r[0] === 'WACC')).toEqual([
      'WACC',
      'WACC',
      signedMoney(view.data.steps.find((s) => s.id === 'wacc')!.delta),
    ]);
    expect(view.table.rows.find((r) => r[0] === 'Revenue')?.[1]).toBe('Revenue growth');
    expect(view.data.title).toBe(
      'Bridge of value per ADS (US$) from the base case to this case, the bull scenario with 2 assumptions changed',
    );
  });

  it('says so when the case is the base case, instead of an empty chart', () => {
    const message = bridgeView({ scenario: 'base', overrides: {} });
    expect(message).toEqual({
      kind: 'message',
      text: 'This case is the base case (US$19.50 per ADS): there is nothing to bridge. Choose a scenario or change an assumption to see what moves the value.',
    });
    // An override equal to the base case's own value is still the base case.
    expect(bridgeView({ scenario: 'base', overrides: { wacc: '0.103' } }).kind).toBe('message');
  });

  it('says which drivers differ but move no value (the share price moves no DCF value)', () => {
    const message = bridgeView({ scenario: 'base', overrides: { price: '15' } });
    expect(message).toEqual({
      kind: 'message',
      text: "This case has the base case's value (US$19.50 per ADS): Financing and bridge items (ADS price (US$)) differs from the base case but moves no value.",
    });
    const withNote = chart(bridgeView({ scenario: 'base', overrides: { price: '15', wacc: '0.11' } }));
    expect(withNote.data.steps.map((s) => s.id)).toEqual(['wacc']);
    expect(withNote.note).toBe(
      'Financing and bridge items (ADS price (US$)) differs from the base case but moves no value.',
    );
  });

  it('explains in the user’s words when a mix of the two cases has no value', () => {
    // WACC 2.8% is above this case's terminal growth (2.5%) but not the base case's (3%).
    const view = bridgeView({ scenario: 'base', overrides: { wacc: '0.028', terminalGrowth: '0.025' } });
    expect(view.kind).toBe('message');
    const text = (view as { text: string }).text;
    expect(text).toBe(
      "No bridge for this case. The bridge values every mix of the two cases' groups, and one mix (WACC from this case) fails: WACC (2.8%) must be above terminal growth (3.0%); the Gordon growth terminal value is undefined otherwise.",
    );
    expect(notInUserWords(text)).toBeNull();
  });
});

describe('tornadoView: the tornado of the case', () => {
  const bear = { scenario: 'bear', overrides: { terminalGrowth: '0.025' } };
  const view = chart<TornadoData>(tornadoView(bear));
  const engine = tornado(bear);

  it("centres on the case's value and keeps the engine's rows, widest first", () => {
    expect(view.data.centre.value).toBeCloseTo(value(bear), 9);
    expect(view.data.rows.map((r) => r.id)).toEqual(engine.rows.map((r) => r.group));
    const ranges = view.data.rows.map((r) => Math.abs(r.high - r.low));
    expect([...ranges].sort((a, b) => b - a)).toEqual(ranges);
  });

  it('draws each end at the value buildModel gives with that end’s overrides', () => {
    for (const row of engine.rows) {
      const drawn = view.data.rows.find((r) => r.id === row.group)!;
      expect(drawn.low).toBeCloseTo(value({ scenario: 'bear', overrides: row.low.overrides }), 9);
      expect(drawn.high).toBeCloseTo(value({ scenario: 'bear', overrides: row.high.overrides }), 9);
    }
  });

  it('names each shock by its size, and the table by its words', () => {
    const label = (id: string) => view.data.rows.find((r) => r.id === id)!.label;
    expect(label('wacc')).toBe('WACC (±1pp)');
    expect(label('terminal')).toBe('Terminal growth and fade (±0.5pp)');
    expect(label('margins')).toBe('Margins and costs (±10%)');
    expect(label('financing')).toBe('Financing and bridge items (±5–10%)');
    const wacc = view.table.rows.find((r) => r[0] === 'WACC')!;
    const row = engine.rows.find((r) => r.group === 'wacc')!;
    expect(wacc).toEqual([
      'WACC',
      'WACC 1pp higher',
      money(row.low.valuePerAdsUsd.toNumber()),
      money(row.high.valuePerAdsUsd.toNumber()),
    ]);
    expect(view.data.description).toContain(`WACC ${wacc[2]} to ${wacc[3]}`);
  });

  it('says why when the case has no tornado', () => {
    const message = tornadoView({ scenario: 'base', overrides: { wacc: '0.035' } });
    expect(message).toEqual({
      kind: 'message',
      text: 'No tornado for this case: WACC (2.5%) must be above terminal growth (3.0%); the Gordon growth terminal value is undefined otherwise.',
    });
  });
});

describe('the case in words and as a key', () => {
  it('counts the assumptions that differ from the scenario', () => {
    expect(describeCase({ scenario: 'base', overrides: {} })).toBe('the base scenario');
    expect(describeCase({ scenario: 'base', overrides: { wacc: '0.103' } })).toBe('the base scenario');
    expect(describeCase({ scenario: 'bear', overrides: { wacc: '0.11' } })).toBe(
      'the bear scenario with 1 assumption changed',
    );
  });

  it('keys a case by its scenario and overrides, whatever their order', () => {
    expect(caseKey({ scenario: 'base', overrides: { a: '1', b: '2' } })).toBe(
      caseKey({ scenario: 'base', overrides: { b: '2', a: '1' } }),
    );
    expect(caseKey({ scenario: 'base', overrides: {} })).not.toBe(
      caseKey({ scenario: 'bull', overrides: {} }),
    );
  });

  it('gives every group of the tornado a shock size', () => {
    expect(TORNADO_SHOCKS.map((s) => [s.group, shockSize(s)])).toEqual([
      ['revenue', '±10%'],
      ['margins', '±10%'],
      ['capex', '±10%'],
      ['workingCapital', '±10%'],
      ['tax', '±10%'],
      ['financing', '±5–10%'],
      ['wacc', '±1pp'],
      ['terminal', '±0.5pp'],
    ]);
  });
});
