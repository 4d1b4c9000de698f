import { abs, add, div, input, line, max, mul, neg, num, prior, ratio, sub, ZERO_EXPR } from '../expr';
import { fromDriver, L, statement } from './line';

const rev = line('revenue');
const ofRevenue = (driverLine: string) => neg(mul(rev, line(driverLine)));

/**
 * Income statement, in the note's order and labels, with the model's own lines beside the ones they explain.
 * Cost drivers are cash costs; all D&A is allocated to COGS (reported COGS = cash COGS + D&A).
 */
export const INCOME_STATEMENT = statement('Income Statement', [
  L('revenue', 'Total revenue', 'rmbMn', {
    opening: input,
    actual: input,
    explicit: mul(prior('revenue'), add(num(1), line('revenueGrowth'))),
  }),
  L(
    'cashCogs',
    'Cash cost of goods sold (excl. D&A)',
    'rmbMn',
    { actual: sub(line('cogs'), line('da')), explicit: ofRevenue('cashCogsRatio') },
    'COGS less the D&A allocated to it (all of it): the cost the COGS driver sets.',
  ),
  L('cogs', 'Cost of goods sold', 'rmbMn', { actual: input, explicit: add(line('cashCogs'), line('da')) }),
  L('sga', 'SG&A', 'rmbMn', { actual: input, explicit: ofRevenue('sgaRatio') }),
  L('rnd', 'R&D', 'rmbMn', { actual: input, explicit: ofRevenue('rndRatio') }),
  L('otherOperating', 'Other operating inc./(exp.)', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L(
    'unlabelledItem',
    'Unlabelled operating item (reconciling)',
    'rmbMn',
    { actual: input, ...fromDriver('unlabelledItem') },
    "The note's EBITDA less operating profit and D&A: +7.6 in 12/25, -6.9 in 12/26E, printed nowhere.",
  ),
  L('ebitda', 'EBITDA', 'rmbMn', {
    explicit: sub(
      add(rev, line('cogs'), line('sga'), line('rnd'), line('otherOperating'), line('unlabelledItem')),
      line('da'),
    ),
  }),
  L('da', 'Depreciation & amortization', 'rmbMn', {
    actual: input,
    explicit: neg(add(line('depreciation'), line('intangiblesAmortization'))),
  }),
  L(
    'ebitAddBack',
    'Add-back in EBIT (share-based compensation)',
    'rmbMn',
    { actual: input, ...fromDriver('ebitAddBack') },
    'EBIT is operating profit plus this flat 173.8.',
  ),
  L('ebit', 'EBIT', 'rmbMn', {
    explicit: add(rev, line('cogs'), line('sga'), line('rnd'), line('otherOperating'), line('ebitAddBack')),
  }),
  L(
    'operatingProfit',
    'Operating profit before interest and associates',
    'rmbMn',
    {
      explicit: add(
        rev,
        line('cogs'),
        line('sga'),
        line('rnd'),
        line('otherOperating'),
        line('unlabelledItem'),
      ),
    },
    'Pre-tax profit before net interest and associates: the base of NOPAT in the DCF.',
  ),
  L('netInterest', 'Net interest inc./(exp.)', 'rmbMn', {
    actual: input,
    explicit: sub(line('interestIncome'), line('interestExpense')),
  }),
  L('associates', 'Income/(loss) from associates', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L('pretax', 'Pre-tax profit', 'rmbMn', {
    explicit: add(line('ebitda'), line('da'), line('netInterest'), line('associates')),
  }),
  L('tax', 'Provision for taxes', 'rmbMn', {
    actual: input,
    explicit: sub(line('otherTax'), mul(line('taxRate'), line('taxableProfit'))),
  }),
  L('minorityInterest', 'Minority interest', 'rmbMn', { actual: input, ...fromDriver('minorityInterest') }),
  L('preferredDividends', 'Preferred dividends', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L('netIncomePre', 'Net inc. (pre-exceptionals)', 'rmbMn', {
    explicit: add(line('pretax'), line('tax'), line('minorityInterest'), line('preferredDividends')),
  }),
  L('exceptionals', 'Post-tax exceptionals', 'rmbMn', {
    actual: input,
    explicit: ofRevenue('exceptionalsRatio'),
  }),
  L('netIncomePost', 'Net inc. (post-exceptionals)', 'rmbMn', {
    explicit: add(line('netIncomePre'), line('exceptionals')),
  }),
  L('ads', 'Weighted average ADS (mn)', 'mnAds', {
    actual: input,
    explicit: mul(prior('ads'), add(num(1), line('adsGrowth'))),
  }),
  L('epsBasicPre', 'EPS (basic, pre-except) (Rmb)', 'rmbPerAds', {
    opening: input,
    explicit: div(line('netIncomePre'), line('ads')),
  }),
  L('epsDilutedPre', 'EPS (diluted, pre-except) (Rmb)', 'rmbPerAds', {
    explicit: div(line('netIncomePre'), line('ads')),
  }),
  L('epsBasicPost', 'EPS (basic, post-except) (Rmb)', 'rmbPerAds', {
    explicit: div(line('netIncomePost'), line('ads')),
  }),
  L('epsDilutedPost', 'EPS (diluted, post-except) (Rmb)', 'rmbPerAds', {
    explicit: div(line('netIncomePost'), line('ads')),
  }),
  L('dividends', 'Dividends declared', 'rmbMn', {
    actual: input,
    explicit: mul(max(line('netIncomePre'), num(0)), line('payoutRatio')),
  }),
  L('dps', 'DPS (Rmb)', 'rmbPerAds', { opening: input, explicit: div(line('dividends'), line('ads')) }),
  L('payoutRatioReported', 'Div. payout ratio (%)', 'pct', {
    explicit: ratio(line('dps'), abs(line('epsBasicPre'))),
  }),
  L('ebitdaAdjusted', 'EBITDA (adjusted, headline)', 'rmbMn', {
    opening: input,
    explicit: sub(line('ebit'), line('da')),
  }),
]);
