/**
 * Invalid input raises a typed ModelError that names what is wrong (the assumption, line, period or scenario),
 * shows the offending value and says what is allowed; and a failed build leaves the memo and later builds alone.
 */
import {
  assumptionsFor,
  buildModel,
  buildModelUncached,
  cacheStats,
  Decimal,
  driverPeriods,
  DRIVERS,
  findDriver,
  LINES,
  ModelError,
  SCENARIO_NAMES,
  type BuildOptions,
  type DriverDef,
  type KcModel,
  type ModelErrorCode,
  type OverrideValue,
  type PeriodId,
} from '../../src/model';
import { allowedText, formatValue } from '../../src/model/overrides';
import { PERIODS } from '../../src/model/periods';

/** Runs `fn`, which must throw a ModelError, and returns that error. */
function modelError(fn: () => unknown): ModelError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ModelError);
  return thrown as ModelError;
}

const driver = (id: string): DriverDef => findDriver(id)!;
/** The value as the message shows it: text in quotes, numbers as JavaScript prints them. */
const shown = (raw: unknown) => (typeof raw === 'string' ? `"${raw}"` : String(raw));
const build = (overrides: Record<string, OverrideValue>) => () => buildModel({ overrides });

/** The driver's label, with the period's heading for a one-period key ("Revenue growth 12/27E"). */
function labelOf(key: string, def: DriverDef): string {
  const period = key.split('.')[1] as PeriodId | undefined;
  return period ? `${def.label} ${PERIODS.find((p) => p.id === period)!.heading}` : def.label;
}

/** A number the user typed, read the way the model reads it ("11%" is 0.11). */
function parsed(raw: OverrideValue): Decimal {
  const text = String(raw).trim();
  return text.endsWith('%') ? new Decimal(text.slice(0, -1)).div(100) : new Decimal(text);
}

/**
 * Expects the error to name the key for tools (subject) and, in the message, the driver in the user's words
 * (its label), the value (as typed when it is not a number; in the driver's unit, e.g. a percentage, when out of
 * range) and the allowed range in the same unit.
 */
function expectNamesValueAndRange(error: ModelError, key: string, raw: unknown, def: DriverDef) {
  expect(error.subject).toBe(key);
  expect(error.message).toContain(labelOf(key, def));
  expect(error.message).not.toContain(`"${key}"`);
  expect(error.message).toContain(
    error.code === 'OUT_OF_RANGE' ? formatValue(def, parsed(raw as OverrideValue)) : shown(raw),
  );
  expect(error.message).toContain(allowedText(def));
  if (def.unit === 'pct') {
    expect(allowedText(def)).toMatch(/^-?[\d.]+% to -?[\d.]+%$/);
  }
}

describe('values that are not numbers: INVALID_VALUE', () => {
  const cases: [string, unknown][] = [
    ['wacc', NaN],
    ['wacc', Infinity],
    ['wacc', -Infinity],
    ['wacc', 'abc'],
    ['wacc', ''],
    ['wacc', '   '],
    ['wacc', '11%%'],
    ['wacc', '1.2.3'],
    ['wacc', null],
    ['terminalGrowth', 'three percent'],
    ['revenueGrowth', NaN],
    ['revenueGrowth.2027E', 'abc'],
    ['cashCogsRatio.2026E', ''],
    ['midYear', 'yes'],
  ];

  it.each(cases)('%s = %p', (key, raw) => {
    const error = modelError(build({ [key]: raw as OverrideValue }));
    expect(error.code).toBe<ModelErrorCode>('INVALID_VALUE');
    expectNamesValueAndRange(error, key, raw, driver(key.split('.')[0]));
  });

  it.each([['cash.2025A', 'abc'] as const, ['revenue.2025A', NaN] as const])(
    'a line input %s = %p',
    (key, raw) => {
      const error = modelError(build({ [key]: raw }));
      expect(error.code).toBe<ModelErrorCode>('INVALID_VALUE');
      expect(error.subject).toBe(key);
      expect(error.message).toContain(`${LINES.find((l) => l.id === key.split('.')[0])!.label} 12/25`);
      expect(error.message).toContain(shown(raw));
    },
  );
});

