/**
 * Scenarios are changes to the base case: the bull case is worth more than the base case, which is worth more
 * than the bear case, on revenue, EBITDA and the target price; every case keeps cash at or above the minimum and
 * a positive value; and a scenario follows the base case when the base case moves.
 */
import {
  buildModel,
  Decimal,
  driverPeriods,
  FORECAST_PERIOD_IDS,
  findDriver,
  SCENARIOS,
} from '../../src/model';
import { baseCase } from '../../src/model/baseCase';
import { applyDeltas } from '../../src/model/scenarios';

const [base, bull, bear] = ['base', 'bull', 'bear'].map((scenario) => buildModel({ scenario }));
const at = (model: typeof base, id: string, period: string | number) => model.value(id, period) as Decimal;

describe('the scenarios', () => {
  it('order bull > base > bear on the target price, revenue and EBITDA in every forecast year', () => {
    expect(bull.dcf().valuePerAdsUsd.greaterThan(base.dcf().valuePerAdsUsd)).toBe(true);
    expect(base.dcf().valuePerAdsUsd.greaterThan(bear.dcf().valuePerAdsUsd)).toBe(true);
    for (const p of FORECAST_PERIOD_IDS) {
      for (const id of ['revenue', 'ebitdaAdjusted']) {
        expect([id, p, at(bull, id, p).greaterThan(at(base, id, p))]).toEqual([id, p, true]);
        expect([id, p, at(base, id, p).greaterThan(at(bear, id, p))]).toEqual([id, p, true]);
      }
    }
  });

  it('give positive values and keep cash at or above the minimum, with every check passing', () => {
    for (const model of [base, bull, bear]) {
      expect(model.dcf().valuePerAdsUsd.greaterThan(0)).toBe(true);
      const minimum = model.assumptions.scalars.minimumCash;
      for (const p of FORECAST_PERIOD_IDS)
        expect(at(model, 'cash', p).greaterThanOrEqualTo(minimum)).toBe(true);
      expect(model.checks().filter((c) => !c.ok)).toEqual([]);
    }
  });

  it('the base case reproduces the note: US$19.5', () => {
    expect(base.dcf().targetPrice.toString()).toBe('19.5');
  });

  it('are written as changes to the base case: each scenario is the base case plus its deltas, and nothing else', () => {
    for (const scenario of SCENARIOS.slice(1)) {
      expect(scenario.deltas.length).toBeGreaterThan(0);
      const model = buildModel({ scenario: scenario.name });
      const changed = new Set(scenario.deltas.map((d) => d.driver));
      for (const [id, value] of Object.entries(base.assumptions.scalars)) {
        const delta = scenario.deltas.find((d) => d.driver === id)?.delta ?? '0';
        expect([id, model.assumptions.scalars[id].toString()]).toEqual([id, value.plus(delta).toString()]);
      }
      for (const [id, series] of Object.entries(base.assumptions.series)) {
        const def = findDriver(id)!;
        for (const p of driverPeriods(def)) {
          const delta = changed.has(id) ? scenario.deltas.find((d) => d.driver === id)!.delta : '0';
          expect([id, p, model.assumptions.series[id][p]!.toString()]).toEqual([
            id,
            p,
            series[p]!.plus(delta).toString(),
          ]);
        }
      }
      expect(model.assumptions.inputs).toEqual(base.assumptions.inputs);
    }
  });

  it('follow the base case: re-calibrating a base driver moves the bull case by the same amount', () => {
    const calibrated = baseCase();
    const moved = {
      ...calibrated,
      scalars: { ...calibrated.scalars, wacc: new Decimal('0.12') },
      series: {
        ...calibrated.series,
        revenueGrowth: { ...calibrated.series.revenueGrowth, '2027E': new Decimal('0.2') },
      },
    };
    const bullCase = SCENARIOS.find((s) => s.name === 'bull')!;
    const shifted = applyDeltas(moved, bullCase);
    const delta = (id: string) => new Decimal(bullCase.deltas.find((d) => d.driver === id)!.delta);
    expect(shifted.scalars.wacc.equals(new Decimal('0.12').plus(delta('wacc')))).toBe(true);
    expect(
      shifted.series.revenueGrowth['2027E']!.equals(new Decimal('0.2').plus(delta('revenueGrowth'))),
    ).toBe(true);
  });
});
