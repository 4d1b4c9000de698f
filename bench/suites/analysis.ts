/**
 * The analysis tools as an analyst uses them, each on a case not seen before (12/27E revenue growth nudged, so no
 * answer and no case model comes from the memo; the scenarios' own models do, as in use): the reverse DCF for its
 * slowest driver (revenue growth, which reaches every line) and its fastest (WACC) and for all eight at once, the
 * tornado, and the Shapley bridge between bear and base (4 groups differ: 16 valuations) and between two cases that
 * differ in all 8 groups (256 valuations). Each is reported as a multiple of one full model build timed in the same
 * run. Targets on the 2-core machine (issue 10): implied <= 50 ms, tornado <= 100 ms, bridge <= 250 ms.
 */
import {
  buildModelUncached,
  footballField,
  impliedValue,
  impliedValues,
  priceBridge,
  tornado,
  type Overrides,
} from '../../src/model';
import { measure, scaled } from '../timing';
import type { Row, Suite, SuiteContext } from '../types';

/** A case no earlier sample used: 12/27E revenue growth nudged by i x 1e-7. */
const fresh = (i: number): Overrides => ({ 'revenueGrowth.2027E': (0.2 + i * 1e-7).toFixed(7) });

/** A change in every value group: a bridge to it needs all 2^8 valuations. */
const EVERY_GROUP: Overrides = {
  revenueGrowth: '0.25',
  cashCogsRatio: '0.5',
  capexRatio: '0.6',
  receivableDays: '70',
  taxRate: '0.2',
  fxRate: '7',
  wacc: '0.11',
  terminalGrowth: '0.025',
};

export const analysisSuite: Suite = {
  name: 'analysis',
  run({ scale }: SuiteContext): Row[] {
    const build = measure(
      'one full model build (buildModelUncached): the yardstick of this suite',
      (i) => buildModelUncached({ overrides: fresh(5e6 + i) }),
      { samples: scaled(200, scale), warmup: scaled(20, scale) },
    );
    let seed = 0;
    const next = () => ++seed;
    const options = { samples: scaled(30, scale), warmup: scaled(3, scale) };
    const rows: Row[] = [
      {
        ...measure(
          'implied revenueGrowth (reverse DCF, slowest driver), new case',
          () => impliedValue('revenueGrowth', { overrides: fresh(next()) }),
          options,
        ),
        targetMs: 50,
      },
      {
        ...measure(
          'implied wacc, new case',
          () => impliedValue('wacc', { overrides: fresh(next()) }),
          options,
        ),
        targetMs: 50,
      },
      measure(
        'implied, all 8 drivers (kc-model implied), new case',
        () => impliedValues({ overrides: fresh(next()) }),
        { samples: scaled(10, scale), warmup: scaled(2, scale) },
      ),
      {
        ...measure('tornado (16 valuations), new case', () => tornado({ overrides: fresh(next()) }), options),
        targetMs: 100,
      },
      {
        ...measure(
          'bridge bear -> base (4 groups differ: 16 valuations), new cases',
          () => {
            const overrides = fresh(next());
            return priceBridge({ scenario: 'bear', overrides }, { overrides });
          },
          options,
        ),
        targetMs: 250,
      },
      {
        ...measure(
          'bridge over all 8 groups (256 valuations), new cases',
          () => {
            const overrides = fresh(next());
            return priceBridge({ overrides }, { overrides: { ...overrides, ...EVERY_GROUP } });
          },
          options,
        ),
        targetMs: 250,
      },
      measure(
        'football field engine values (5 x 5 grid, 3 scenarios, P/S band), new case',
        () => footballField({ overrides: fresh(next()) }),
        options,
      ),
    ];
    return [
      build,
      ...rows.map((row) => ({
        ...row,
        note: `${(row.medianMs / build.medianMs).toFixed(1)} full builds (median ${row.medianMs.toFixed(1)} ms vs ${build.medianMs.toFixed(2)} ms)`,
      })),
    ];
  },
};
