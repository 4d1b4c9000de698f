/**
 * The figures the note publishes in its six tables, as printed ("9,558.6", "(2.67)", "--", "NM"), for the
 * workbook's Checks sheet. A copy of the same figures as test/fixtures/note.ts (the test transcription), kept in
 * src so that the workbook does not depend on test code; test/workbook/plan.test.ts keeps the two equal.
 * Columns are the note's 12/25, 12/26E, 12/27E and 12/28E (the model's NOTE_PERIOD_IDS).
 */
export type PublishedTable =
  'Headline' | 'Ratios & Valuation' | 'Growth & Margins' | 'Income Statement' | 'Balance Sheet' | 'Cash Flow';

export interface PublishedRow {
  table: PublishedTable;
  label: string;
  /** Printed cells for 12/25, 12/26E, 12/27E, 12/28E. */
  cells: readonly [string, string, string, string];
}

/** The note's title, date and price date, in lines short enough to print beside a label: the Summary cites them. */
export const NOTE_SOURCE: readonly string[] = [
  'Kingsoft Cloud (KC) research note of 28 May 2026:',
  '"Earnings Review: 1Q26 beat; AI billings +90% yoy";',
  'price US$13.03 at the 26 May 2026 close',
];

const r = (
  table: PublishedTable,
  label: string,
  a: string,
  b: string,
  c: string,
  d: string,
): PublishedRow => ({ table, label, cells: [a, b, c, d] });

