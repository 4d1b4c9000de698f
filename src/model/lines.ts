import {
  abs,
  add,
  change,
  div,
  drv,
  input,
  line,
  max,
  mul,
  neg,
  num,
  prior,
  ratio,
  sub,
  ZERO_EXPR,
  type Expr,
} from './expr';

/** Where a line belongs. */
export type Section =
  | 'Drivers'
  | 'Segments'
  | 'Income Statement'
  | 'Balance Sheet'
  | 'Cash Flow'
  | 'Ratios'
  | 'DCF'
  | 'Checks';

/** How a line's value is measured: Rmb mn, a fraction shown as %, Rmb per ADS, a multiple, ... */
export type LineUnit = 'rmbMn' | 'pct' | 'rmbPerAds' | 'usdPerAds' | 'multiple' | 'days' | 'mnAds' | 'years' | 'factor';

/**
 * One line item, defined once as data. `explicit` applies to 12/26E-12/28E; `longRange` (default: `explicit`)
 * to 12/29E-12/35E; `actual` (default: `explicit`) to 12/25; `opening` (default: none) to the 12/24 comparatives.
 * `actual: null` means the line has no 12/25 value. A line with `scalar` has one value, not one per period.
 */
export interface LineDef {
  id: string;
  label: string;
  section: Section;
  unit: LineUnit;
  opening?: Expr;
  actual?: Expr | null;
  explicit?: Expr;
  longRange?: Expr;
  scalar?: Expr;
  /** Why the line exists when the note does not print it. */
  note?: string;
}

const L = (def: LineDef): LineDef => def;

/** A ratio driver for 12/26E-28E that fades in a straight line to its terminal value by 12/35E. */
const fadedDriver = (id: string, label: string, terminal: Expr): LineDef =>
  L({
    id,
    label,
    section: 'Drivers',
    unit: 'pct',
    actual: null,
    explicit: drv(id),
    longRange: add(prior(id), mul(sub(terminal, prior(id)), drv('fadeWeight'))),
  });
/** A driver for 12/26E-28E held at its 12/28E value in the long range. */
const heldDriver = (id: string, label: string, unit: LineUnit = 'pct'): LineDef =>
  L({ id, label, section: 'Drivers', unit, actual: null, explicit: drv(id), longRange: prior(id) });
const DAYS = drv('daysInYear');

/** The driver lines: per-year assumptions as the statements read them, with the long-range rule for each. */
export const DRIVER_LINES: readonly LineDef[] = [
  fadedDriver('revenueGrowth', 'Revenue growth', drv('terminalGrowth')),
  L({ id: 'aiShare', label: 'AI-related share of revenue', section: 'Drivers', unit: 'pct', actual: drv('aiShare'), explicit: drv('aiShare'), longRange: prior('aiShare') }),
  L({ id: 'ecosystemShare', label: 'Xiaomi/Kingsoft ecosystem share of revenue', section: 'Drivers', unit: 'pct', actual: drv('ecosystemShare'), explicit: drv('ecosystemShare'), longRange: prior('ecosystemShare') }),
  fadedDriver('cogsRatio', 'COGS / revenue', drv('cogsRatioTerminal')),
  fadedDriver('sgaRatio', 'SG&A / revenue', drv('sgaRatioTerminal')),
  fadedDriver('rndRatio', 'R&D / revenue', drv('rndRatioTerminal')),
  fadedDriver('daRatio', 'D&A / revenue', drv('daRatioTerminal')),
  fadedDriver('capexRatio', 'Capex / revenue', drv('capexRatioTerminal')),
  heldDriver('netInterestRate', 'Net interest / average gross debt'),
  heldDriver('taxRate', 'Tax rate on positive pre-tax profit'),
  heldDriver('exceptionalsRatio', 'Post-tax exceptionals / revenue'),
  heldDriver('nonCashExceptionalsShare', 'Non-cash share of exceptionals'),
  heldDriver('adsGrowth', 'Growth of weighted average ADS'),
  heldDriver('payoutRatio', 'Dividend payout of positive net income'),
  heldDriver('receivableDays', 'Receivable days (closing)', 'days'),
  heldDriver('payableDays', 'Payable days (closing)', 'days'),
  heldDriver('otherCurrentAssetsRatio', 'Other current assets / revenue'),
  heldDriver('otherCurrentLiabilitiesRatio', 'Other current liabilities / revenue'),
  heldDriver('otherLongTermLiabilitiesRatio', 'Other long-term liabilities / revenue'),
  heldDriver('intangiblesAmortizationRate', 'Amortization / opening net intangibles'),
  heldDriver('debtLikeShare', 'Debt-like share of other long-term liabilities'),
];

