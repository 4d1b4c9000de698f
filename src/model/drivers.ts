/**
 * Every driver of the model, one record each: id, label, unit, allowed range, group, source, base-case rule and
 * long-range rule. Ids are stable: the CLI's --set, the functions' assumptions ranges and the workbook's names
 * use them. Adding a driver: add its record here, then read it from the statement module that needs it.
 */
import type {
  BaseInputs,
  DriverDef,
  DriverGroup,
  DriverScope,
  LongRangeRule,
  Unit,
  ValueGroup,
} from './assumptions';
import { Decimal } from './decimal';
import { EXPLICIT_PERIOD_IDS, LONG_RANGE_PERIOD_IDS, PERIOD_IDS, type PeriodId } from './periods';

const PCT: [number, number] = [-1, 1];
const SHARE: [number, number] = [0, 1];
const RATIO: [number, number] = [0, 2];
const LEVEL: [number, number] = [-100_000, 100_000];

interface Spec {
  label: string;
  unit: Unit;
  scope: DriverScope;
  range: [number, number];
  group: DriverGroup;
  valueGroup: ValueGroup;
  source: string;
  base: DriverDef['base'];
  longRange?: LongRangeRule;
  line?: boolean;
  choices?: readonly number[];
}

const d = (id: string, s: Spec): DriverDef => ({
  id,
  label: s.label,
  unit: s.unit,
  scope: s.scope,
  min: s.range[0],
  max: s.range[1],
  group: s.group,
  valueGroup: s.valueGroup,
  source: s.source,
  base: s.base,
  ...(s.longRange ? { longRange: s.longRange } : {}),
  ...(s.line === false ? { line: false } : {}),
  ...(s.choices ? { choices: s.choices } : {}),
});

const prev = (t: PeriodId | undefined): PeriodId => PERIOD_IDS[PERIOD_IDS.indexOf(t!) - 1];
const D = (v: string | number) => new Decimal(v);
/** A per-year level read straight from one anchor line. */
const level = (anchorId: string) => (b: BaseInputs, t?: PeriodId) => b.anchor(anchorId, t!);
/** A per-year share of revenue back-solved from one anchor line (sign -1 for cost lines printed negative). */
const ofRevenue =
  (anchorId: string, sign = 1) =>
  (b: BaseInputs, t?: PeriodId) =>
    b.anchor(anchorId, t!).times(sign).div(b.anchor('revenue', t!));
/** A straight line from the 12/25 share to the 12/28E share (the note gives only the two ends). */
const straightLine = (from: string, to: string) => (_b: BaseInputs, t?: PeriodId) => {
  const steps = EXPLICIT_PERIOD_IDS.length;
  const i = ['2025A', ...EXPLICIT_PERIOD_IDS].indexOf(t!);
  return D(from).plus(D(to).minus(from).times(i).div(steps));
};
/** Amortization of intangibles in a year: the fall in net intangibles. */
const amortization = (b: BaseInputs, t: PeriodId) =>
  b.anchor('netIntangibles', prev(t)).minus(b.anchor('netIntangibles', t));

