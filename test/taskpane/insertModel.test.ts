/**
 * Insert into the strict Excel stand-in: every formula evaluates to the engine's value (so no formula named a sheet
 * or a name before it existed: the stand-in would have left it #REF! or #NAME?), at most 3 round trips, every
 * request under Excel on the web's 5 MB, calculation suspended while writing and then done by the add-in, the state
 * in the workbook settings, and the user's own sheets and names left alone.
 */
import { PAYLOAD_LIMIT } from '../../src/taskpane/excelHost';
import {
  convertToValues,
  readEditedAssumptions,
  readInsertedScenario,
  readSummary,
  writeAssumption,
  type InsertResult,
} from '../../src/taskpane/excelWriter';
import { readState, STATE_KEY } from '../../src/taskpane/modelState';
import { buildModel, PERIODS } from '../../src/model';
import { SHEET_NAMES } from '../../src/workbook/plan';
import { CHART_COLOURS, COLOURS, LOOKS } from '../../src/workbook/styles';
import { createExcelStandIn, type ExcelStandIn } from '../support/excelStandIn';
import { at, close, DATE, engine, insert, lineCell, mismatches, plan, sheetOf, VERSION } from './helpers';

describe('Insert into a new workbook', () => {
  let standIn: ExcelStandIn;
  let result: InsertResult;
  const p = plan();

  beforeAll(async () => {
    standIn = createExcelStandIn();
    standIn.addSheet('Sheet1', { A1: 'notes', B1: 7 });
    standIn.resetCounters();
    result = await insert(standIn);
  });

  it("writes every sheet after the user's, and every formula evaluates to the engine's value", () => {
    expect(standIn.sheetNames()).toEqual(['Sheet1', ...p.sheets.map((s) => s.name)]);
    expect(standIn.sheetNames().every((s) => standIn.visibility(s) === 'Visible')).toBe(true);
    const m = mismatches(standIn, p);
    expect(m.first).toEqual([]);
    expect(m.compared).toBeGreaterThan(5000);
    expect(standIn.valueAt(SHEET_NAMES.checks, at(p.anchors.masterCheck))).toBe(true);
    expect(standIn.valueAt('Sheet1', 'B1')).toBe(7);
  });

  it('uses 3 round trips, each under 5 MB; suspends calculation while writing, then calculates', () => {
    expect(result.syncs).toBe(3);
    expect(standIn.syncCount).toBe(3);
    const max = Math.max(...standIn.requestSizes);
    expect(max).toBeLessThan(PAYLOAD_LIMIT);
    expect(max).toBeGreaterThan(300_000); // the write batch: every cell of nine sheets
    // The writer's own estimate is within 25% of the stand-in's measure.
    expect(Math.abs(result.maxRequestBytes - max) / max).toBeLessThan(0.25);
    expect(standIn.syncLog.map((s) => s.calculationSuspended)).toEqual([false, true, false]);
    expect(standIn.syncLog[1].screenSuspended).toBe(true);
    expect(standIn.calculationOwed).toBe(false);
    expect(result.calculated).toBe(true);
    console.log(
      `insert: ${standIn.syncCount} syncs; request bytes ${standIn.requestSizes.join(', ')}; ` +
        `requests ${standIn.syncLog.map((s) => s.requests).join(', ')}`,
    );
  });

  it('keeps its state in the workbook settings, with every input, far beyond a 255-character name', () => {
    const state = readState(standIn.settings()[STATE_KEY]);
    expect(state).not.toBeNull();
    const anchors = p.anchors;
    const inputCount =
      1 +
      Object.values(anchors.scalarInput).reduce((n, s) => n + Object.keys(s).length, 0) +
      Object.values(anchors.seriesInput).reduce(
        (n, s) => n + Object.values(s).reduce((m, q) => m + Object.keys(q).length, 0),
        0,
      );
    expect(Object.keys(state!.inputs)).toHaveLength(inputCount);
    expect(state!.inputs['wacc|base'][0]).toBe(at(anchors.scalarInput.wacc.base));
    expect(JSON.stringify(state).length).toBeGreaterThan(255 * 10);
    expect(state!.pending).toBeUndefined();
    // No name holds text: the state is not a string constant in a name any more.
    expect(standIn.names().filter((n) => n.formula.startsWith('="'))).toEqual([]);
  });

  it("defines the plan's names (visible) and its own KC_ names (hidden)", () => {
    const names = standIn.names();
    for (const n of p.names) {
      const found = names.find((x) => x.name === n.name);
      expect(found).toMatchObject({ visible: true });
      expect(found!.formula.replace(/'/g, '')).toBe(`=${n.sheet}!${n.ref}`);
    }
    const own = names.filter((n) => n.name.startsWith('KC_'));
    expect(own.length).toBe(p.sheets.length + 1 + 2);
    expect(own.every((n) => !n.visible)).toBe(true);
  });

  it('writes looks, number formats, widths, frozen panes', () => {
    const wacc = p.anchors.scalarInput.wacc.base;
    expect(standIn.format(SHEET_NAMES.assumptions, at(wacc)).fontColor).toBe('#0000FF');
    const revenue = lineCell(p, 'revenue', 3);
    const cell = p.sheets
      .find((s) => s.name === revenue.sheet)!
      .cells.find((c) => c.row === revenue.row && c.col === revenue.col)!;
    expect(standIn.format(revenue.sheet, at(revenue))).toMatchObject({
      fontColor: '#000000',
      numberFormat: cell.format,
    });
    const income = p.sheets.find((s) => s.name === SHEET_NAMES.income)!;
    expect(standIn.freeze(SHEET_NAMES.income)).toEqual(income.freeze);
    expect(standIn.columnWidth(SHEET_NAMES.income, 1)).toBeGreaterThan(income.widths[0] * 5);
  });

  it('draws the looks of src/workbook/styles.ts: rules, boxes, wrapped text, row heights, chart colours', () => {
    const cells = p.sheets.flatMap((s) => s.cells.map((c) => ({ sheet: s, c })));
    const header = cells.find(({ c }) => c.style === 'header')!;
    expect(standIn.format(header.sheet.name, at(header.c)).borders?.EdgeBottom).toEqual({
      style: 'Continuous',
      weight: 'Thin',
      color: `#${COLOURS.rule}`,
    });
    for (const { sheet, c } of cells.filter((x) => LOOKS[x.c.style].box)) {
      const borders = standIn.format(sheet.name, at(c)).borders ?? {};
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'])
        expect(borders[edge]).toMatchObject({ weight: 'Medium' });
      expect(standIn.format(sheet.name, at(c)).fill).toBe(`#${LOOKS[c.style].fill}`);
    }
    const wrapped = cells.filter(({ c }) => c.wrap);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const { sheet, c } of wrapped) expect(standIn.format(sheet.name, at(c)).wrapText).toBe(true);
    for (const s of p.sheets)
      for (const [row, height] of Object.entries(s.heights ?? {}))
        expect(standIn.rowHeight(s.name, Number(row))).toBe(height);
    const first = standIn.charts(p.charts[0].sheet)[0].series;
    expect(first[0].fillColor).toBe(`#${CHART_COLOURS[0]}`);
    if (p.charts[0].secondaryLine !== undefined)
      expect(first[p.charts[0].secondaryLine].lineColor).toBe(`#${CHART_COLOURS[p.charts[0].secondaryLine]}`);
  });

  it("draws the plan's charts from the statement rows, named for later updates", () => {
    // Charts are named per sheet (the Charts sheet's and the Valuation sheet's football field).
    for (const sheet of new Set(p.charts.map((c) => c.sheet))) {
      const mine = p.charts.filter((c) => c.sheet === sheet);
      const drawn = standIn.charts(sheet);
      expect(drawn.map((c) => c.title)).toEqual(mine.map((c) => c.title));
      expect(drawn.map((c) => c.name)).toEqual(mine.map((_, i) => `KC chart ${i + 1}`));
    }
    const charts = standIn.charts(p.charts[0].sheet);
    const [revenue] = charts[0].series;
    revenue.values.forEach((v, i) =>
      expect(close(v as number, engine('revenue', PERIODS[i + 1].id))).toBe(true),
    );
  });

  it('recalculates edits of WACC, a year of revenue growth and the selector like the engine', async () => {
    const sheet = SHEET_NAMES.assumptions;
    standIn.setValue(sheet, at(p.anchors.scalarInput.wacc.base), 0.11);
    standIn.setValue(sheet, at(p.anchors.seriesInput.revenueGrowth.base['2027E']), 0.2);
    const overrides = { wacc: '0.11', 'revenueGrowth.2027E': '0.2' };
    expect(mismatches(standIn, plan('base', overrides)).first).toEqual([]);
    expect(await readEditedAssumptions(standIn.host)).toEqual({ wacc: 0.11, 'revenueGrowth.2027E': 0.2 });
    standIn.setValue(sheet, at(p.anchors.selector), 2);
    // The edits were to the base case's inputs, and bull is changes to the base case: it moves with them
    // (WACC 11% - 0.5pp; 12/27E growth 20% + 5pp).
    const bull = { wacc: '0.105', 'revenueGrowth.2027E': '0.25' };
    expect(mismatches(standIn, plan('bull', bull)).first).toEqual([]);
    expect((await readInsertedScenario(standIn.host))?.selected).toBe('bull');
    const edited = await readEditedAssumptions(standIn.host);
    expect(close(edited!.wacc as number, 0.105)).toBe(true);
    expect(close(edited!['revenueGrowth.2027E'] as number, 0.25)).toBe(true);
    standIn.setValue(sheet, at(p.anchors.selector), 1);
  });

  it('reads the summary through names and writes an assumption for the scenario in force', async () => {
    const summary = await readSummary(standIn.host);
    const edited = buildModel({ overrides: { wacc: '0.11', 'revenueGrowth.2027E': '0.2' } });
    expect(close(summary!.targetPrice, edited.dcf().targetPrice.toNumber())).toBe(true);
    expect(summary!.masterCheck).toBe(true);
    expect(close(summary!.revenue['2028E'], edited.value('revenue', '2028E')!.toNumber())).toBe(true);
    expect(summary!.calculationMode).toBe('Automatic');
    await writeAssumption(standIn.host, 'wacc', undefined, 0.12);
    await writeAssumption(standIn.host, 'revenueGrowth', '2027E', 0.15);
    const after = await readSummary(standIn.host);
    const want = buildModel({ overrides: { wacc: '0.12', 'revenueGrowth.2027E': '0.15' } });
    expect(close(after!.targetPrice, want.dcf().targetPrice.toNumber())).toBe(true);
    await expect(writeAssumption(standIn.host, 'revenueGrowth', '1999E', 0.1)).rejects.toThrow(
      /has Revenue growth .*only for 12\/26E, /,
    );
    await expect(writeAssumption(standIn.host, 'wacc', undefined, Number.NaN)).rejects.toThrow(
      /not a number/,
    );
  });

  it("writes an assumption for the bull case as the bull case's change to the base input", async () => {
    const sheet = SHEET_NAMES.assumptions;
    const base = standIn.valueAt(sheet, at(p.anchors.scalarInput.wacc.base)) as number;
    standIn.setValue(sheet, at(p.anchors.selector), 2);
    await writeAssumption(standIn.host, 'wacc', undefined, 0.13);
    // The base input is untouched; the bull change is what takes bull's WACC to 13%.
    expect(standIn.valueAt(sheet, at(p.anchors.scalarInput.wacc.base))).toBe(base);
    expect(close(standIn.valueAt(sheet, at(p.anchors.scalarInput.wacc.bull)) as number, 0.13 - base)).toBe(
      true,
    );
    const summary = await readSummary(standIn.host);
    const bull = standIn.valueAt(sheet, at(p.anchors.seriesInput.revenueGrowth.base['2027E'])) as number;
    const want = buildModel({
      scenario: 'bull',
      overrides: { wacc: '0.13', 'revenueGrowth.2027E': String(bull + 0.05) },
    });
    expect(close(summary!.targetPrice, want.dcf().targetPrice.toNumber())).toBe(true);
    // Back to the bull case as inserted, and to the base case.
    standIn.setValue(sheet, at(p.anchors.scalarInput.wacc.bull), -0.005);
    standIn.setValue(sheet, at(p.anchors.selector), 1);
  });

  it('converts to values: value-only copies and a stamp, each request and response under 5 MB', async () => {
    standIn.resetCounters();
    const { sheets } = await convertToValues(standIn.host, {
      scenario: 'base',
      version: VERSION,
      date: DATE,
    });
    expect(standIn.syncCount).toBe(3);
    expect(Math.max(...standIn.requestSizes)).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...standIn.syncLog.map((x) => x.responseBytes))).toBeLessThan(PAYLOAD_LIMIT);
    console.log(
      `convert to values: request bytes ${standIn.requestSizes.join(', ')}; ` +
        `response bytes ${standIn.syncLog.map((x) => x.responseBytes).join(', ')}`,
    );
    expect(sheets[0]).toBe('KC values');
    expect(standIn.valueAt('KC values', 'B3')).toBe(DATE);
    const revenue = lineCell(p, 'revenue', 3);
    const copy = `KC values – ${revenue.sheet}`;
    expect(standIn.formulaAt(copy, at(revenue))).toBe(standIn.valueAt(revenue.sheet, at(revenue)));
    const heading = p.sheets
      .find((s) => s.name === revenue.sheet)!
      .cells.find((c) => c.row === 3 && c.col === 4)!;
    expect(standIn.valueAt(copy, 'D3')).toBe(heading.value); // "12/24": text, not a date
    for (const s of sheets)
      for (const a of ['A1', 'D4', 'E10']) expect(String(standIn.formulaAt(s, a))).not.toMatch(/^=/);
  });
});

