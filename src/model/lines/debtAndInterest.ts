import { add, drv, line, max, mul, neg, prior, sub } from '../expr';
import { fromDriver, L, statement } from './line';

/**
 * Debt, the revolver and interest. Interest is charged on opening balances, so the model (and the workbook)
 * has no circular reference: interest income on opening cash, interest expense on opening gross debt
 * (revolver included). The revolver draws whatever keeps cash at the minimum balance and repays from any
 * surplus, so cash never falls below the minimum.
 */
export const DEBT_AND_INTEREST = statement('Debt and Interest', [
  L('shortTermDebtIssuance', 'Short-term debt raised', 'rmbMn', {
    actual: null,
    ...fromDriver('shortTermDebtIssuance'),
  }),
  L('longTermDebtIssuance', 'Long-term debt raised', 'rmbMn', {
    actual: null,
    ...fromDriver('longTermDebtIssuance'),
  }),
  L(
    'cashBeforeRevolver',
    'Cash before the revolver',
    'rmbMn',
    {
      actual: null,
      explicit: add(
        prior('cash'),
        line('cfo'),
        line('cfi'),
        line('leaseRepayment'),
        line('dividendsPaid'),
        line('shortTermDebtIssuance'),
        line('longTermDebtIssuance'),
        line('otherFinancingCashFlow'),
      ),
    },
    'Opening cash plus every cash flow of the year except the revolver.',
  ),
  L(
    'revolverDraw',
    'Revolver drawn/(repaid)',
    'rmbMn',
    {
      actual: null,
      explicit: max(sub(drv('minimumCash'), line('cashBeforeRevolver')), neg(prior('revolver'))),
    },
    'Draws up to the minimum cash balance; repays from cash above it, never more than is drawn.',
  ),
  L(
    'interestIncome',
    'Interest income',
    'rmbMn',
    { actual: mul(line('cash'), drv('cashYield')), explicit: mul(prior('cash'), drv('cashYield')) },
    'Cash yield x opening cash (12/25: closing cash, as 12/24 cash is not in the note).',
  ),
  L(
    'interestExpense',
    'Interest expense',
    'rmbMn',
    {
      actual: sub(line('interestIncome'), line('netInterest')),
      explicit: mul(line('debtInterestRate'), prior('totalDebt')),
    },
    'Interest rate on debt x opening gross debt (revolver included).',
  ),
]);