const rev = line('revenue');
const ofRevenue = (driverLine: string): Expr => mul(rev, line(driverLine));

/** Revenue by segment: shares of total, so the segments always sum to total revenue. */
export const SEGMENT_LINES: readonly LineDef[] = [
  L({ id: 'aiRevenue', label: 'AI-related revenue', section: 'Segments', unit: 'rmbMn', explicit: ofRevenue('aiShare') }),
  L({ id: 'nonAiRevenue', label: 'Revenue other than AI', section: 'Segments', unit: 'rmbMn', explicit: sub(rev, line('aiRevenue')) }),
  L({ id: 'ecosystemRevenue', label: 'Xiaomi/Kingsoft ecosystem revenue', section: 'Segments', unit: 'rmbMn', explicit: ofRevenue('ecosystemShare') }),
  L({ id: 'otherCustomersRevenue', label: 'Revenue from other customers', section: 'Segments', unit: 'rmbMn', explicit: sub(rev, line('ecosystemRevenue')) }),
];

/** Income statement, in the note's order and labels, plus the model lines it needs. */
export const INCOME_STATEMENT: readonly LineDef[] = [
  L({ id: 'revenue', label: 'Total revenue', section: 'Income Statement', unit: 'rmbMn', opening: input, actual: input, explicit: mul(prior('revenue'), add(num(1), line('revenueGrowth'))) }),
  L({ id: 'cogs', label: 'Cost of goods sold', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: neg(ofRevenue('cogsRatio')) }),
  L({ id: 'sga', label: 'SG&A', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: neg(ofRevenue('sgaRatio')) }),
  L({ id: 'rnd', label: 'R&D', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: neg(ofRevenue('rndRatio')) }),
  L({ id: 'otherOperating', label: 'Other operating inc./(exp.)', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'unlabelledItem', label: 'Unlabelled operating item (reconciling)', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: drv('unlabelledItem'), longRange: ZERO_EXPR, note: 'The note\'s EBITDA less operating profit and D&A: +7.6 in 12/25, -6.9 in 12/26E, printed nowhere.' }),
  L({ id: 'ebitda', label: 'EBITDA', section: 'Income Statement', unit: 'rmbMn', explicit: sub(add(rev, line('cogs'), line('sga'), line('rnd'), line('otherOperating'), line('unlabelledItem')), line('da')) }),
  L({ id: 'da', label: 'Depreciation & amortization', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: neg(ofRevenue('daRatio')) }),
  L({ id: 'ebitAddBack', label: 'Add-back in EBIT (share-based compensation)', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: drv('ebitAddBack'), longRange: prior('ebitAddBack'), note: 'EBIT is operating profit plus this flat 173.8.' }),
  L({ id: 'ebit', label: 'EBIT', section: 'Income Statement', unit: 'rmbMn', explicit: add(rev, line('cogs'), line('sga'), line('rnd'), line('otherOperating'), line('ebitAddBack')) }),
  L({ id: 'netInterest', label: 'Net interest inc./(exp.)', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: neg(mul(line('netInterestRate'), div(add(line('totalDebt'), prior('totalDebt')), num(2)))) }),
  L({ id: 'associates', label: 'Income/(loss) from associates', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'pretax', label: 'Pre-tax profit', section: 'Income Statement', unit: 'rmbMn', explicit: add(line('ebitda'), line('da'), line('netInterest'), line('associates')) }),
  L({ id: 'tax', label: 'Provision for taxes', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: sub(drv('taxAdjustment'), mul(max(line('pretax'), num(0)), line('taxRate'))), longRange: neg(mul(max(line('pretax'), num(0)), line('taxRate'))) }),
  L({ id: 'minorityInterest', label: 'Minority interest', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: drv('minorityInterest'), longRange: ZERO_EXPR }),
  L({ id: 'preferredDividends', label: 'Preferred dividends', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'netIncomePre', label: 'Net inc. (pre-exceptionals)', section: 'Income Statement', unit: 'rmbMn', explicit: add(line('pretax'), line('tax'), line('minorityInterest'), line('preferredDividends')) }),
  L({ id: 'exceptionals', label: 'Post-tax exceptionals', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: neg(ofRevenue('exceptionalsRatio')) }),
  L({ id: 'netIncomePost', label: 'Net inc. (post-exceptionals)', section: 'Income Statement', unit: 'rmbMn', explicit: add(line('netIncomePre'), line('exceptionals')) }),
  L({ id: 'ads', label: 'Weighted average ADS (mn)', section: 'Income Statement', unit: 'mnAds', actual: input, explicit: mul(prior('ads'), add(num(1), line('adsGrowth'))) }),
  L({ id: 'epsBasicPre', label: 'EPS (basic, pre-except) (Rmb)', section: 'Income Statement', unit: 'rmbPerAds', opening: input, explicit: div(line('netIncomePre'), line('ads')) }),
  L({ id: 'epsDilutedPre', label: 'EPS (diluted, pre-except) (Rmb)', section: 'Income Statement', unit: 'rmbPerAds', explicit: div(line('netIncomePre'), line('ads')) }),
  L({ id: 'epsBasicPost', label: 'EPS (basic, post-except) (Rmb)', section: 'Income Statement', unit: 'rmbPerAds', explicit: div(line('netIncomePost'), line('ads')) }),
  L({ id: 'epsDilutedPost', label: 'EPS (diluted, post-except) (Rmb)', section: 'Income Statement', unit: 'rmbPerAds', explicit: div(line('netIncomePost'), line('ads')) }),
  L({ id: 'dividends', label: 'Dividends declared', section: 'Income Statement', unit: 'rmbMn', actual: input, explicit: mul(max(line('netIncomePre'), num(0)), line('payoutRatio')) }),
  L({ id: 'dps', label: 'DPS (Rmb)', section: 'Income Statement', unit: 'rmbPerAds', opening: input, explicit: div(line('dividends'), line('ads')) }),
  L({ id: 'payoutRatioReported', label: 'Div. payout ratio (%)', section: 'Income Statement', unit: 'pct', explicit: ratio(line('dps'), abs(line('epsBasicPre'))) }),
  L({ id: 'ebitdaAdjusted', label: 'EBITDA (adjusted, headline)', section: 'Income Statement', unit: 'rmbMn', opening: input, explicit: sub(line('ebit'), line('da')) }),
];

