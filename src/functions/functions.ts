/**
 * The KC.* Excel custom functions (namespace KC is set in manifest.xml). Each is a thin, JSDoc-tagged wrapper over
 * src/functions/catalogue.ts (run by kc.ts); the JSDoc below is what Excel shows in its formula help, and custom-functions-metadata
 * turns it into functions.json. The webpack plugin appends the `CustomFunctions.associate(id, fn)` calls at build
 * time, so this file makes none.
 *
 * Types: a range argument is `unknown[][]` (metadata "any", matrix), so one cell arrives as [[value]] and a missing
 * optional argument arrives as null. Every function returns a matrix: one cell, or a spill.
 */
import type { ExcelErrorKind } from './errors';
import { createKcFunctions } from './kc';

const ERROR_CODE: Record<ExcelErrorKind, keyof typeof CustomFunctions.ErrorCode> = {
  value: 'invalidValue',
  notAvailable: 'notAvailable',
  num: 'invalidNumber',
};

/** Excel shows a custom message only with #VALUE! and #N/A; #NUM! takes none. */
const TAKES_MESSAGE: ReadonlySet<ExcelErrorKind> = new Set(['value', 'notAvailable']);

// CustomFunctions is read at call time, not load time: the runtime (or a test's stand-in) only has to exist by then.
const kc = createKcFunctions((kind, message) => {
  const code = CustomFunctions.ErrorCode[ERROR_CODE[kind]];
  return TAKES_MESSAGE.has(kind) ? new CustomFunctions.Error(code, message) : new CustomFunctions.Error(code);
});

/**
 * Kingsoft Cloud revenue for a year, Rmb mn: total or one segment.
 * @customfunction REVENUE
 * @param period Year: 2026, "2026E", "FY2026", "FY26" or "12/26E". A row or column of years spills the same shape.
 * @param [segment] "total" (default), "AI-related", "other than AI", "ecosystem" or "other customers".
 * @param [scenario] "base" (default, the note), "bull" or "bear".
 * @param [assumptions] Two-column range: assumption ids (e.g. wacc, revenueGrowth.2027E) and values, on top of the scenario.
 * @returns Revenue, Rmb mn.
 */
export function revenue(
  period: unknown[][],
  segment?: string,
  scenario?: string,
  assumptions?: unknown[][],
): unknown[][] {
  return kc.revenue(period, segment, scenario, assumptions);
}

/**
 * Kingsoft Cloud EBITDA for a year, Rmb mn, or the EBITDA margin.
 * @customfunction EBITDA
 * @param period Year: 2026, "2026E", "FY2026", "FY26" or "12/26E". A row or column of years spills the same shape.
 * @param [basis] "adjusted" (default, the note's headline EBITDA), "reported" (income-statement line) or "margin" (headline, as a fraction).
 * @param [scenario] "base" (default, the note), "bull" or "bear".
 * @param [assumptions] Two-column range: assumption ids (e.g. wacc, revenueGrowth.2027E) and values, on top of the scenario.
 * @returns EBITDA, Rmb mn, or the margin as a fraction.
 */
export function ebitda(
  period: unknown[][],
  basis?: string,
  scenario?: string,
  assumptions?: unknown[][],
): unknown[][] {
  return kc.ebitda(period, basis, scenario, assumptions);
}

/**
 * Kingsoft Cloud DCF value. A row of WACCs with a column of terminal growth rates spills the sensitivity grid (at most 21 x 21).
 * @customfunction DCF
 * @param [wacc] WACC as a fraction (0.103) or text ("10.3%"); default the scenario's 10.3%. A row or column (at most 21 cells) spills.
 * @param [terminal_growth] Terminal growth as a fraction (0.03) or text ("3%"); default the scenario's 3%. A row or column (at most 21 cells) spills.
 * @param [output] "US$ per ADS" (default), "Rmb per ADS", "EV", "equity value", "upside", "terminal-value share of EV" or "target price".
 * @param [scenario] "base" (default, the note), "bull" or "bear".
 * @param [assumptions] Two-column range: assumption ids (e.g. revenueGrowth.2027E) and values, on top of the scenario.
 * @returns The DCF output: US$ or Rmb per ADS, Rmb mn (EV, equity value) or a fraction (upside, TV share).
 */
export function dcf(
  wacc?: unknown[][],
  terminal_growth?: unknown[][],
  output?: string,
  scenario?: string,
  assumptions?: unknown[][],
): unknown[][] {
  return kc.dcf(wacc, terminal_growth, output, scenario, assumptions);
}

