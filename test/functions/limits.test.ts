/**
 * Allowed values near the model's limits give figures, or NM where a ratio has no denominator, never an error for
 * the whole model (issue 11, "Limits handled"): revenue growth of -100% is allowed, so KC.REVENUE still answers.
 */
import { NM } from '../../src/functions/spill';
import { buildModel } from '../../src/model';
import { installRuntime, loadFunctions, type Invoker } from './runtime';

installRuntime();

let KC: Invoker;

beforeAll(async () => {
  ({ KC } = await loadFunctions());
}, 30_000);

describe('functions at the limits of the allowed values', () => {
  const collapse = [['revenueGrowth', -1]];

  it('KC.REVENUE(2030) with revenue growth of -100% is 0, not #NUM!', () => {
    expect(KC('REVENUE', 2030, null, null, collapse)).toEqual([[0]]);
  });

  it('a ratio with no denominator is NM: EBITDA margin with no revenue', () => {
    expect(KC('EBITDA', 2027, 'margin', null, collapse)).toEqual([[NM]]);
  });

  it('the DCF still values the company (the fixed assets it owns run down): a number, as the engine gives it', () => {
    const value = buildModel({ overrides: { revenueGrowth: -1 } })
      .dcf()
      .valuePerAdsUsd.toNumber();
    expect(KC('DCF', null, null, null, null, collapse)).toEqual([[value]]);
  });
});
