import { Decimal } from './decimal';
import { EXPLICIT_PERIOD_IDS, LONG_RANGE_PERIOD_IDS, type PeriodId } from './periods';

const ACTUAL_AND_EXPLICIT: readonly PeriodId[] = ['2025A', ...EXPLICIT_PERIOD_IDS];

/** How a driver's value reads: fractions shown as %, days, Rmb mn, multiples, US$, ... */
export type Unit =
  'pct' | 'days' | 'rmbMn' | 'multiple' | 'usd' | 'rmbPerUsd' | 'mnAds' | 'flag' | 'weight' | 'digits';

/** Which columns carry a driver's values: one value, the note's forecast years, or the long-range years. */
export type DriverScope = 'scalar' | 'explicit' | 'actualAndExplicit' | 'longRange';

/** One assumption: what it is, how it is measured, what is allowed, and where its base value comes from. */
export interface DriverDef {
  id: string;
  label: string;
  unit: Unit;
  scope: DriverScope;
  /** Inclusive bounds, in the stored unit (fractions for pct). */
  min: number;
  max: number;
  /** Allowed values only (flags and switches). */
  choices?: readonly number[];
  group: DriverGroup;
  /** "note: ..." when back-solved from the note, "ours: ..." when the note leaves it open. */
  source: string;
}

export type DriverGroup =
  | 'Market and valuation'
  | 'Revenue'
  | 'Costs and margins'
  | 'Below EBIT'
  | 'Shares and dividends'
  | 'Working capital'
  | 'Fixed assets'
  | 'Financing'
  | 'Long-range fade';

const d = (
  id: string,
  label: string,
  unit: Unit,
  scope: DriverScope,
  [min, max]: [number, number],
  group: DriverGroup,
  source: string,
  choices?: readonly number[],
): DriverDef => ({ id, label, unit, scope, min, max, group, source, ...(choices ? { choices } : {}) });

const PCT: [number, number] = [-1, 1];
const SHARE: [number, number] = [0, 1];
const LEVEL: [number, number] = [-100_000, 100_000];

