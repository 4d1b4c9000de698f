/**
 * The writer's pure parts: the plan with prefixed names evaluates exactly like the plain one (HyperFormula), the
 * layout version moves with addresses only, the input keys cover every input anchor, formula rewriting leaves text and
 * sheet names alone, and cell covers are exact.
 */
import fc from 'fast-check';
import { coverCells, parseSheetRef } from '../../src/taskpane/addresses';
import { renameNamesInFormula, renameSheetsInFormula } from '../../src/taskpane/formulaText';
import { inputCells, layoutFor, layoutVersion, PREFIX } from '../../src/taskpane/layout';
import { buildPlan } from '../../src/workbook/plan';
import { loadIntoHyperFormula, toCell } from '../support/hyperformula';
import { close } from '../support/libreoffice';
import { plan } from './helpers';

describe('renameNamesInFormula', () => {
  const names = new Set(['wacc', 'scenario', 'price']);
  const prefix = (f: string) => renameNamesInFormula(f, names, (n) => `KC_${n}`);

  it('renames names, whatever their case, and nothing else', () => {
    expect(prefix('CHOOSE(scenario,E9,F9)*WACC')).toBe('CHOOSE(KC_scenario,E9,F9)*KC_WACC');
    expect(prefix('"wacc"&wacc')).toBe('"wacc"&KC_wacc');
    expect(prefix("'wacc'!A1+wacc")).toBe("'wacc'!A1+KC_wacc");
    expect(prefix('PRICE(1,2)+price')).toBe('PRICE(1,2)+KC_price');
    expect(prefix('waccs+my.wacc+wacc_2+Sheet1!wacc')).toBe('waccs+my.wacc+wacc_2+Sheet1!wacc');
    expect(prefix('"say ""wacc"""&wacc')).toBe('"say ""wacc"""&KC_wacc');
  });

  it('renames sheets only where quoted as sheets', () => {
    expect(
      renameSheetsInFormula("'Balance Sheet'!E3+\"'Balance Sheet'!\"", { 'Balance Sheet': "B's (KC)" }),
    ).toBe("'B''s (KC)'!E3+\"'Balance Sheet'!\"");
  });
});

describe('the plan as a workbook with prefixed names and a renamed sheet', () => {
  it("evaluates every formula exactly as the engine does (HyperFormula), with every name's KC_ twin", () => {
    const base = plan();
    const sheetName = Object.fromEntries(base.sheets.map((s) => [s.name, s.name]));
    sheetName['Balance Sheet'] = "Balance Sheet (KC's)";
    const layout = layoutFor(base, sheetName, true);
    expect(layout.plan.names.every((n) => n.name.startsWith(PREFIX))).toBe(true);
    const loaded = loadIntoHyperFormula(layout.plan);
    let compared = 0;
    const bad: string[] = [];
    layout.plan.sheets.forEach((sheet, i) =>
      sheet.cells.forEach((c, j) => {
        const original = base.sheets[i].cells[j];
        if (original.formula === undefined || original.cached === undefined) return;
        compared++;
        const actual = loaded.read({ sheet: sheet.name, row: c.row, col: c.col });
        const want = toCell(original.cached);
        const ok =
          typeof want === 'number' && typeof actual === 'number' ? close(actual, want) : actual === want;
        if (!ok && bad.length < 5) bad.push(`${sheet.name} ${c.what}: ${c.formula} = ${String(actual)}`);
      }),
    );
    expect(bad).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
  });
});

describe('layoutVersion and the input keys', () => {
  it('depends on where cells are, not on the scenario, overrides or stamps', () => {
    const version = layoutVersion(plan());
    expect(
      layoutVersion(buildPlan({ scenario: 'bear', overrides: { wacc: '0.12' }, date: '2030-01-01' })),
    ).toBe(version);
    const moved = plan();
    const sheet = moved.sheets[1];
    moved.sheets[1] = {
      ...sheet,
      cells: sheet.cells.map((c, i) => (i === 0 ? { ...c, row: c.row + 1 } : c)),
    };
    expect(layoutVersion(moved)).not.toBe(version);
  });

  it('keys every input anchor (selector, scalar and per-year drivers by scenario) to an input cell of the plan', () => {
    const p = plan();
    const inputs = inputCells(p);
    const sheet = p.sheets.find((s) => s.name === p.anchors.selector.sheet)!;
    const styles = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c.style]));
    for (const c of inputs.values()) expect(styles.get(`${c.row},${c.col}`)).toBe('input');
    const { row, col } = p.anchors.scalarInput.wacc.bull;
    expect(inputs.get('wacc|bull')).toMatchObject({ row, col });
    const g = p.anchors.seriesInput.revenueGrowth.bear['2027E'];
    expect(inputs.get('revenueGrowth|bear|2027E')).toMatchObject({ row: g.row, col: g.col });
    expect(new Set([...inputs.values()].map((c) => `${c.row},${c.col}`)).size).toBe(inputs.size);
  });
});

describe('addresses', () => {
  it('coverCells covers exactly the cells given', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 })), {
          selector: ([r, c]) => `${r},${c}`,
        }),
        (pairs) => {
          const keys = pairs.map(([r, c]) => `${r},${c}`);
          const covered: string[] = [];
          for (const r of coverCells(keys))
            for (let row = r.row1; row <= r.row2; row++)
              for (let col = r.col1; col <= r.col2; col++) covered.push(`${row},${col}`);
          expect(covered.sort()).toEqual([...keys].sort());
        },
      ),
    );
  });

  it("parseSheetRef reads a name's reference, and nothing that is not one rectangle", () => {
    expect(parseSheetRef("='It''s'!$A$1:$C$3")).toEqual({
      sheet: "It's",
      rect: { row1: 1, col1: 1, row2: 3, col2: 3 },
    });
    expect(parseSheetRef('=DCF!$D$9')?.sheet).toBe('DCF');
    for (const bad of ['=#REF!', '=#REF!$A$1', '="text"', '=Sheet1!$A$1,Sheet1!$B$2'])
      expect(parseSheetRef(bad)).toBeNull();
  });
});