describe('values out of range: OUT_OF_RANGE', () => {
  it.each([
    ['wacc', 0.9],
    ['wacc', '90%'],
    ['wacc', 0],
    ['wacc', -0.1],
    ['daysInYear', 10],
    ['daysInYear', 400],
    ['terminalGrowth', -0.5],
    ['revenueGrowth.2027E', 1.5],
    ['revenueGrowth.2027E', '-150%'],
    ['receivableDays', 400],
    ['cashCogsRatio.2028E', -0.01],
  ] as const)('%s = %p', (key, raw) => {
    const error = modelError(build({ [key]: raw }));
    expect(error.code).toBe<ModelErrorCode>('OUT_OF_RANGE');
    expectNamesValueAndRange(error, key, raw, driver(key.split('.')[0]));
  });

  /** Just outside each bound, as exact text, for every driver with a range; per-period drivers both ways. */
  const bounded = DRIVERS.filter((def) => !def.choices);
  const outside = bounded.flatMap((def) => {
    const keys = def.scope === 'scalar' ? [def.id] : [def.id, `${def.id}.${driverPeriods(def)[0]}`];
    return keys.flatMap((key) => [
      [key, 'below', new Decimal(def.min).minus('1e-9').toString()] as const,
      [key, 'above', new Decimal(def.max).plus('1e-9').toString()] as const,
    ]);
  });

  it.each(outside)('%s %s its range (%s)', (key, _side, raw) => {
    const error = modelError(build({ [key]: raw }));
    expect(error.code).toBe<ModelErrorCode>('OUT_OF_RANGE');
    expectNamesValueAndRange(error, key, raw, driver(key.split('.')[0]));
  });

  /** The bounds themselves are allowed (checked on the assumption set, without building). */
  it.each(bounded.flatMap((def) => [[def.id, def.min] as const, [def.id, def.max] as const]))(
    '%s = %p (a bound) is accepted',
    (key, value) => {
      // Keep WACC above terminal growth whichever of the two sits on a bound.
      const partner: Record<string, OverrideValue> =
        key === 'wacc'
          ? { terminalGrowth: driver('terminalGrowth').min }
          : key === 'terminalGrowth'
            ? { wacc: driver('wacc').max }
            : {};
      expect(() => assumptionsFor({ overrides: { ...partner, [key]: value } })).not.toThrow();
    },
  );

  it.each(DRIVERS.filter((def) => def.choices).map((def) => [def.id, def.choices!] as const))(
    'the choices of %s are accepted',
    (key, choices) => {
      for (const choice of choices)
        expect(() => assumptionsFor({ overrides: { [key]: choice } })).not.toThrow();
    },
  );
  it.each([['cash.2025A', 2e9] as const, ['revenue.2025A', '-1.5e9'] as const])(
    'a line input %s = %p',
    (key, raw) => {
      const error = modelError(build({ [key]: raw }));
      expect(error.code).toBe<ModelErrorCode>('OUT_OF_RANGE');
      expect(error.subject).toBe(key);
      expect(error.message).toContain(`${LINES.find((l) => l.id === key.split('.')[0])!.label} 12/25`);
      expect(error.message).toContain(shown(raw));
    },
  );
});

describe('a choice driver given a value that is not a choice: OUT_OF_RANGE', () => {
  it.each([
    ['midYear', 0.5],
    ['midYear', '50%'],
    ['midYear', 2],
    ['terminalMethod', 0.5],
    ['terminalMethod', -1],
    ['targetPriceDigits', 1.5],
  ] as const)('%s = %p', (key, raw) => {
    const error = modelError(build({ [key]: raw }));
    expect(error.code).toBe<ModelErrorCode>('OUT_OF_RANGE');
    expectNamesValueAndRange(error, key, raw, driver(key));
  });
});