/** Every driver of the model. Ids are stable: the CLI's --set, the functions' assumptions range and the workbook's names use them. */
export const DRIVERS: readonly DriverDef[] = [
  // Market and valuation
  d(
    'price',
    'ADS price (US$)',
    'usd',
    'scalar',
    [0.01, 10_000],
    'Market and valuation',
    'note: price US$13.03 at the 26 May 2026 close',
  ),
  d(
    'fxRate',
    'Rmb per US$',
    'rmbPerUsd',
    'scalar',
    [1, 20],
    'Market and valuation',
    'note: implied by P/B, FCF yield and EV/EBITDA (feasible 6.7732-6.7760); midpoint',
  ),
  d(
    'adsOutstanding',
    'ADS outstanding at the price date (mn)',
    'mnAds',
    'scalar',
    [1, 10_000],
    'Market and valuation',
    'note: 12/26E ADS count, used for 12/25 market value and the DCF per-ADS value',
  ),
  d('wacc', 'WACC', 'pct', 'scalar', [0.01, 0.5], 'Market and valuation', 'note: 10.3% WACC'),
  d(
    'terminalGrowth',
    'Terminal growth',
    'pct',
    'scalar',
    [-0.05, 0.2],
    'Market and valuation',
    'note: 3% terminal growth',
  ),
  d(
    'midYear',
    'Mid-year discounting (1 = on)',
    'flag',
    'scalar',
    [0, 1],
    'Market and valuation',
    'ours: off, as that reproduces the note',
    [0, 1],
  ),
  d(
    'terminalMethod',
    'Terminal value (0 = Gordon growth, 1 = exit multiple)',
    'flag',
    'scalar',
    [0, 1],
    'Market and valuation',
    'note: Gordon growth at 3%',
    [0, 1],
  ),
  d(
    'exitMultiple',
    'Exit EV/EBITDA on 12/35E adj. EBITDA (x)',
    'multiple',
    'scalar',
    [0, 100],
    'Market and valuation',
    'ours: 8.0x, used only when terminalMethod = 1',
  ),
  d(
    'targetPriceDigits',
    'Target price rounding (decimals)',
    'digits',
    'scalar',
    [0, 4],
    'Market and valuation',
    'note: the target price is published to US$0.1',
    [0, 1, 2, 3, 4],
  ),
  d(
    'interestIncomeYield',
    'Interest income on closing cash (for interest cover)',
    'pct',
    'scalar',
    [0, 0.2],
    'Market and valuation',
    'note: 1% reproduces the published interest cover',
  ),
  d(
    'daysInYear',
    'Days in a year',
    'days',
    'scalar',
    [360, 366],
    'Working capital',
    'note: 365 reproduces receivable and payable days',
  ),

  // Revenue
  d('revenueGrowth', 'Revenue growth', 'pct', 'explicit', PCT, 'Revenue', 'note: total revenue growth'),
  d(
    'aiShare',
    'AI-related share of revenue',
    'pct',
    'actualAndExplicit',
    SHARE,
    'Revenue',
    'note: 31% of 12/25 revenue to 56% in 12/28E; ours: straight line between',
  ),
  d(
    'ecosystemShare',
    'Xiaomi/Kingsoft ecosystem share of revenue',
    'pct',
    'actualAndExplicit',
    SHARE,
    'Revenue',
    'note: 27% of 12/25 revenue to 40% in 12/28E; ours: straight line between',
  ),
  d(
    'revenueOld',
    'Revenue, prior estimate (Rmb mn)',
    'rmbMn',
    'explicit',
    [0, 1_000_000],
    'Revenue',
    'note: Revenue (Rmb mn) Old',
  ),

  // Costs and margins
  d('cogsRatio', 'COGS / revenue', 'pct', 'explicit', [0, 2], 'Costs and margins', 'note: COGS / revenue'),
  d('sgaRatio', 'SG&A / revenue', 'pct', 'explicit', [0, 2], 'Costs and margins', 'note: SG&A / revenue'),
  d('rndRatio', 'R&D / revenue', 'pct', 'explicit', [0, 2], 'Costs and margins', 'note: R&D / revenue'),
  d(
    'daRatio',
    'D&A / revenue',
    'pct',
    'explicit',
    [0, 2],
    'Costs and margins',
    'note: D&A / revenue (D&A sits inside the cost lines)',
  ),
  d(
    'ebitAddBack',
    'Add-back in EBIT (Rmb mn)',
    'rmbMn',
    'explicit',
    LEVEL,
    'Costs and margins',
    'note: EBIT less operating profit, 173.8 in every year (share-based compensation-like)',
  ),
  d(
    'unlabelledItem',
    'Unlabelled operating item (Rmb mn)',
    'rmbMn',
    'explicit',
    LEVEL,
    'Costs and margins',
    'note: income-statement EBITDA less operating profit and D&A (see docs/reconciliation.md)',
  ),

  // Below EBIT
  d(
    'netInterestRate',
    'Net interest / average gross debt',
    'pct',
    'explicit',
    [-0.5, 0.5],
    'Below EBIT',
    'note: net interest / average short- and long-term debt',
  ),
  d(
    'taxRate',
    'Tax rate on positive pre-tax profit',
    'pct',
    'explicit',
    SHARE,
    'Below EBIT',
    'ours: 15% (high-tech enterprise rate); pre-tax profit is negative to 12/28E',
  ),
  d(
    'taxAdjustment',
    'Other tax (Rmb mn)',
    'rmbMn',
    'explicit',
    LEVEL,
    'Below EBIT',
    'note: provision for taxes with a loss before tax',
  ),
  d(
    'minorityInterest',
    'Minority interest (Rmb mn)',
    'rmbMn',
    'explicit',
    LEVEL,
    'Below EBIT',
    'note: income-statement minority interest',
  ),
  d(
    'exceptionalsRatio',
    'Post-tax exceptionals / revenue (a cost)',
    'pct',
    'explicit',
    PCT,
    'Below EBIT',
    'note: post-tax exceptionals / revenue',
  ),
  d(
    'nonCashExceptionalsShare',
    'Non-cash share of exceptionals',
    'pct',
    'explicit',
    [0, 2],
    'Below EBIT',
    'note: other operating cash flow / exceptionals',
  ),

  // Shares and dividends
  d(
    'adsGrowth',
    'Growth of weighted average ADS',
    'pct',
    'explicit',
    [-0.5, 1],
    'Shares and dividends',
    'note: 273.63mn (12/25) to 305.97mn (12/26E), then +1.0% a year',
  ),
  d(
    'payoutRatio',
    'Dividend payout of positive net income',
    'pct',
    'explicit',
    SHARE,
    'Shares and dividends',
    'note: no dividend',
  ),
  d(
    'epsOld',
    'EPS, prior estimate (Rmb)',
    'rmbMn',
    'explicit',
    [-1_000, 1_000],
    'Shares and dividends',
    'note: EPS (Rmb) Old',
  ),

  // Working capital
  d(
    'receivableDays',
    'Receivable days (closing receivables / revenue x 365)',
    'days',
    'explicit',
    [0, 365],
    'Working capital',
    'note: closing accounts receivable',
  ),
  d(
    'payableDays',
    'Payable days (closing payables / COGS x 365)',
    'days',
    'explicit',
    [0, 365],
    'Working capital',
    'note: closing accounts payable',
  ),
  d(
    'otherCurrentAssetsRatio',
    'Other current assets / revenue',
    'pct',
    'explicit',
    [0, 2],
    'Working capital',
    'note: other current assets',
  ),
  d(
    'otherCurrentLiabilitiesRatio',
    'Other current liabilities / revenue',
    'pct',
    'explicit',
    [0, 2],
    'Working capital',
    'note: other current liabilities',
  ),
  d(
    'otherLongTermLiabilitiesRatio',
    'Other long-term liabilities / revenue',
    'pct',
    'explicit',
    [0, 2],
    'Working capital',
    'note: other long-term liabilities (they move with working capital in the cash flow)',
  ),

  // Fixed assets
  d(
    'capexRatio',
    'Capex / revenue',
    'pct',
    'explicit',
    [0, 3],
    'Fixed assets',
    'note: capital expenditures (+10% a year in 12/27E-28E)',
  ),
  d(
    'intangiblesAmortizationRate',
    'Amortization / opening net intangibles',
    'pct',
    'explicit',
    SHARE,
    'Fixed assets',
    'note: fall in net intangibles',
  ),

  // Financing
  d(
    'shortTermDebtIssuance',
    'Short-term debt raised (Rmb mn)',
    'rmbMn',
    'explicit',
    LEVEL,
    'Financing',
    'note: change in short-term debt',
  ),
  d(
    'longTermDebtIssuance',
    'Long-term debt raised (Rmb mn)',
    'rmbMn',
    'explicit',
    LEVEL,
    'Financing',
    'note: change in long-term debt',
  ),
  d(
    'otherFinancing',
    'Other financing cash flows (Rmb mn)',
    'rmbMn',
    'explicit',
    LEVEL,
    'Financing',
    'note: 0.1 in 12/26E, booked to equity (see docs/reconciliation.md)',
  ),
  d(
    'debtLikeShare',
    'Debt-like share of other long-term liabilities',
    'pct',
    'explicit',
    SHARE,
    'Financing',
    'note: adjusted net debt less debt less cash, over other long-term liabilities',
  ),

  // Long-range fade
  d(
    'fadeWeight',
    'Share of the gap to the terminal value closed in the year',
    'weight',
    'longRange',
    SHARE,
    'Long-range fade',
    'ours: 1/(years left to 12/35E), a straight-line fade that lands on the terminal value in 12/35E',
  ),
  d(
    'cogsRatioTerminal',
    'COGS / revenue in 12/35E',
    'pct',
    'scalar',
    [0, 2],
    'Long-range fade',
    'ours: gross margin widens as D&A intensity falls',
  ),
  d(
    'sgaRatioTerminal',
    'SG&A / revenue in 12/35E',
    'pct',
    'scalar',
    [0, 2],
    'Long-range fade',
    'ours: operating leverage',
  ),
  d(
    'rndRatioTerminal',
    'R&D / revenue in 12/35E',
    'pct',
    'scalar',
    [0, 2],
    'Long-range fade',
    'ours: operating leverage',
  ),
  d(
    'daRatioTerminal',
    'D&A / revenue in 12/35E',
    'pct',
    'scalar',
    [0, 2],
    'Long-range fade',
    'ours: D&A intensity falls towards capex intensity',
  ),
  d(
    'capexRatioTerminal',
    'Capex / revenue in 12/35E',
    'pct',
    'scalar',
    [0, 3],
    'Long-range fade',
    "ours: calibrated so that the base case gives the note's US$19.5 target price",
  ),
];