/** Every driver, grouped as the Assumptions sheet and `kc-model assumptions` show them. */
export const DRIVERS: readonly DriverDef[] = [
  // Market and valuation
  d('price', {
    label: 'ADS price (US$)',
    unit: 'usd',
    scope: 'scalar',
    range: [0.01, 10_000],
    group: 'Market and valuation',
    valueGroup: 'financing',
    source: 'note: price US$13.03 at the 26 May 2026 close',
    base: '13.03',
  }),
  d('fxRate', {
    label: 'Rmb per US$',
    unit: 'rmbPerUsd',
    scope: 'scalar',
    range: [1, 20],
    group: 'Market and valuation',
    valueGroup: 'financing',
    source: 'note: implied by P/B, FCF yield and EV/EBITDA (feasible 6.7732-6.7760); midpoint',
    base: '6.7746',
  }),
  d('adsOutstanding', {
    label: 'ADS outstanding at the price date (mn)',
    unit: 'mnAds',
    scope: 'scalar',
    range: [1, 10_000],
    group: 'Market and valuation',
    valueGroup: 'financing',
    source: 'note: 12/26E ADS count, used for 12/25 market value and the DCF per-ADS value',
    base: (b) => b.anchor('ads', '2026E'),
  }),
  d('wacc', {
    label: 'WACC',
    unit: 'pct',
    scope: 'scalar',
    range: [0.01, 0.5],
    group: 'Market and valuation',
    valueGroup: 'wacc',
    source: 'note: 10.3% WACC',
    base: '0.103',
  }),
  d('terminalGrowth', {
    label: 'Terminal growth',
    unit: 'pct',
    scope: 'scalar',
    range: [-0.05, 0.2],
    group: 'Market and valuation',
    valueGroup: 'terminal',
    source: 'note: 3% terminal growth',
    base: '0.03',
  }),
  d('midYear', {
    label: 'Mid-year discounting (1 = on)',
    unit: 'flag',
    scope: 'scalar',
    range: [0, 1],
    choices: [0, 1],
    group: 'Market and valuation',
    valueGroup: 'wacc',
    source: 'ours: off, as that reproduces the note',
    base: '0',
  }),
  d('terminalMethod', {
    label: 'Terminal value (0 = Gordon growth, 1 = exit multiple)',
    unit: 'flag',
    scope: 'scalar',
    range: [0, 1],
    choices: [0, 1],
    group: 'Market and valuation',
    valueGroup: 'terminal',
    source: 'note: Gordon growth at 3%',
    base: '0',
  }),
  d('exitMultiple', {
    label: 'Exit EV/EBITDA on 12/35E adj. EBITDA (x)',
    unit: 'multiple',
    scope: 'scalar',
    range: [0, 100],
    group: 'Market and valuation',
    valueGroup: 'terminal',
    source: 'ours: 8.0x, used only when terminalMethod = 1',
    base: '8',
  }),
  d('targetPriceDigits', {
    label: 'Target price rounding (decimals)',
    unit: 'digits',
    scope: 'scalar',
    range: [0, 4],
    choices: [0, 1, 2, 3, 4],
    group: 'Market and valuation',
    valueGroup: 'financing',
    source: 'note: the target price is published to US$0.1',
    base: '1',
  }),

  // Revenue
  d('revenueGrowth', {
    label: 'Revenue growth',
    unit: 'pct',
    scope: 'explicit',
    range: PCT,
    group: 'Revenue',
    valueGroup: 'revenue',
    source: 'note: total revenue growth; ours: fades to terminal growth by 12/34E',
    base: (b, t) =>
      b
        .anchor('revenue', t!)
        .div(b.anchor('revenue', prev(t)))
        .minus(1),
    longRange: { fade: 'terminalGrowth' },
  }),
  d('aiShare', {
    label: 'AI-related share of revenue',
    unit: 'pct',
    scope: 'actualAndExplicit',
    range: SHARE,
    group: 'Revenue',
    valueGroup: 'revenue',
    source: 'note: 31% of 12/25 revenue to 56% in 12/28E; ours: straight line between, held after',
    base: straightLine('0.31', '0.56'),
    longRange: 'hold',
  }),
  d('ecosystemShare', {
    label: 'Xiaomi/Kingsoft ecosystem share of revenue',
    unit: 'pct',
    scope: 'actualAndExplicit',
    range: SHARE,
    group: 'Revenue',
    valueGroup: 'revenue',
    source: 'note: 27% of 12/25 revenue to 40% in 12/28E; ours: straight line between, held after',
    base: straightLine('0.27', '0.40'),
    longRange: 'hold',
  }),
  d('revenueOld', {
    label: 'Revenue, prior estimate (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: [0, 1_000_000],
    group: 'Revenue',
    valueGroup: 'revenue',
    source: 'note: Revenue (Rmb mn) Old',
    base: level('revenueOld'),
    line: false,
  }),

  // Costs and margins (cash costs: all D&A is allocated to COGS, see docs/reconciliation.md)
  d('cashCogsRatio', {
    label: 'Cash COGS / revenue (COGS excl. D&A)',
    unit: 'pct',
    scope: 'explicit',
    range: RATIO,
    group: 'Costs and margins',
    valueGroup: 'margins',
    source: 'note: (COGS less D&A) / revenue; all D&A sits in COGS',
    base: (b, t) => b.anchor('cogs', t!).negated().plus(b.anchor('da', t!)).div(b.anchor('revenue', t!)),
    longRange: { fade: 'cashCogsRatioTerminal' },
  }),
  d('sgaRatio', {
    label: 'SG&A / revenue (cash)',
    unit: 'pct',
    scope: 'explicit',
    range: RATIO,
    group: 'Costs and margins',
    valueGroup: 'margins',
    source: 'note: SG&A / revenue',
    base: ofRevenue('sga', -1),
    longRange: { fade: 'sgaRatioTerminal' },
  }),
  d('rndRatio', {
    label: 'R&D / revenue (cash)',
    unit: 'pct',
    scope: 'explicit',
    range: RATIO,
    group: 'Costs and margins',
    valueGroup: 'margins',
    source: 'note: R&D / revenue',
    base: ofRevenue('rnd', -1),
    longRange: { fade: 'rndRatioTerminal' },
  }),
  d('ebitAddBack', {
    label: 'Add-back in EBIT (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: LEVEL,
    group: 'Costs and margins',
    valueGroup: 'margins',
    source:
      'note: EBIT less operating profit, 173.8 in every year (share-based compensation-like); held after',
    base: level('ebitAddBack'),
    longRange: 'hold',
    line: false,
  }),
  d('unlabelledItem', {
    label: 'Unlabelled operating item (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: LEVEL,
    group: 'Costs and margins',
    valueGroup: 'margins',
    source:
      'note: income-statement EBITDA less operating profit and D&A (see docs/reconciliation.md); none after',
    base: level('unlabelledItem'),
    longRange: 'zero',
    line: false,
  }),
  d('exceptionalsRatio', {
    label: 'Post-tax exceptionals / revenue (a cost)',
    unit: 'pct',
    scope: 'explicit',
    range: PCT,
    group: 'Costs and margins',
    valueGroup: 'margins',
    source: 'note: post-tax exceptionals / revenue',
    base: ofRevenue('exceptionals', -1),
    longRange: 'hold',
  }),
  d('nonCashExceptionalsShare', {
    label: 'Non-cash share of exceptionals',
    unit: 'pct',
    scope: 'explicit',
    range: RATIO,
    group: 'Costs and margins',
    valueGroup: 'margins',
    source: 'note: other operating cash flow / exceptionals',
    base: (b, t) => b.anchor('otherOperatingCashFlow', t!).div(b.anchor('exceptionals', t!).negated()),
    longRange: 'hold',
  }),

  // Fixed assets and D&A
  d('capexRatio', {
    label: 'Capex / revenue',
    unit: 'pct',
    scope: 'explicit',
    range: [0, 3],
    group: 'Fixed assets and D&A',
    valueGroup: 'capex',
    source:
      'note: capital expenditures (+10% a year in 12/27E-28E); after 12/28E capex follows the fixed-asset intensity',
    base: ofRevenue('capex', -1),
    line: false,
  }),
  d('depreciationRate', {
    label: 'Depreciation / (opening net PP&E + half the year’s capex)',
    unit: 'pct',
    scope: 'explicit',
    range: SHARE,
    group: 'Fixed assets and D&A',
    valueGroup: 'capex',
    source: 'note: back-solved so that D&A (less the fall in net intangibles) reproduces; held after 12/28E',
    base: (b, t) => {
      const depreciation = b.anchor('da', t!).negated().minus(amortization(b, t!));
      const capex = b.anchor('capex', t!).negated();
      return depreciation.div(b.model('netPpe', prev(t)).plus(capex.div(2)));
    },
    longRange: 'hold',
  }),
  d('intangiblesAmortizationRate', {
    label: 'Amortization / opening net intangibles',
    unit: 'pct',
    scope: 'explicit',
    range: SHARE,
    group: 'Fixed assets and D&A',
    valueGroup: 'capex',
    source: 'note: fall in net intangibles; held after 12/28E',
    base: (b, t) => amortization(b, t!).div(b.anchor('netIntangibles', prev(t))),
    longRange: 'hold',
  }),
  d('fixedAssetIntensityTerminal', {
    label: 'Net fixed assets / revenue from 12/34E (x)',
    unit: 'multiple',
    scope: 'scalar',
    range: [0, 10],
    group: 'Fixed assets and D&A',
    valueGroup: 'capex',
    source:
      "ours: capital intensity the long range fades to (12/28E: 1.42x); calibrated so that the base case gives the note's US$19.5",
    base: '0.653',
  }),

  // Working capital
  d('daysInYear', {
    label: 'Days in a year',
    unit: 'days',
    scope: 'scalar',
    range: [360, 366],
    group: 'Working capital',
    valueGroup: 'workingCapital',
    source: 'note: 365 reproduces receivable and payable days',
    base: '365',
  }),
  d('receivableDays', {
    label: 'Receivable days (closing receivables / revenue x days)',
    unit: 'days',
    scope: 'explicit',
    range: [0, 365],
    group: 'Working capital',
    valueGroup: 'workingCapital',
    source: 'note: closing accounts receivable',
    base: (b, t) =>
      b.anchor('accountsReceivable', t!).div(b.anchor('revenue', t!)).times(b.driver('daysInYear')),
    longRange: 'hold',
  }),
  d('payableDaysOnCashCogs', {
    label: 'Payable days (closing payables / cash COGS x days)',
    unit: 'days',
    scope: 'explicit',
    range: [0, 730],
    group: 'Working capital',
    valueGroup: 'workingCapital',
    source: 'note: closing accounts payable, over COGS excluding D&A (suppliers are paid for cash costs)',
    base: (b, t) => {
      const cashCogs = b.anchor('cogs', t!).negated().plus(b.anchor('da', t!));
      return b.anchor('accountsPayable', t!).div(cashCogs).times(b.driver('daysInYear'));
    },
    longRange: 'hold',
  }),
  d('otherCurrentAssetsRatio', {
    label: 'Other current assets / revenue',
    unit: 'pct',
    scope: 'explicit',
    range: RATIO,
    group: 'Working capital',
    valueGroup: 'workingCapital',
    source: 'note: other current assets',
    base: ofRevenue('otherCurrentAssets'),
    longRange: 'hold',
  }),
  d('otherCurrentLiabilitiesRatio', {
    label: 'Other current liabilities / revenue',
    unit: 'pct',
    scope: 'explicit',
    range: RATIO,
    group: 'Working capital',
    valueGroup: 'workingCapital',
    source: 'note: other current liabilities',
    base: ofRevenue('otherCurrentLiabilities'),
    longRange: 'hold',
  }),
  d('otherLongTermLiabilitiesRatio', {
    label: 'Other long-term liabilities / revenue',
    unit: 'pct',
    scope: 'explicit',
    range: RATIO,
    group: 'Working capital',
    valueGroup: 'workingCapital',
    source: 'note: other long-term liabilities',
    base: ofRevenue('otherLongTermLiabilities'),
    longRange: 'hold',
  }),

  // Tax
  d('taxRate', {
    label: 'Tax rate on taxable profit',
    unit: 'pct',
    scope: 'explicit',
    range: SHARE,
    group: 'Tax',
    valueGroup: 'tax',
    source: 'ours: 15% (high and new technology enterprise rate); pre-tax profit is a loss to 12/28E',
    base: '0.15',
    longRange: 'hold',
  }),
  d('taxAdjustment', {
    label: 'Other tax (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: LEVEL,
    group: 'Tax',
    valueGroup: 'tax',
    source: 'note: provision for taxes with a loss before tax; none after 12/28E',
    base: level('tax'),
    longRange: 'zero',
    line: false,
  }),
  d('taxLossesOpening', {
    label: 'Tax losses carried forward at 12/25 (Rmb mn)',
    unit: 'rmbMn',
    scope: 'scalar',
    range: [0, 1_000_000],
    group: 'Tax',
    valueGroup: 'tax',
    source:
      'ours: the 12/25 pre-tax loss only (earlier losses taken as used or expired); one vintage, expiring after 12/30E',
    base: (b) =>
      ['revenue', 'cogs', 'sga', 'rnd', 'unlabelledItem', 'netInterest']
        .reduce((sum, id) => sum.plus(b.anchor(id, '2025A')), D(0))
        .negated(),
  }),

  // Financing
  d('cashYield', {
    label: 'Interest income / opening cash',
    unit: 'pct',
    scope: 'scalar',
    range: [0, 0.2],
    group: 'Financing',
    valueGroup: 'financing',
    source: 'ours: 1%, which reproduces the published interest cover',
    base: '0.01',
  }),
  d('debtInterestRate', {
    label: 'Interest expense / opening gross debt',
    unit: 'pct',
    scope: 'explicit',
    range: [0, 0.5],
    group: 'Financing',
    valueGroup: 'financing',
    source:
      'note: back-solved so that net interest reproduces, given interest income on opening cash; held after',
    base: (b, t) =>
      b
        .driver('cashYield')
        .times(b.model('cash', prev(t)))
        .minus(b.anchor('netInterest', t!))
        .div(b.model('totalDebt', prev(t))),
    longRange: 'hold',
  }),
  d('minimumCash', {
    label: 'Minimum cash balance (Rmb mn); a revolver funds any shortfall',
    unit: 'rmbMn',
    scope: 'scalar',
    range: [0, 1_000_000],
    group: 'Financing',
    valueGroup: 'financing',
    source: 'ours: Rmb2,000mn, below the lowest forecast cash of the note (12/27E: 3,296.6)',
    base: '2000',
  }),
  d('shortTermDebtIssuance', {
    label: 'Short-term debt raised (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: LEVEL,
    group: 'Financing',
    valueGroup: 'financing',
    source: 'note: change in short-term debt; none after 12/28E (the revolver funds shortfalls)',
    base: (b, t) => b.anchor('shortTermDebt', t!).minus(b.anchor('shortTermDebt', prev(t))),
    longRange: 'zero',
    line: false,
  }),
  d('longTermDebtIssuance', {
    label: 'Long-term debt raised (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: LEVEL,
    group: 'Financing',
    valueGroup: 'financing',
    source: 'note: change in long-term debt; none after 12/28E',
    base: (b, t) => b.anchor('longTermDebt', t!).minus(b.anchor('longTermDebt', prev(t))),
    longRange: 'zero',
    line: false,
  }),
  d('otherFinancing', {
    label: 'Other financing cash flows (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: LEVEL,
    group: 'Financing',
    valueGroup: 'financing',
    source: 'note: 0.1 in 12/26E, booked to equity (see docs/reconciliation.md); none after',
    base: level('otherFinancingCashFlow'),
    longRange: 'zero',
    line: false,
  }),
  d('debtLikeShare', {
    label: 'Debt-like share of other long-term liabilities',
    unit: 'pct',
    scope: 'actualAndExplicit',
    range: SHARE,
    group: 'Financing',
    valueGroup: 'financing',
    source:
      'note: adjusted net debt less debt and cash, over other long-term liabilities; its growth is financing, its 12/25 balance is debt in the bridge',
    base: (b, t) => {
      const debt = b.anchor('shortTermDebt', t!).plus(b.anchor('longTermDebt', t!));
      const debtLike = b.anchor('netDebtAdjusted', t!).minus(debt).plus(b.anchor('cash', t!));
      return debtLike.div(b.anchor('otherLongTermLiabilities', t!));
    },
    longRange: 'hold',
  }),

  // Shares and dividends
  d('minorityInterest', {
    label: 'Minority interest (Rmb mn)',
    unit: 'rmbMn',
    scope: 'explicit',
    range: LEVEL,
    group: 'Shares and dividends',
    valueGroup: 'financing',
    source: 'note: income-statement minority interest; none after 12/28E',
    base: level('minorityInterest'),
    longRange: 'zero',
    line: false,
  }),
  d('adsGrowth', {
    label: 'Growth of weighted average ADS',
    unit: 'pct',
    scope: 'explicit',
    range: [-0.5, 1],
    group: 'Shares and dividends',
    valueGroup: 'financing',
    source: 'note: 273.63mn (12/25) to 305.97mn (12/26E), then +1.0% a year',
    base: (b, t) => (t === '2026E' ? b.anchor('ads', t).div(b.anchor('ads', '2025A')).minus(1) : D('0.01')),
    longRange: 'hold',
  }),
  d('payoutRatio', {
    label: 'Dividend payout of positive net income',
    unit: 'pct',
    scope: 'explicit',
    range: SHARE,
    group: 'Shares and dividends',
    valueGroup: 'financing',
    source: 'note: no dividend',
    base: '0',
    longRange: 'hold',
  }),
  d('epsOld', {
    label: 'EPS, prior estimate (Rmb)',
    unit: 'rmbPerAds',
    scope: 'explicit',
    range: [-1_000, 1_000],
    group: 'Shares and dividends',
    valueGroup: 'financing',
    source: 'note: EPS (Rmb) Old',
    base: level('epsOld'),
    line: false,
  }),

  // Long-range fade
  d('fadeWeight', {
    label: 'Share of the gap to the terminal value closed in the year',
    unit: 'weight',
    scope: 'longRange',
    range: SHARE,
    group: 'Long-range fade',
    valueGroup: 'terminal',
    source:
      'ours: 1/(years left to 12/34E), a straight-line fade that lands on the terminal values in 12/34E; 12/35E is the steady state',
    base: (_b, t) => {
      const left = LONG_RANGE_PERIOD_IDS.length - 1 - LONG_RANGE_PERIOD_IDS.indexOf(t!);
      return D(1).div(Math.max(left, 1));
    },
  }),
  d('cashCogsRatioTerminal', {
    label: 'Cash COGS / revenue from 12/34E',
    unit: 'pct',
    scope: 'scalar',
    range: RATIO,
    group: 'Long-range fade',
    valueGroup: 'margins',
    source: 'ours: held near 12/28E (49.6%)',
    base: '0.50',
  }),
  d('sgaRatioTerminal', {
    label: 'SG&A / revenue from 12/34E',
    unit: 'pct',
    scope: 'scalar',
    range: RATIO,
    group: 'Long-range fade',
    valueGroup: 'margins',
    source: 'ours: operating leverage (12/28E: 7.0%)',
    base: '0.06',
  }),
  d('rndRatioTerminal', {
    label: 'R&D / revenue from 12/34E',
    unit: 'pct',
    scope: 'scalar',
    range: RATIO,
    group: 'Long-range fade',
    valueGroup: 'margins',
    source: 'ours: operating leverage (12/28E: 5.1%)',
    base: '0.045',
  }),
];
