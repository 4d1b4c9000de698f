/**
 * What KC.STATEMENT spills: the model's statements and schedules (each line in the model's order), then the note's
 * tables that are no statement of the model (Headline, Ratios & Valuation, Growth & Margins, with the note's
 * labels); each a heading row (the name and the note's column headings) and one row per line.
 */
import {
  findLine,
  NOTE_TABLE_LAYOUTS,
  PERIODS,
  STATEMENT_PERIOD_IDS,
  STATEMENTS as MODEL_STATEMENTS,
  type KcModel,
  type LineDef,
} from '../model';
import { chooser, type Choice } from './arguments';
import { excelNumber, type Cell, type Spill } from './spill';

/** A statement KC.STATEMENT spills: its title and its rows (a line and the label shown). */
export interface StatementDef {
  title: string;
  rows: readonly { line: LineDef; label: string }[];
}

const ALIASES: Record<string, readonly string[]> = {
  Headline: ['headlines', 'summary', 'key figures'],
  'Ratios & Valuation': ['ratios and valuation', 'valuation ratios'],
  'Growth & Margins': ['growth', 'margins', 'growth and margins'],
  'Income Statement': ['IS', 'P&L', 'PL', 'income', 'profit and loss'],
  'Balance Sheet': ['BS', 'balance'],
  'Cash Flow': ['CF', 'cash flow statement', 'cash flows'],
  Segments: ['segment', 'revenue by segment'],
  'Fixed Assets': ['fixed asset schedule', 'capex', 'D&A'],
  'Debt and Interest': ['debt', 'interest', 'revolver'],
  Tax: ['taxes', 'tax losses'],
  Ratios: ['model ratios'],
  Drivers: ['driver'],
  DCF: ['discounted cash flow'],
  Checks: ['check', 'integrity checks'],
};

/** The model's statements and schedules, then the note's tables that are not statements of the model. */
export const STATEMENTS: readonly Choice<StatementDef>[] = [
  ...MODEL_STATEMENTS.map((statement) => ({
    name: statement.name,
    aliases: ALIASES[statement.name] ?? [],
    value: { title: statement.name, rows: statement.lines.map((d) => ({ line: d, label: d.label })) },
  })),
  ...NOTE_TABLE_LAYOUTS.filter((t) => !MODEL_STATEMENTS.some((s) => s.name === t.name)).map((t) => ({
    name: t.name,
    aliases: ALIASES[t.name] ?? [],
    value: { title: t.name, rows: t.rows.map((r) => ({ line: findLine(r.line)!, label: r.label })) },
  })),
];

/** KC.STATEMENT's name argument (required). */
export const parseStatement = chooser('name', 'a statement name', STATEMENTS, true);

/** The periods KC.STATEMENT spills: 12/25 to 12/35E (the note prints 12/25 to 12/28E; the rest is the long range). */
export const STATEMENT_PERIODS = PERIODS.filter((p) => STATEMENT_PERIOD_IDS.includes(p.id));

/** A statement of a built model: the heading row, then each line's label and values ("" where it has none). */
export function statementRows(model: KcModel, def: StatementDef): Spill {
  const header: Cell[] = [def.title, ...STATEMENT_PERIODS.map((p) => p.heading)];
  const rows = def.rows.map(({ line, label }): Cell[] => {
    if (line.scalar)
      return [
        label,
        excelNumber(scalarValue(model, line), 'name', label),
        ...STATEMENT_PERIODS.slice(1).map(() => ''),
      ];
    const byPeriod = new Map(model.series(line.id).map(({ period, value }) => [period, value]));
    return [
      label,
      ...STATEMENT_PERIODS.map((p) =>
        byPeriod.has(p.id) ? excelNumber(byPeriod.get(p.id)!, 'name', `${label} in ${p.heading}`) : '',
      ),
    ];
  });
  return [header, ...rows];
}

/** A single-value line (the DCF's totals): the model does not read the period for it. */
export function scalarValue(model: KcModel, line: LineDef) {
  return model.value(line.id, 0);
}