/**
 * Any line of the Kingsoft Cloud model for a year, by line id or by the note's label.
 * @customfunction LINE
 * @param item Line id (e.g. "netIncomePre", "fcf", "targetPrice") or the note's label (e.g. "Net inc. (pre-exceptionals)").
 * @param period Year: 2026, "2026E", "FY2026", "FY26" or "12/26E"; ignored for single-value DCF lines. A row or column spills.
 * @param [scenario] "base" (default, the note), "bull" or "bear".
 * @param [assumptions] Two-column range: assumption ids (e.g. wacc, revenueGrowth.2027E) and values, on top of the scenario.
 * @returns The line's value: Rmb mn unless the line says otherwise; percentages as fractions; "NM" where not meaningful.
 */
export function line(
  item: string,
  period: unknown[][],
  scenario?: string,
  assumptions?: unknown[][],
): unknown[][] {
  return kc.line(item, period, scenario, assumptions);
}

/**
 * Spills a whole Kingsoft Cloud statement with its headings: labels down, 12/25 to 12/35E across.
 * @customfunction STATEMENT
 * @param name "Income Statement", "Balance Sheet", "Cash Flow", "Headline", "Ratios & Valuation", "Growth & Margins", "Segments", "Drivers", "DCF" or "Checks".
 * @param [scenario] "base" (default, the note), "bull" or "bear".
 * @param [assumptions] Two-column range: assumption ids (e.g. wacc, revenueGrowth.2027E) and values, on top of the scenario.
 * @returns The statement: a heading row, then one row per line; Rmb mn unless the label says otherwise.
 */
export function statement(name: string, scenario?: string, assumptions?: unknown[][]): unknown[][] {
  return kc.statement(name, scenario, assumptions);
}

/**
 * Kingsoft Cloud reverse DCF: the value of one driver at which the DCF value per ADS equals the price, everything else at the scenario.
 * @customfunction IMPLIED
 * @param driver "revenueGrowth" (one shift added to each of 12/26E-12/28E), "wacc", "terminalGrowth", "cashCogsRatioTerminal", "sgaRatioTerminal", "rndRatioTerminal", "fixedAssetIntensityTerminal" or "exitMultiple" (exit-multiple method).
 * @param [price] US$ per ADS to solve to, a number or text such as "13.03"; default the scenario's price (US$13.03).
 * @param [scenario] "base" (default, the note), "bull" or "bear".
 * @param [assumptions] Two-column range: assumption ids (e.g. wacc, revenueGrowth.2027E) and values, on top of the scenario.
 * @returns The driver's value (a fraction for percentages; for revenue growth the shift in every year); #N/A when no value in the driver's range gives the price.
 */
export function implied(
  driver: string,
  price?: unknown[][],
  scenario?: string,
  assumptions?: unknown[][],
): unknown[][] {
  return kc.implied(driver, price, scenario, assumptions);
}

/**
 * Kingsoft Cloud target-price bridge: the change in value per ADS between two cases, by driver group (Shapley values that sum to the change).
 * @customfunction BRIDGE
 * @param from_scenario The case the bridge starts from: "base" (default), "bull" or "bear".
 * @param to_scenario The case the bridge ends at: "base" (default), "bull" or "bear".
 * @param [from_assumptions] Two-column range of assumption ids and values on top of from_scenario.
 * @param [to_assumptions] Two-column range of assumption ids and values on top of to_scenario.
 * @returns Two columns: the first case's value per ADS (US$), each group's part, the second case's value.
 */
export function bridge(
  from_scenario: string,
  to_scenario: string,
  from_assumptions?: unknown[][],
  to_assumptions?: unknown[][],
): unknown[][] {
  return kc.bridge(from_scenario, to_scenario, from_assumptions, to_assumptions);
}

/**
 * Kingsoft Cloud tornado: value per ADS (US$) at a downside and an upside shock to each driver group, widest range first.
 * @customfunction TORNADO
 * @param [scenario] "base" (default, the note), "bull" or "bear".
 * @param [assumptions] Two-column range: assumption ids (e.g. wacc, revenueGrowth.2027E) and values, on top of the scenario.
 * @returns A heading row, then per group: low and high value per ADS, the range and the downside shock in words.
 */
export function tornado(scenario?: string, assumptions?: unknown[][]): unknown[][] {
  return kc.tornado(scenario, assumptions);
}
