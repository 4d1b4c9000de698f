import {
  buildModel,
  buildModelUncached,
  clearCache,
  defaultGridAxes,
  sensitivityGrid,
  type BuildOptions,
} from '../../src/model';
import { measure, scaled } from '../timing';
import type { Row, Suite, SuiteContext } from '../types';

/** A distinct, valid assumption set for each i: 12/27E revenue growth nudged by i x 1e-7. */
const fresh = (i: number): BuildOptions => ({
  overrides: { 'revenueGrowth.2027E': (0.2 + i * 1e-7).toFixed(7) },
});

/** The pure model: a build from scratch, a memoized read, and the 11 x 11 WACC x growth grid. */
export const modelSuite: Suite = {
  name: 'model',
  run({ scale }: SuiteContext): Row[] {
    const rows: Row[] = [];

    rows.push({
      ...measure('full build, new assumption set (buildModelUncached)', (i) => buildModelUncached(fresh(i)), {
        samples: scaled(400, scale),
        warmup: scaled(40, scale),
      }),
      targetMs: 5,
    });

    const same = { overrides: { wacc: '11%', 'revenueGrowth.2027E': 0.2 } };
    buildModel(same);
    rows.push(
      measure(
        "memoized read: buildModel(same options).value('revenue', 2027)",
        () => buildModel({ overrides: { wacc: '11%', 'revenueGrowth.2027E': 0.2 } }).value('revenue', 2027),
        { samples: scaled(200, scale), warmup: scaled(20, scale), batch: 1000 },
      ),
    );

    const { waccs, growths } = defaultGridAxes();
    const [w, g] = [waccs.map(String), growths.map(String)];
    rows.push({
      ...measure(
        '11 x 11 sensitivity grid, fresh set, cold memo',
        (i) => sensitivityGrid(fresh(1e6 + i), w, g),
        {
          samples: scaled(20, scale),
          warmup: scaled(2, scale),
          before: () => clearCache(),
        },
      ),
      note: '121 builds per grid, none memoized (clearCache before each sample)',
    });
    clearCache();
    return rows;
  },
};
