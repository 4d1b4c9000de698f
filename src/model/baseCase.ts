import { driverPeriods, DRIVERS, type AssumptionSet, type BaseInputs } from './assumptions';
import { Decimal } from './decimal';
import { evaluateAll, valueAt, type Values } from './evaluate';
import { PERIODS, type PeriodId } from './periods';

/**
 * The note's published figures that the base case is back-solved from (Rmb mn unless stated), by period:
 * 12/24 (opening comparatives, themselves back-solved from the note's 12/25 growth and return ratios), 12/25,
 * 12/26E, 12/27E, 12/28E. Only anchors live here; every forecast line is recomputed from the drivers derived below.
 */
const ANCHORS: Record<string, Partial<Record<PeriodId, string>>> = {
  revenue: {
    '2024A': '7783.9',
    '2025A': '9558.6',
    '2026E': '12506.7',
    '2027E': '15707.7',
    '2028E': '19050.9',
  },
  cogs: { '2025A': '-8016.9', '2026E': '-10718.3', '2027E': '-13433.0', '2028E': '-16230.7' },
  sga: { '2025A': '-1114.8', '2026E': '-1147.3', '2027E': '-1235.6', '2028E': '-1335.8' },
  rnd: { '2025A': '-752.9', '2026E': '-774.6', '2027E': '-851.3', '2028E': '-962.7' },
  da: { '2025A': '-2480.4', '2026E': '-3918.3', '2027E': '-5294.3', '2028E': '-6782.4' },
  ebitAddBack: { '2025A': '173.8', '2026E': '173.8', '2027E': '173.8', '2028E': '173.8' },
  unlabelledItem: { '2025A': '7.6', '2026E': '-6.9', '2027E': '0', '2028E': '0' },
  netInterest: { '2025A': '-417.2', '2026E': '-509.2', '2027E': '-590.9', '2028E': '-709.3' },
  tax: { '2025A': '4.2', '2026E': '-5.1', '2027E': '0', '2028E': '0' },
  minorityInterest: { '2025A': '0', '2026E': '-0.1', '2027E': '0', '2028E': '0' },
  exceptionals: { '2025A': '-204.9', '2026E': '-296.8', '2027E': '-306.4', '2028E': '-363.4' },
  otherOperatingCashFlow: { '2025A': '503.6', '2026E': '252.7', '2027E': '306.4', '2028E': '363.4' },
  ads: { '2025A': '273.63', '2026E': '305.97' },
  cash: { '2025A': '6117.2', '2026E': '4398.7', '2027E': '3296.6', '2028E': '3602.4' },
  accountsReceivable: {
    '2024A': '1469.5',
    '2025A': '1740.5',
    '2026E': '2047.3',
    '2027E': '2365.6',
    '2028E': '2882.1',
  },
  otherCurrentAssets: { '2025A': '3165.7', '2026E': '3795.6', '2027E': '4418.0', '2028E': '5003.1' },
  netPpe: { '2025A': '10193.3' },
  netIntangibles: { '2025A': '5138.5', '2026E': '5018.9', '2027E': '4909.3', '2028E': '4836.2' },
  totalInvestments: { '2025A': '234.2' },
  otherLongTermAssets: { '2025A': '139.8' },
  accountsPayable: {
    '2024A': '1877.3',
    '2025A': '2014.5',
    '2026E': '2988.2',
    '2027E': '3279.3',
    '2028E': '3935.5',
  },
  shortTermDebt: { '2025A': '3348.3', '2026E': '3348.3', '2027E': '3348.3', '2028E': '3848.3' },
  shortTermLeases: { '2025A': '40.9' },
  otherCurrentLiabilities: { '2025A': '4017.7', '2026E': '4589.9', '2027E': '5084.5', '2028E': '5581.3' },
  longTermDebt: { '2025A': '3023.5', '2026E': '3023.5', '2027E': '4523.5', '2028E': '6023.5' },
  longTermLeases: { '2025A': '51.1' },
  otherLongTermLiabilities: { '2025A': '4920.1', '2026E': '7772.8', '2027E': '9674.4', '2028E': '11498.2' },
  commonEquity: { '2024A': '5166.0', '2025A': '9317.0' },
  minorityInterestBs: { '2025A': '-4.0' },
  netDebtAdjusted: { '2025A': '2714.6', '2026E': '5885.8', '2027E': '9989.6', '2028E': '13107.6' },
  cfNetIncome: { '2025A': '-943.7' },
  workingCapital: { '2025A': '1760.7' },
  capex: { '2025A': '-4742.4', '2026E': '-8400.0', '2027E': '-9240.0', '2028E': '-10164.0' },
  otherInvesting: { '2025A': '212.6' },
  debtChange: { '2025A': '1357.3' },
  otherFinancingCashFlow: { '2025A': '2758.5', '2026E': '0.1', '2027E': '0', '2028E': '0' },
  grossCashInvested: { '2024A': '13058.0', '2025A': '22049.1' },
  capitalEmployed: { '2024A': '6661.6' },
  ebitdaAdjusted: { '2024A': '831.8' },
  epsBasicPre: { '2024A': '-3.3835' },
  revenueOld: { '2025A': '9558.6', '2026E': '12410.5', '2027E': '15584.6', '2028E': '18448.1' },
  epsOld: { '2025A': '-2.67', '2026E': '-2.26', '2027E': '-2.38', '2028E': '-1.91' },
};