/** Balance sheet, in the note's order and labels. */
export const BALANCE_SHEET: readonly LineDef[] = [
  L({ id: 'cash', label: 'Cash & cash equivalents', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: add(prior('cash'), line('totalCashFlow')) }),
  L({ id: 'accountsReceivable', label: 'Accounts receivable', section: 'Balance Sheet', unit: 'rmbMn', opening: input, actual: input, explicit: div(mul(rev, line('receivableDays')), DAYS) }),
  L({ id: 'inventory', label: 'Inventory', section: 'Balance Sheet', unit: 'rmbMn', opening: input, actual: input, explicit: prior('inventory') }),
  L({ id: 'otherCurrentAssets', label: 'Other current assets', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: ofRevenue('otherCurrentAssetsRatio') }),
  L({ id: 'totalCurrentAssets', label: 'Total current assets', section: 'Balance Sheet', unit: 'rmbMn', explicit: add(line('cash'), line('accountsReceivable'), line('inventory'), line('otherCurrentAssets')) }),
  L({ id: 'netPpe', label: 'Net PP&E', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: add(prior('netPpe'), neg(line('capex')), line('da'), line('intangiblesAmortization')) }),
  L({ id: 'netIntangibles', label: 'Net intangibles', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: sub(prior('netIntangibles'), line('intangiblesAmortization')) }),
  L({ id: 'intangiblesAmortization', label: 'Amortization of intangibles', section: 'Balance Sheet', unit: 'rmbMn', actual: null, explicit: mul(prior('netIntangibles'), line('intangiblesAmortizationRate')), note: 'The part of D&A that reduces net intangibles; the rest depreciates PP&E.' }),
  L({ id: 'totalInvestments', label: 'Total investments', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: sub(prior('totalInvestments'), add(line('acquisitions'), line('divestitures'))) }),
  L({ id: 'otherLongTermAssets', label: 'Other long-term assets', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: sub(prior('otherLongTermAssets'), line('otherInvesting')) }),
  L({ id: 'totalAssets', label: 'Total assets', section: 'Balance Sheet', unit: 'rmbMn', explicit: add(line('totalCurrentAssets'), line('netPpe'), line('netIntangibles'), line('totalInvestments'), line('otherLongTermAssets')) }),
  L({ id: 'accountsPayable', label: 'Accounts payable', section: 'Balance Sheet', unit: 'rmbMn', opening: input, actual: input, explicit: div(mul(neg(line('cogs')), line('payableDays')), DAYS) }),
  L({ id: 'shortTermDebt', label: 'Short-term debt', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: add(prior('shortTermDebt'), drv('shortTermDebtIssuance')), longRange: prior('shortTermDebt') }),
  L({ id: 'shortTermLeases', label: 'Short-term lease liabilities', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: prior('shortTermLeases') }),
  L({ id: 'otherCurrentLiabilities', label: 'Other current liabilities', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: ofRevenue('otherCurrentLiabilitiesRatio') }),
  L({ id: 'totalCurrentLiabilities', label: 'Total current liabilities', section: 'Balance Sheet', unit: 'rmbMn', explicit: add(line('accountsPayable'), line('shortTermDebt'), line('shortTermLeases'), line('otherCurrentLiabilities')) }),
  L({ id: 'longTermDebt', label: 'Long-term debt', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: add(prior('longTermDebt'), drv('longTermDebtIssuance')), longRange: prior('longTermDebt') }),
  L({ id: 'longTermLeases', label: 'Long-term lease liabilities', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: add(prior('longTermLeases'), line('leaseRepayment')) }),
  L({ id: 'otherLongTermLiabilities', label: 'Other long-term liabilities', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: ofRevenue('otherLongTermLiabilitiesRatio') }),
  L({ id: 'totalLongTermLiabilities', label: 'Total long-term liabilities', section: 'Balance Sheet', unit: 'rmbMn', explicit: add(line('longTermDebt'), line('longTermLeases'), line('otherLongTermLiabilities')) }),
  L({ id: 'totalLiabilities', label: 'Total liabilities', section: 'Balance Sheet', unit: 'rmbMn', explicit: add(line('totalCurrentLiabilities'), line('totalLongTermLiabilities')) }),
  L({ id: 'preferredShares', label: 'Preferred shares', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: prior('preferredShares') }),
  L({ id: 'commonEquity', label: 'Total common equity', section: 'Balance Sheet', unit: 'rmbMn', opening: input, actual: input, explicit: add(prior('commonEquity'), line('netIncomePost'), line('otherOperatingCashFlow'), line('dividendsPaid'), line('otherFinancingCashFlow')) }),
  L({ id: 'minorityInterestBs', label: 'Minority interest (balance sheet)', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: sub(prior('minorityInterestBs'), line('minorityInterest')) }),
  L({ id: 'totalLiabilitiesAndEquity', label: 'Total liabilities & equity', section: 'Balance Sheet', unit: 'rmbMn', explicit: add(line('totalLiabilities'), line('preferredShares'), line('commonEquity'), line('minorityInterestBs')) }),
  L({ id: 'totalDebt', label: 'Gross debt (short- and long-term)', section: 'Balance Sheet', unit: 'rmbMn', explicit: add(line('shortTermDebt'), line('longTermDebt')) }),
  L({ id: 'debtLikeLiabilities', label: 'Debt-like other long-term liabilities', section: 'Balance Sheet', unit: 'rmbMn', actual: input, explicit: mul(line('otherLongTermLiabilities'), line('debtLikeShare')), note: 'Adjusted net debt exceeds debt less cash by this amount; the note names no line for it.' }),
  L({ id: 'netDebtAdjusted', label: 'Net debt, adjusted', section: 'Balance Sheet', unit: 'rmbMn', explicit: sub(add(line('totalDebt'), line('debtLikeLiabilities')), line('cash')) }),
];