describe('WACC not above terminal growth: WACC_NOT_ABOVE_GROWTH', () => {
  const base = buildModel().assumptions.scalars;
  it.each([
    ['equal', { wacc: 0.03, terminalGrowth: 0.03 }],
    ['equal, as text', { wacc: '3%', terminalGrowth: '0.03' }],
    ['below', { wacc: 0.02, terminalGrowth: 0.03 }],
    ['growth raised to the base WACC', { terminalGrowth: base.wacc.toString() }],
    ['growth raised above the base WACC', { terminalGrowth: base.wacc.plus('0.01').toString() }],
    ['WACC cut to the base growth', { wacc: base.terminalGrowth.toString() }],
    ['WACC cut below the base growth', { wacc: base.terminalGrowth.minus('0.01').toString() }],
  ] as const)('%s', (_case, overrides) => {
    const error = modelError(() => buildModel({ overrides }));
    expect(error.code).toBe<ModelErrorCode>('WACC_NOT_ABOVE_GROWTH');
    expect(error.subject).toBe('wacc');
    const set = { wacc: base.wacc, terminalGrowth: base.terminalGrowth, ...overrides };
    const pct = (v: OverrideValue | Decimal) => formatValue(findDriver('wacc')!, parsed(v.toString()));
    // In the user's words: "WACC (2.0%) must be above terminal growth (3.0%)".
    expect(error.message).toContain(
      `WACC (${pct(set.wacc)}) must be above terminal growth (${pct(set.terminalGrowth)})`,
    );
    expect(error.message).toMatch(/^WACC \(\d+\.\d+%\) must be above terminal growth \(\d+\.\d+%\)/);
  });

  it('also in a scenario: the bull case with terminal growth at its WACC', () => {
    const bullWacc = buildModel({ scenario: 'bull' }).assumptions.scalars.wacc.toString();
    const error = modelError(() => buildModel({ scenario: 'bull', overrides: { terminalGrowth: bullWacc } }));
    expect(error.code).toBe<ModelErrorCode>('WACC_NOT_ABOVE_GROWTH');
  });
});

describe('unknown assumptions and periods: UNKNOWN_ASSUMPTION', () => {
  it.each(['foo', 'WACC', 'revenue', 'revenueGrowth2027E', 'revenueGrowth.2027E.x', '', '.2027E'])(
    '%p',
    (key) => {
      const error = modelError(build({ [key]: 0.1 }));
      expect(error.code).toBe<ModelErrorCode>('UNKNOWN_ASSUMPTION');
      expect(error.subject).toBe(key);
      expect(error.message).toContain(`"${key}"`);
    },
  );

  it.each([
    ['revenueGrowth.2040E', 'revenueGrowth'],
    ['revenueGrowth.2025A', 'revenueGrowth'],
    ['revenueGrowth.2029E', 'revenueGrowth'],
    ['revenueGrowth.2027', 'revenueGrowth'],
    ['aiShare.2024A', 'aiShare'],
    ['fadeWeight.2028E', 'fadeWeight'],
  ])('%p: a period the driver has no value for; the message lists those it has', (key, id) => {
    const error = modelError(build({ [key]: 0.1 }));
    expect(error.code).toBe<ModelErrorCode>('UNKNOWN_ASSUMPTION');
    expect(error.subject).toBe(key);
    expect(error.message).toContain(`"${key}"`);
    for (const period of driverPeriods(driver(id))) expect(error.message).toContain(period);
  });

  it.each(['wacc.2027E', 'cash.2040E', 'cash.2027E', 'cash.FY25'])(
    '%p: a period where only one value exists',
    (key) => {
      const error = modelError(build({ [key]: 0.1 }));
      expect(error.code).toBe<ModelErrorCode>('UNKNOWN_ASSUMPTION');
      expect(error.subject).toBe(key);
      expect(error.message).toContain(`"${key}"`);
    },
  );
});

describe('unknown scenario: UNKNOWN_SCENARIO', () => {
  it.each(['nope', 'bullish', ''])('%p', (scenario) => {
    const error = modelError(() => buildModel({ scenario }));
    expect(error.code).toBe<ModelErrorCode>('UNKNOWN_SCENARIO');
    expect(error.subject).toBe(scenario);
    expect(error.message).toContain(`"${scenario}"`);
    for (const name of SCENARIO_NAMES) expect(error.message).toContain(name);
  });
});