/**
 * Unpublished decimals: where the rounded figures cannot all be reproduced at once, the base case takes an
 * unrounded value inside the published figure's rounding interval (never more than 0.05 away). Each entry is
 * "anchor.period": offset added to the published figure. docs/reconciliation.md lists them with the reason.
 */
export const CALIBRATION: Readonly<Record<string, string>> = {
  'accountsPayable.2025A': '-0.020',
  'accountsPayable.2026E': '0.006',
  'accountsPayable.2027E': '0.044',
  'accountsReceivable.2025A': '0.020',
  'accountsReceivable.2026E': '0.012',
  'accountsReceivable.2027E': '-0.004',
  'accountsReceivable.2028E': '0.047',
  'capex.2025A': '0.045',
  'capex.2026E': '0.024',
  'capex.2027E': '-0.015',
  'capex.2028E': '-0.012',
  'cash.2025A': '-0.040',
  'cogs.2025A': '-0.025',
  'cogs.2026E': '-0.044',
  'cogs.2027E': '-0.001',
  'cogs.2028E': '-0.042',
  'commonEquity.2025A': '-0.003',
  'da.2025A': '0.002',
  'da.2027E': '0.004',
  'da.2028E': '0.004',
  'ebitAddBack.2025A': '0.016',
  'exceptionals.2026E': '0.037',
  'exceptionals.2028E': '0.018',
  'grossCashInvested.2025A': '0.042',
  'longTermDebt.2025A': '0.024',
  'longTermDebt.2026E': '0.020',
  'longTermDebt.2027E': '0.022',
  'longTermLeases.2025A': '0.046',
  'minorityInterest.2026E': '0.033',
  'minorityInterestBs.2025A': '0.045',
  'netInterest.2026E': '0.018',
  'netInterest.2027E': '-0.002',
  'netInterest.2028E': '0.002',
  'netPpe.2025A': '-0.006',
  'otherCurrentAssets.2025A': '0.030',
  'otherCurrentAssets.2026E': '-0.006',
  'otherCurrentAssets.2027E': '-0.010',
  'otherCurrentAssets.2028E': '0.044',
  'otherCurrentLiabilities.2025A': '-0.035',
  'otherCurrentLiabilities.2026E': '-0.005',
  'otherCurrentLiabilities.2027E': '0.008',
  'otherCurrentLiabilities.2028E': '0.002',
  'otherFinancingCashFlow.2026E': '-0.015',
  'otherInvesting.2025A': '0.006',
  'otherLongTermAssets.2025A': '-0.002',
  'otherLongTermLiabilities.2025A': '0.045',
  'otherLongTermLiabilities.2026E': '-0.015',
  'otherLongTermLiabilities.2027E': '0.010',
  'otherLongTermLiabilities.2028E': '0.014',
  'otherOperatingCashFlow.2025A': '0.008',
  'otherOperatingCashFlow.2026E': '-0.042',
  'revenue.2025A': '-0.040',
  'revenue.2026E': '0.002',
  'revenue.2027E': '-0.041',
  'sga.2026E': '0.002',
  'sga.2028E': '-0.010',
  'shortTermDebt.2025A': '-0.025',
  'shortTermLeases.2025A': '0.025',
  'tax.2026E': '0.040',
  'unlabelledItem.2025A': '0.017',
};