/** Cash flow statement, in the note's order and labels. */
export const CASH_FLOW: readonly LineDef[] = [
  L({ id: 'cfNetIncome', label: 'Net income', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: sub(line('netIncomePost'), line('minorityInterest')) }),
  L({ id: 'daAddBack', label: 'D&A add-back', section: 'Cash Flow', unit: 'rmbMn', explicit: neg(line('da')) }),
  L({ id: 'minorityAddBack', label: 'Minority interest add-back', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'workingCapital', label: 'Net (inc)/dec working capital', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: sub(add(change('accountsPayable'), change('otherCurrentLiabilities'), change('otherLongTermLiabilities')), add(change('accountsReceivable'), change('inventory'), change('otherCurrentAssets'))) }),
  L({ id: 'otherOperatingCashFlow', label: 'Other operating cash flow', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: mul(neg(line('exceptionals')), line('nonCashExceptionalsShare')) }),
  L({ id: 'cfo', label: 'Cash flow from operations', section: 'Cash Flow', unit: 'rmbMn', explicit: add(line('cfNetIncome'), line('daAddBack'), line('minorityAddBack'), line('workingCapital'), line('otherOperatingCashFlow')) }),
  L({ id: 'capex', label: 'Capital expenditures', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: neg(ofRevenue('capexRatio')) }),
  L({ id: 'acquisitions', label: 'Acquisitions', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'divestitures', label: 'Divestitures', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'otherInvesting', label: 'Others', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'cfi', label: 'Cash flow from investing', section: 'Cash Flow', unit: 'rmbMn', explicit: add(line('capex'), line('acquisitions'), line('divestitures'), line('otherInvesting')) }),
  L({ id: 'leaseRepayment', label: 'Repayment of lease liabilities', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: ZERO_EXPR }),
  L({ id: 'dividendsPaid', label: 'Dividends paid (common & pref)', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: neg(line('dividends')) }),
  L({ id: 'debtChange', label: 'Inc/(dec) in debt', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: change('totalDebt') }),
  L({ id: 'otherFinancingCashFlow', label: 'Other financing cash flows', section: 'Cash Flow', unit: 'rmbMn', actual: input, explicit: drv('otherFinancing'), longRange: ZERO_EXPR }),
  L({ id: 'cff', label: 'Cash flow from financing', section: 'Cash Flow', unit: 'rmbMn', explicit: add(line('leaseRepayment'), line('dividendsPaid'), line('debtChange'), line('otherFinancingCashFlow')) }),
  L({ id: 'totalCashFlow', label: 'Total cash flow', section: 'Cash Flow', unit: 'rmbMn', explicit: add(line('cfo'), line('cfi'), line('cff')) }),
  L({ id: 'fcf', label: 'Free cash flow', section: 'Cash Flow', unit: 'rmbMn', explicit: add(line('cfo'), line('capex')) }),
];