describe('Insert beside a user\'s sheet "Balance Sheet" and a user\'s name wacc', () => {
  let standIn: ExcelStandIn;
  let result: InsertResult;
  const p = plan();

  beforeAll(async () => {
    standIn = createExcelStandIn();
    standIn.addSheet('Sheet1', { A1: 'My WACC', B1: 0.09 });
    standIn.addSheet('Balance Sheet', { A1: 'My own balance sheet', B2: 42, C3: '=B2*2' });
    standIn.addName('wacc', '=Sheet1!$B$1');
    standIn.addSheet('Mine', { A1: '=wacc*100' });
    result = await insert(standIn);
  });

  it("leaves the user's sheet alone and writes the model's beside it", () => {
    expect(result.renamed).toEqual({ 'Balance Sheet': 'Balance Sheet (KC)' });
    expect(standIn.formulaAt('Balance Sheet', 'C3')).toBe('=B2*2');
    expect(standIn.valueAt('Balance Sheet', 'C3')).toBe(84);
    expect(mismatches(standIn, p, (s) => sheetOf(result, s)).first).toEqual([]);
  });

  it("never changes the user's name: the model's names carry the KC_ prefix, in formulas too", () => {
    expect(result.prefixedNames).toBe(true);
    const names = standIn.names();
    expect(names.find((n) => n.name === 'wacc')?.formula).toBe('=Sheet1!$B$1');
    expect(standIn.valueAt('Mine', 'A1')).toBe(9);
    expect(names.find((n) => n.name === 'KC_wacc')).toBeDefined();
    const usesWacc = p.sheets
      .flatMap((s) => s.cells.filter((c) => c.formula && /\bwacc\b/.test(c.formula)).map((c) => ({ s, c })))
      .slice(0, 3);
    expect(usesWacc.length).toBeGreaterThan(0);
    for (const { s, c } of usesWacc) {
      const f = String(standIn.formulaAt(sheetOf(result, s.name), at(c)));
      expect(f).toMatch(/\bKC_wacc\b/);
      expect(f).not.toMatch(/(^|[^_])\bwacc\b/);
    }
  });

  it('reads the summary through the prefixed names', async () => {
    const summary = await readSummary(standIn.host);
    expect(close(summary!.targetPrice, buildModel().dcf().targetPrice.toNumber())).toBe(true);
  });
});