/** Lines whose 12/25 (and 12/24) values are inputs: they equal the anchors. */
const ACTUAL_INPUTS = [
  'revenue',
  'cogs',
  'sga',
  'rnd',
  'da',
  'ebitAddBack',
  'unlabelledItem',
  'netInterest',
  'tax',
  'minorityInterest',
  'exceptionals',
  'ads',
  'cash',
  'accountsReceivable',
  'otherCurrentAssets',
  'netPpe',
  'netIntangibles',
  'totalInvestments',
  'otherLongTermAssets',
  'accountsPayable',
  'shortTermDebt',
  'shortTermLeases',
  'otherCurrentLiabilities',
  'longTermDebt',
  'longTermLeases',
  'otherLongTermLiabilities',
  'commonEquity',
  'minorityInterestBs',
  'cfNetIncome',
  'workingCapital',
  'otherOperatingCashFlow',
  'capex',
  'otherInvesting',
  'debtChange',
  'otherFinancingCashFlow',
  'grossCashInvested',
  'capitalEmployed',
  'ebitdaAdjusted',
  'epsBasicPre',
  'epsOld',
];
/** Lines whose 12/25 value the note prints as "--" or 0.0, or that the note does not have (the revolver): zero inputs. */
const ZERO_ACTUALS = [
  'otherOperating',
  'associates',
  'preferredDividends',
  'dividends',
  'inventory',
  'preferredShares',
  'minorityAddBack',
  'acquisitions',
  'divestitures',
  'leaseRepayment',
  'dividendsPaid',
  'revolver',
];
const ZERO_OPENING = ['inventory', 'dps'];

/** Every anchor key ("cogs.2026E"), for the calibration script. */
export const ANCHOR_KEYS: readonly string[] = Object.entries(ANCHORS).flatMap(([id, byPeriod]) =>
  Object.keys(byPeriod).map((period) => `${id}.${period}`),
);

type Anchor = (id: string, period: PeriodId) => Decimal;

function lineInputs(anchor: Anchor): AssumptionSet['inputs'] {
  const inputs: AssumptionSet['inputs'] = {};
  for (const id of ACTUAL_INPUTS) {
    inputs[id] = {};
    for (const period of ['2024A', '2025A'] as PeriodId[]) {
      if (ANCHORS[id][period] !== undefined) inputs[id][period] = anchor(id, period);
    }
  }
  for (const id of ZERO_ACTUALS) inputs[id] = { ...inputs[id], '2025A': new Decimal(0) };
  for (const id of ZERO_OPENING) inputs[id] = { ...inputs[id], '2024A': new Decimal(0) };
  // The prior estimate of a reported year is the reported figure itself, unpublished decimals included.
  inputs.revenueOld = { '2025A': anchor('revenue', '2025A') };
  return inputs;
}

/**
 * Drivers whose rule reads the model's own opening balances (interest on opening cash and debt, depreciation on
 * opening PP&E) are solved year by year: each pass evaluates the model and re-derives the drivers, and a year's
 * driver only reads earlier years, so after one pass per forecast year every driver is exact.
 */
const PASSES = 4;

/** The base case: every driver back-solved from the note by its record's rule, plus the calibration (default: CALIBRATION). */
export function baseCase(calibration: Readonly<Record<string, string>> = CALIBRATION): AssumptionSet {
  const anchor: Anchor = (id, period) => {
    const published = ANCHORS[id]?.[period];
    if (published === undefined) throw new Error(`No anchor ${id}.${period}`);
    return new Decimal(published).plus(calibration[`${id}.${period}`] ?? 0);
  };
  const inputs = lineInputs(anchor);
  let values: Values | undefined;
  let set: AssumptionSet = { scalars: {}, series: {}, inputs };
  for (let pass = 0; pass < PASSES; pass++) {
    const building: AssumptionSet = { scalars: {}, series: {}, inputs };
    const b: BaseInputs = {
      anchor,
      // Before the first evaluation a model value falls back to the anchor (or 1); the next pass corrects it.
      model: (id, period) => {
        const value =
          values &&
          valueAt(
            values,
            id,
            PERIODS.findIndex((p) => p.id === period),
          );
        if (value) return value;
        return ANCHORS[id]?.[period] !== undefined ? anchor(id, period) : new Decimal(1);
      },
      // Records are ordered so that a driver another rule reads is set first.
      driver: (id, period) => {
        const value = period ? building.series[id]?.[period] : building.scalars[id];
        if (!value) throw new Error(`Driver ${id} is read before its base value is set`);
        return value;
      },
    };
    for (const def of DRIVERS) {
      const rule = def.base;
      const value = (period?: PeriodId) => (typeof rule === 'string' ? new Decimal(rule) : rule(b, period));
      if (def.scope === 'scalar') building.scalars[def.id] = value();
      else building.series[def.id] = Object.fromEntries(driverPeriods(def).map((p) => [p, value(p)]));
    }
    set = building;
    values = evaluateAll(set);
  }
  return set;
}
