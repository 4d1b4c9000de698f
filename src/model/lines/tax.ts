import { add, drv, line, max, min, mul, neg, num, prior, sub, type Expr } from '../expr';
import { fromDriver, L, statement, type Rules } from './line';

/**
 * Years a tax loss can be carried forward: the PRC general rule (Enterprise Income Tax Law, art. 18). High and
 * new technology enterprises may carry losses for ten years; we take the stricter five. A structural constant,
 * not a driver: it sets how far back the schedule looks.
 */
export const LOSS_CARRY_FORWARD_YEARS = 5;

/**
 * A tax-loss schedule on a profit line: losses join a pool, the oldest are used first against later profits,
 * and what is unused LOSS_CARRY_FORWARD_YEARS after the year it arose expires. The pool is tracked as two
 * running totals: losses arisen (C) and losses used or expired (F); losses of year s expire at the end of year
 * s + 5, so F can never lag C_(t-5). The 12/25 pool (driver taxLossesOpening) counts as losses of 12/25.
 * Built twice from this one definition: on pre-tax profit (the tax charge) and on operating profit (NOPAT's
 * taxes, which must not depend on how the company is financed).
 */
function lossSchedule(prefix: string, what: string, profit: Expr): ReturnType<typeof L>[] {
  const id = (name: string) => `${prefix}${name}`;
  const arisen = id('LossesArisen');
  const consumed = id('LossesUsedOrExpired');
  const used = id('LossesUsed');
  const usedOrExpired = add(prior(consumed), line(used));
  // The expiry term reads losses arisen five years back; before 12/29E that is before any loss the pool holds.
  const expiry: Rules = {
    explicit: usedOrExpired,
    longRange: max(usedOrExpired, prior(arisen, LOSS_CARRY_FORWARD_YEARS)),
  };
  return [
    L(id('LossIncurred'), `Tax loss incurred (${what})`, 'rmbMn', {
      actual: null,
      explicit: max(neg(profit), num(0)),
    }),
    L(id('LossesUsed'), `Tax losses used (${what})`, 'rmbMn', {
      actual: null,
      explicit: min(max(profit, num(0)), sub(prior(arisen), prior(consumed))),
    }),
    L(
      arisen,
      `Tax losses arisen, cumulative (${what})`,
      'rmbMn',
      {
        opening: num(0),
        actual: drv('taxLossesOpening'),
        explicit: add(prior(arisen), line(id('LossIncurred'))),
      },
      'Running total of losses since 12/25, the 12/25 pool included.',
    ),
    L(consumed, `Tax losses used or expired, cumulative (${what})`, 'rmbMn', { actual: num(0), ...expiry }),
    L(id('LossesExpired'), `Tax losses expired (${what})`, 'rmbMn', {
      actual: null,
      explicit: sub(sub(line(consumed), prior(consumed)), line(used)),
    }),
    L(id('LossesAvailable'), `Tax losses carried forward (${what})`, 'rmbMn', {
      explicit: sub(line(arisen), line(consumed)),
    }),
  ];
}

/**
 * Tax: the charge on pre-tax profit after losses carried forward, plus any other tax; and the same on operating
 * profit for NOPAT.
 */
export const TAX = statement('Tax', [
  L('otherTax', 'Other tax', 'rmbMn', { actual: null, ...fromDriver('taxAdjustment', 'otherTax') }),
  ...lossSchedule('tax', 'pre-tax profit', line('pretax')),
  L('taxableProfit', 'Taxable profit after losses used', 'rmbMn', {
    actual: null,
    explicit: sub(max(line('pretax'), num(0)), line('taxLossesUsed')),
  }),
  ...lossSchedule('operating', 'operating profit', line('operatingProfit')),
  L(
    'operatingTaxes',
    'Taxes on operating profit (unlevered)',
    'rmbMn',
    {
      actual: null,
      explicit: sub(
        line('otherTax'),
        mul(line('taxRate'), sub(max(line('operatingProfit'), num(0)), line('operatingLossesUsed'))),
      ),
    },
    'The tax the company would pay with no debt and no cash: what NOPAT deducts.',
  ),
]);