describe('Insert in Manual calculation mode', () => {
  it('leaves the mode alone and the figures to F9', async () => {
    const standIn = createExcelStandIn();
    standIn.addSheet('Sheet1');
    standIn.calculationMode = 'Manual';
    const result = await insert(standIn);
    expect(result.calculated).toBe(false);
    expect(standIn.calculationMode).toBe('Manual');
    expect(standIn.calculationOwed).toBe(true);
    expect(mismatches(standIn, plan()).count).toBeGreaterThan(1000);
    expect((await readSummary(standIn.host))?.calculationMode).toBe('Manual');
    standIn.calculateNow();
    expect(mismatches(standIn, plan()).first).toEqual([]);
  });
});

describe('Insert refuses bad input before touching the workbook', () => {
  it('rejects bad overrides with no round trip', async () => {
    const standIn = createExcelStandIn();
    standIn.addSheet('Sheet1');
    await expect(insert(standIn, 'base', { wacc: 'abc' })).rejects.toThrow();
    expect(standIn.syncCount).toBe(0);
  });

  it('stops, changing nothing, when even the KC_ names are taken', async () => {
    const standIn = createExcelStandIn();
    standIn.addSheet('Sheet1');
    standIn.addName('wacc', '=Sheet1!$A$1');
    standIn.addName('KC_wacc', '=Sheet1!$A$2');
    const before = standIn.snapshot();
    await expect(insert(standIn)).rejects.toThrow(/already has names that KC Model needs: KC_wacc/);
    expect(standIn.snapshot()).toBe(before);
  });
});
