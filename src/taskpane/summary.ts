/**
 * The summary card's figures: target price, upside, EV, 12/26E-28E revenue and EBITDA (the income-statement line). They come either
 * from the engine (buildModel, before the model is in the workbook) or from the workbook's own recalculation
 * (readSummary, after insertion). Pure: no DOM, no Office.
 */
import { buildModel, Decimal, type PeriodId } from '../model';

export const SUMMARY_YEARS: readonly PeriodId[] = ['2026E', '2027E', '2028E'];

/** Plain numbers, as a workbook returns them: US$ per ADS, a fraction, Rmb mn. */
export interface SummaryFigures {
  targetPrice: number;
  upside: number;
  enterpriseValue: number;
  revenue: Partial<Record<PeriodId, number>>;
  ebitda: Partial<Record<PeriodId, number>>;
  /** Every integrity check passes (balance sheet balances, cash and roll-forwards tie). */
  masterCheck: boolean;
}

/** Where the figures on the card came from. */
export type SummarySource = 'engine' | 'workbook';

/** The engine's figures for a scenario and overrides (ModelError if they are invalid). */
export function engineSummary(scenario: string, overrides: Record<string, string>): SummaryFigures {
  const model = buildModel({ scenario, overrides });
  const dcf = model.dcf();
  const byYear = (line: string) =>
    Object.fromEntries(SUMMARY_YEARS.map((p) => [p, (model.value(line, p) as Decimal).toNumber()]));
  return {
    targetPrice: dcf.targetPrice.toNumber(),
    upside: dcf.upside.toNumber(),
    enterpriseValue: dcf.enterpriseValue.toNumber(),
    revenue: byYear('revenue'),
    // The note's headline (adjusted) EBITDA, as the workbook's summary reads it.
    ebitda: byYear('ebitdaAdjusted'),
    masterCheck: model.checks().every((c) => c.ok),
  };
}

const grouped = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "US$19.50" (two decimals so a rounded-to-0.1 price still shows its cents when rounding is changed). */
export function formatUsd(value: number | undefined): string {
  return isNum(value) ? `US$${grouped(2).format(value)}` : '–';
}

/** "+49.7%" / "-12.0%". */
export function formatPct(value: number | undefined): string {
  if (!isNum(value)) return '–';
  const text = grouped(1).format(value * 100);
  return value > 0 ? `+${text}%` : `${text}%`;
}

/** Rmb mn with thousands separators and negatives in parentheses, as the note prints them. */
export function formatRmbMn(value: number | undefined): string {
  if (!isNum(value)) return '–';
  const text = grouped(1).format(Math.abs(value));
  return value < 0 ? `(${text})` : text;
}

const isNum = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