/** Every row of every table, in the note's order. */
export const PUBLISHED_ROWS: readonly PublishedRow[] = [
  r('Headline', 'Revenue (Rmb mn) New', '9,558.6', '12,506.7', '15,707.7', '19,050.9'),
  r('Headline', 'Revenue (Rmb mn) Old', '9,558.6', '12,410.5', '15,584.6', '18,448.1'),
  r('Headline', 'EBITDA (Rmb mn)', '2,328.1', '3,958.6', '5,655.9', '7,477.8'),
  r('Headline', 'EPS (Rmb) New', '(2.67)', '(2.14)', '(1.30)', '(0.60)'),
  r('Headline', 'EPS (Rmb) Old', '(2.67)', '(2.26)', '(2.38)', '(1.91)'),
  r('Headline', 'P/E (X)', 'NM', 'NM', 'NM', 'NM'),
  r('Headline', 'P/B (X)', '2.9', '3.1', '3.3', '3.4'),
  r('Headline', 'Dividend yield (%)', '0.0', '0.0', '0.0', '0.0'),
  r('Headline', 'CROCI (%)', '14.0', '14.4', '15.9', '16.5'),
  r('Ratios & Valuation', 'P/E (X)', 'NM', 'NM', 'NM', 'NM'),
  r('Ratios & Valuation', 'P/B (X)', '2.9', '3.1', '3.3', '3.4'),
  r('Ratios & Valuation', 'FCF yield (%)', '(3.5)', '(6.4)', '(9.5)', '(6.1)'),
  r('Ratios & Valuation', 'EV/EBITDAR (X)', '13.7', '8.7', '6.8', '5.6'),
  r('Ratios & Valuation', 'EV/EBITDA (excl. leases) (X)', '13.7', '8.7', '6.8', '5.6'),
  r('Ratios & Valuation', 'CROCI (%)', '14.0', '14.4', '15.9', '16.5'),
  r('Ratios & Valuation', 'ROE (%)', '(10.1)', '(7.3)', '(4.8)', '(2.3)'),
  r('Ratios & Valuation', 'Net debt/equity (%)', '30.1', '69.4', '122.8', '164.5'),
  r('Ratios & Valuation', 'Net debt/equity (excl. leases) (%)', '29.1', '68.3', '121.7', '163.4'),
  r('Ratios & Valuation', 'Interest cover (X)', '(0.3)', '0.1', '0.6', '0.9'),
  r('Ratios & Valuation', 'Days inventory outst, sales', '--', '--', '--', '--'),
  r('Ratios & Valuation', 'Receivable days', '61.3', '55.3', '51.3', '50.3'),
  r('Ratios & Valuation', 'Days payable outstanding', '88.6', '85.2', '85.2', '81.1'),
  r('Ratios & Valuation', 'DuPont ROE (%)', '(7.9)', '(7.6)', '(4.9)', '(2.3)'),
  r('Ratios & Valuation', 'Turnover (X)', '0.4', '0.4', '0.5', '0.5'),
  r('Ratios & Valuation', 'Leverage (X)', '2.9', '3.5', '4.2', '4.9'),
  r(
    'Ratios & Valuation',
    'Gross cash invested (ex cash) (Rmb)',
    '22,049.1',
    '29,839.8',
    '39,234.8',
    '49,347.5',
  ),
  r('Ratios & Valuation', 'Average capital employed (Rmb)', '8,114.6', '10,077.5', '11,686.9', '13,539.7'),
  r('Ratios & Valuation', 'BVPS (Rmb)', '34.05', '28.17', '26.58', '25.72'),
  r('Growth & Margins', 'Total revenue growth', '22.8', '30.8', '25.6', '21.3'),
  r('Growth & Margins', 'EBITDA growth', '179.9', '70.0', '42.9', '32.2'),
  r('Growth & Margins', 'EPS growth', '21.0', '19.9', '39.0', '53.9'),
  r('Growth & Margins', 'DPS growth', 'NM', 'NM', 'NM', 'NM'),
  r('Growth & Margins', 'EBIT margin', '(1.6)', '0.3', '2.3', '3.7'),
  r('Growth & Margins', 'EBITDA margin', '24.4', '31.7', '36.0', '39.3'),
  r('Growth & Margins', 'Net income margin', '(7.7)', '(5.2)', '(2.6)', '(1.0)'),
  r('Income Statement', 'Total revenue', '9,558.6', '12,506.7', '15,707.7', '19,050.9'),
  r('Income Statement', 'Cost of goods sold', '(8,016.9)', '(10,718.3)', '(13,433.0)', '(16,230.7)'),
  r('Income Statement', 'SG&A', '(1,114.8)', '(1,147.3)', '(1,235.6)', '(1,335.8)'),
  r('Income Statement', 'R&D', '(752.9)', '(774.6)', '(851.3)', '(962.7)'),
  r('Income Statement', 'Other operating inc./(exp.)', '--', '--', '--', '--'),
  r('Income Statement', 'EBITDA', '2,162.0', '3,777.9', '5,482.1', '7,304.0'),
  r('Income Statement', 'Depreciation & amortization', '(2,480.4)', '(3,918.3)', '(5,294.3)', '(6,782.4)'),
  r('Income Statement', 'EBIT', '(152.2)', '40.3', '361.6', '695.4'),
  r('Income Statement', 'Net interest inc./(exp.)', '(417.2)', '(509.2)', '(590.9)', '(709.3)'),
  r('Income Statement', 'Income/(loss) from associates', '--', '--', '--', '--'),
  r('Income Statement', 'Pre-tax profit', '(735.6)', '(649.6)', '(403.1)', '(187.6)'),
  r('Income Statement', 'Provision for taxes', '4.2', '(5.1)', '0.0', '0.0'),
  r('Income Statement', 'Minority interest', '--', '(0.1)', '--', '--'),
  r('Income Statement', 'Preferred dividends', '--', '--', '--', '--'),
  r('Income Statement', 'Net inc. (pre-exceptionals)', '(731.4)', '(654.7)', '(403.1)', '(187.6)'),
  r('Income Statement', 'Post-tax exceptionals', '(204.9)', '(296.8)', '(306.4)', '(363.4)'),
  r('Income Statement', 'Net inc. (post-exceptionals)', '(936.3)', '(951.5)', '(709.5)', '(551.0)'),
  r('Income Statement', 'EPS (basic, pre-except) (Rmb)', '(2.67)', '(2.14)', '(1.30)', '(0.60)'),
  r('Income Statement', 'EPS (diluted, pre-except) (Rmb)', '(2.67)', '(2.14)', '(1.30)', '(0.60)'),
  r('Income Statement', 'EPS (basic, post-except) (Rmb)', '(3.42)', '(3.11)', '(2.30)', '(1.77)'),
  r('Income Statement', 'EPS (diluted, post-except) (Rmb)', '(3.42)', '(3.11)', '(2.30)', '(1.77)'),
  r('Income Statement', 'DPS (Rmb)', '--', '--', '--', '--'),
  r('Income Statement', 'Div. payout ratio (%)', '0.0', '0.0', '0.0', '0.0'),
  r('Balance Sheet', 'Cash & cash equivalents', '6,117.2', '4,398.7', '3,296.6', '3,602.4'),
  r('Balance Sheet', 'Accounts receivable', '1,740.5', '2,047.3', '2,365.6', '2,882.1'),
  r('Balance Sheet', 'Inventory', '--', '--', '--', '--'),
  r('Balance Sheet', 'Other current assets', '3,165.7', '3,795.6', '4,418.0', '5,003.1'),
  r('Balance Sheet', 'Total current assets', '11,023.4', '10,241.6', '10,080.2', '11,487.6'),
  r('Balance Sheet', 'Net PP&E', '10,193.3', '14,794.6', '18,849.9', '22,304.6'),
  r('Balance Sheet', 'Net intangibles', '5,138.5', '5,018.9', '4,909.3', '4,836.2'),
  r('Balance Sheet', 'Total investments', '234.2', '234.2', '234.2', '234.2'),
  r('Balance Sheet', 'Other long-term assets', '139.8', '139.8', '139.8', '139.8'),
  r('Balance Sheet', 'Total assets', '26,729.2', '30,429.1', '34,213.4', '39,002.5'),
  r('Balance Sheet', 'Accounts payable', '2,014.5', '2,988.2', '3,279.3', '3,935.5'),
  r('Balance Sheet', 'Short-term debt', '3,348.3', '3,348.3', '3,348.3', '3,848.3'),
  r('Balance Sheet', 'Short-term lease liabilities', '40.9', '40.9', '40.9', '40.9'),
  r('Balance Sheet', 'Other current liabilities', '4,017.7', '4,589.9', '5,084.5', '5,581.3'),
  r('Balance Sheet', 'Total current liabilities', '9,421.3', '10,967.3', '11,753.1', '13,406.0'),
  r('Balance Sheet', 'Long-term debt', '3,023.5', '3,023.5', '4,523.5', '6,023.5'),
  r('Balance Sheet', 'Long-term lease liabilities', '51.1', '51.1', '51.1', '51.1'),
  r('Balance Sheet', 'Other long-term liabilities', '4,920.1', '7,772.8', '9,674.4', '11,498.2'),
  r('Balance Sheet', 'Total long-term liabilities', '7,994.8', '10,847.5', '14,249.1', '17,572.9'),
  r('Balance Sheet', 'Total liabilities', '17,416.2', '21,814.8', '26,002.2', '30,978.9'),
  r('Balance Sheet', 'Preferred shares', '0.0', '--', '--', '--'),
  r('Balance Sheet', 'Total common equity', '9,317.0', '8,618.2', '8,215.1', '8,027.5'),
  r('Balance Sheet', 'Minority interest', '(4.0)', '(3.9)', '(3.9)', '(3.9)'),
  r('Balance Sheet', 'Total liabilities & equity', '26,729.2', '30,429.1', '34,213.4', '39,002.5'),
  r('Balance Sheet', 'Net debt, adjusted', '2,714.6', '5,885.8', '9,989.6', '13,107.6'),
  r('Cash Flow', 'Net income', '(943.7)', '(951.4)', '(709.5)', '(551.0)'),
  r('Cash Flow', 'D&A add-back', '2,480.4', '3,918.3', '5,294.3', '6,782.4'),
  r('Cash Flow', 'Minority interest add-back', '--', '--', '--', '--'),
  r('Cash Flow', 'Net (inc)/dec working capital', '1,760.7', '3,461.9', '1,746.7', '1,875.0'),
  r('Cash Flow', 'Other operating cash flow', '503.6', '252.7', '306.4', '363.4'),
  r('Cash Flow', 'Cash flow from operations', '3,801.0', '6,681.5', '6,637.8', '8,469.8'),
  r('Cash Flow', 'Capital expenditures', '(4,742.4)', '(8,400.0)', '(9,240.0)', '(10,164.0)'),
  r('Cash Flow', 'Acquisitions', '--', '--', '--', '--'),
  r('Cash Flow', 'Divestitures', '--', '--', '--', '--'),
  r('Cash Flow', 'Others', '212.6', '--', '--', '--'),
  r('Cash Flow', 'Cash flow from investing', '(4,529.7)', '(8,400.0)', '(9,240.0)', '(10,164.0)'),
  r('Cash Flow', 'Repayment of lease liabilities', '--', '--', '--', '--'),
  r('Cash Flow', 'Dividends paid (common & pref)', '--', '--', '--', '--'),
  r('Cash Flow', 'Inc/(dec) in debt', '1,357.3', '0.0', '1,500.0', '2,000.0'),
  r('Cash Flow', 'Other financing cash flows', '2,758.5', '0.1', '0.0', '0.0'),
  r('Cash Flow', 'Cash flow from financing', '4,115.8', '0.1', '1,500.0', '2,000.0'),
  r('Cash Flow', 'Total cash flow', '3,387.1', '(1,718.4)', '(1,102.2)', '305.8'),
  r('Cash Flow', 'Free cash flow', '(941.3)', '(1,718.5)', '(2,602.2)', '(1,694.2)'),
];

/** A printed cell read as a number: its value and decimals; "--" is zero to one decimal; "NM" is not meaningful. */
export type PublishedCell = { kind: 'number'; value: string; decimals: number } | { kind: 'NM' };

/** Reads a printed cell: "9,558.6" -> 9558.6 (1 decimal), "(2.67)" -> -2.67 (2 decimals), "--" -> 0 (1 decimal), "NM". */
export function parsePublished(cell: string): PublishedCell {
  if (cell === 'NM') return { kind: 'NM' };
  if (cell === '--') return { kind: 'number', value: '0', decimals: 1 };
  const m = /^(\()?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(\))?$/.exec(cell);
  if (!m || Boolean(m[1]) !== Boolean(m[4]))
    throw new Error(`Unparseable published figure: ${JSON.stringify(cell)}`);
  const fraction = m[3] ?? '';
  return {
    kind: 'number',
    value: (m[1] ? '-' : '') + m[2].replace(/,/g, '') + (fraction ? `.${fraction}` : ''),
    decimals: fraction.length,
  };
}
