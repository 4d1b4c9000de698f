/** The model's statements and schedules, each a module listing its lines in presentation order. */
import { BALANCE_SHEET } from './balanceSheet';
import { CASH_FLOW } from './cashFlow';
import { CHECKS } from './checks';
import { DCF } from './dcf';
import { DEBT_AND_INTEREST } from './debtAndInterest';
import { DRIVER_LINES } from './drivers';
import { FIXED_ASSETS } from './fixedAssets';
import { INCOME_STATEMENT } from './incomeStatement';
import type { LineDef, Statement } from './line';
import { RATIOS } from './ratios';
import { SEGMENTS } from './segments';
import { TAX } from './tax';

export { CHECK_TOLERANCE } from './checks';
export { LOSS_CARRY_FORWARD_YEARS } from './tax';
export type { LineDef, LineUnit, Section, Statement } from './line';

/** Every statement and schedule, in the order the model presents them. */
export const STATEMENTS: readonly Statement[] = [
  DRIVER_LINES,
  SEGMENTS,
  INCOME_STATEMENT,
  FIXED_ASSETS,
  DEBT_AND_INTEREST,
  TAX,
  BALANCE_SHEET,
  CASH_FLOW,
  RATIOS,
  DCF,
  CHECKS,
];

/** Every line of the model, statement by statement, in presentation order. */
export const LINES: readonly LineDef[] = STATEMENTS.flatMap((s) => s.lines);