const BY_ID = new Map(DRIVERS.map((def) => [def.id, def]));

/** The driver with this id, or undefined. */
export function findDriver(id: string): DriverDef | undefined {
  return BY_ID.get(id);
}

/** The periods that carry values for a driver (empty for scalars). */
export function driverPeriods(def: DriverDef): readonly PeriodId[] {
  switch (def.scope) {
    case 'explicit':
      return EXPLICIT_PERIOD_IDS;
    case 'actualAndExplicit':
      return ACTUAL_AND_EXPLICIT;
    case 'longRange':
      return LONG_RANGE_PERIOD_IDS;
    case 'scalar':
      return [];
  }
}

/** A complete set of driver values and line inputs (actuals and opening comparatives). */
export interface AssumptionSet {
  /** Scalar drivers by id. */
  scalars: Record<string, Decimal>;
  /** Per-period drivers by id and period. */
  series: Record<string, Partial<Record<PeriodId, Decimal>>>;
  /** Actual (12/25) and opening (12/24) inputs by line id and period. */
  inputs: Record<string, Partial<Record<PeriodId, Decimal>>>;
}

/** record[key] when it is the record's own property: "constructor" or "__proto__" read as absent, not as Object's. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A driver or input value for a key such as "wacc", "revenueGrowth.2027E" or "cash.2025A". */
export function readAssumption(set: AssumptionSet, id: string, period?: PeriodId): Decimal | undefined {
  if (period === undefined) return ownValue(set.scalars, id);
  return ownValue(ownValue(set.series, id) ?? {}, period) ?? ownValue(ownValue(set.inputs, id) ?? {}, period);
}