describe('reading a model: UNKNOWN_LINE, UNKNOWN_PERIOD, NOT_AVAILABLE', () => {
  const model: KcModel = buildModel();

  it.each(['nope', '', 'Revenue (Rmb mn) Newest', 'revenue.2027E'])(
    'value(%p, 2027) is UNKNOWN_LINE',
    (ref) => {
      const error = modelError(() => model.value(ref, 2027));
      expect(error.code).toBe<ModelErrorCode>('UNKNOWN_LINE');
      expect(error.subject).toBe(ref);
      expect(error.message).toContain(`"${ref}"`);
    },
  );

  it('series("nope") is UNKNOWN_LINE', () => {
    expect(modelError(() => model.series('nope')).code).toBe<ModelErrorCode>('UNKNOWN_LINE');
  });

  it.each([2040, 2023, 1, '2040E', 'FY40', '12/40E', '2027X', 'abc', '', 'FY2O27'])(
    'value("revenue", %p) is UNKNOWN_PERIOD',
    (period) => {
      const error = modelError(() => model.value('revenue', period));
      expect(error.code).toBe<ModelErrorCode>('UNKNOWN_PERIOD');
      expect(error.subject).toBe(String(period));
      expect(error.message).toContain(String(period));
    },
  );

  it('a line read where it has no value is NOT_AVAILABLE, and a single-value line has no series', () => {
    const gap = LINES.find((def) => !def.scalar && model.series(def.id)[0].period !== '2024A')!;
    expect(modelError(() => model.value(gap.id, '2024A')).code).toBe<ModelErrorCode>('NOT_AVAILABLE');
    const scalar = LINES.find((def) => def.scalar)!;
    expect(modelError(() => model.series(scalar.id)).code).toBe<ModelErrorCode>('NOT_AVAILABLE');
  });
});

describe('an error leaves the memo and later builds unaffected', () => {
  const values = (model: KcModel) =>
    LINES.flatMap((def) =>
      def.scalar
        ? [`${def.id}=${model.value(def.id, 2027)}`]
        : model.series(def.id).map(({ period, value }) => `${def.id}@${period}=${value}`),
    );

  it('base values, the memoized model and the memo size are unchanged', () => {
    const base = buildModel();
    const before = values(base);
    const size = cacheStats().size;

    const bad: BuildOptions[] = [
      { overrides: { wacc: NaN } },
      { overrides: { wacc: 0.9 } },
      { overrides: { 'cashCogsRatio.2027E': 0.95, wacc: 'abc' } }, // a valid key applied before the invalid one
      { overrides: { 'revenueGrowth.2027E': 0.5, terminalGrowth: 0.2 } },
      { overrides: { 'cash.2025A': 1, 'revenueGrowth.2040E': 0.1 } },
      { overrides: { midYear: 0.5 } },
      { scenario: 'nope' },
      { scenario: 'bull', overrides: { foo: 1 } },
    ];
    for (const options of bad) {
      modelError(() => buildModel(options));
      modelError(() => buildModel(options)); // and again: nothing was memoized by the first failure
      modelError(() => buildModelUncached(options));
    }
    modelError(() => base.value('nope', 2027));
    modelError(() => base.value('revenue', 2040));

    expect(cacheStats().size).toBe(size);
    expect(buildModel()).toBe(base);
    expect(values(base)).toEqual(before);
    expect(values(buildModelUncached())).toEqual(before);
    expect(values(buildModelUncached({ scenario: 'base', overrides: {} }))).toEqual(before);
  });

  it('the scenario a failed build started from is unaffected too', () => {
    const bull = values(buildModelUncached({ scenario: 'bull' }));
    modelError(() => buildModel({ scenario: 'bull', overrides: { 'cashCogsRatio.2027E': 0.95, wacc: 2 } }));
    expect(values(buildModelUncached({ scenario: 'bull' }))).toEqual(bull);
  });
});
