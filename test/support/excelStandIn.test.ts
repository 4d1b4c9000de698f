/**
 * Conformance tests of the Excel stand-in: each pins one Excel behaviour the task pane relies on, and names the
 * Microsoft page or Office.js issue it follows (test/support/README.md has the list with links). Where Microsoft is
 * silent the stand-in is stricter than Excel is known to be, and the test says so.
 */
import { createExcelStandIn, type ExcelStandIn } from './excelStandIn';

type Ctx = Excel.RequestContext;

function workbook(...sheets: string[]): ExcelStandIn {
  const s = createExcelStandIn();
  for (const name of sheets) s.addSheet(name);
  return s;
}

const run = <T>(s: ExcelStandIn, batch: (context: Ctx) => Promise<T>) => s.host.run(batch);

/** Writes formulas (or values) into one sheet in one batch. */
async function write(s: ExcelStandIn, sheet: string, cells: Record<string, string | number>): Promise<void> {
  await run(s, async (context) => {
    for (const [a1, v] of Object.entries(cells))
      context.workbook.worksheets.getItem(sheet).getRange(a1).formulas = [[v]];
    await context.sync();
  });
}

describe('Office.js batches ("Application-specific API model": load, sync, proxies)', () => {
  it('queues requests until context.sync() and refuses to read what was not loaded', async () => {
    const s = workbook('Sheet1');
    await run(s, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [[5]];
      expect(s.valueAt('Sheet1', 'A1')).toBe('');
      expect(() => range.values).not.toThrow(); // a value set in this batch reads back
      const other = context.workbook.worksheets.getItem('Sheet1').getRange('B1');
      expect(() => other.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(s.valueAt('Sheet1', 'A1')).toBe(5);
    });
  });

  it('runs requests in order; a failing request stops the batch with the earlier ones applied', async () => {
    const s = workbook('Sheet1');
    await expect(
      run(s, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1').values = [[1]];
        context.workbook.worksheets.getItem('Nope').getRange('A1').values = [[2]];
        sheet.getRange('A2').values = [[3]];
        await context.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
    expect(s.valueAt('Sheet1', 'A1')).toBe(1);
    expect(s.valueAt('Sheet1', 'A2')).toBe('');
  });

  it('a request context works only inside its Excel.run; Excel.run(context, batch) reopens it', async () => {
    const s = workbook('Sheet1');
    let saved: Ctx | null = null;
    await run(s, async (context) => {
      saved = context;
    });
    expect(() => saved!.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values')).toThrow(
      /InvalidObjectPath/,
    );
    await s.host.runIn(saved!, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[7]];
      await context.sync();
    });
    expect(s.valueAt('Sheet1', 'A1')).toBe(7);
  });
});

describe('sheet references are resolved when a formula is entered (KB Q81318; EPPlus #1462)', () => {
  it('a formula naming a sheet that does not exist yet stays #REF! after the sheet is added', async () => {
    const s = workbook('Sheet1');
    await write(s, 'Sheet1', { A1: "='Later Sheet'!A1*2", A2: '=Later!B1' });
    expect(s.valueAt('Sheet1', 'A1')).toBe('#REF!');
    s.addSheet('Later Sheet', { A1: 21 });
    s.addSheet('Later', { B1: 3 });
    expect(s.valueAt('Sheet1', 'A1')).toBe('#REF!');
    expect(s.valueAt('Sheet1', 'A2')).toBe('#REF!');
    expect(s.formulaAt('Sheet1', 'A1')).toBe('=#REF!*2');
  });

  it('the same formula entered after the sheet exists works', async () => {
    const s = workbook('Sheet1', 'Later Sheet');
    await write(s, 'Later Sheet', { A1: 21 });
    await write(s, 'Sheet1', { A1: "='Later Sheet'!A1*2" });
    expect(s.valueAt('Sheet1', 'A1')).toBe(42);
  });

  it('within one batch, a sheet added before the formula counts (requests run in order)', async () => {
    const s = workbook('Sheet1');
    await run(s, async (context) => {
      const later = context.workbook.worksheets.add('Later');
      later.getRange('A1').values = [[4]];
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=Later!A1+1']];
      await context.sync();
    });
    expect(s.valueAt('Sheet1', 'A1')).toBe(5);
  });

  it('a name referring to a missing sheet is #REF! for good', async () => {
    const s = workbook('Sheet1');
    s.addName('early', "='Later'!$A$1");
    s.addSheet('Later', { A1: 1 });
    expect(s.names().find((n) => n.name === 'early')?.formula).toBe('=#REF!');
  });

  it('stricter than Excel (Microsoft is silent): a formula using a name not yet defined stays #NAME?', async () => {
    const s = workbook('Sheet1');
    await write(s, 'Sheet1', { A1: 10, B1: '=rate*2' });
    expect(s.valueAt('Sheet1', 'B1')).toBe('#NAME?');
    s.addName('rate', '=Sheet1!$A$1');
    expect(s.valueAt('Sheet1', 'B1')).toBe('#NAME?');
    expect(s.formulaAt('Sheet1', 'B1')).toBe('=rate*2');
    await write(s, 'Sheet1', { B2: '=rate*2' });
    expect(s.valueAt('Sheet1', 'B2')).toBe(20);
  });
});

describe('deleting and renaming sheets ("Delete a worksheet", "Rename a worksheet", Microsoft Support)', () => {
  it('deleting a sheet turns every reference to it into #REF! for good, in formulas, names and charts', async () => {
    const s = workbook('Sheet1', 'Model');
    await write(s, 'Model', { A1: 'Label', B1: 'x', A2: 'Line', B2: 5 });
    await write(s, 'Sheet1', { A1: '=Model!B2*2', A2: "=SUM('Model'!B2:B3)" });
    s.addName('modelCell', '=Model!$B$2');
    s.addUserChart('Sheet1', 'Model!A1:B2');
    expect(s.valueAt('Sheet1', 'A1')).toBe(10);
    s.deleteSheet('Model');
    expect(s.formulaAt('Sheet1', 'A1')).toBe('=#REF!*2');
    expect(s.valueAt('Sheet1', 'A2')).toBe('#REF!');
    expect(s.names()[0].formula).toBe('=#REF!');
    expect(s.charts('Sheet1')[0].series[0].source).toBe('#REF!');
    s.addSheet('Model', { B2: 5 });
    expect(s.valueAt('Sheet1', 'A1')).toBe('#REF!');
    expect(s.names()[0].formula).toBe('=#REF!');
  });

  it('renaming a sheet rewrites references to it in formulas and names', async () => {
    const s = workbook('Sheet1', 'Model');
    await write(s, 'Model', { B2: 5 });
    await write(s, 'Sheet1', { A1: '=Model!B2*2' });
    s.addName('modelCell', '=Model!$B$2');
    s.renameSheet('Model', 'My model');
    expect(s.formulaAt('Sheet1', 'A1')).toBe("='My model'!B2*2");
    expect(s.valueAt('Sheet1', 'A1')).toBe(10);
    expect(s.names()[0].formula).toBe("='My model'!$B$2");
  });

  it('inserting and deleting rows moves references, names and charts with the cells', async () => {
    const s = workbook('Sheet1', 'Model');
    await write(s, 'Model', { A1: 'x', B1: 'c', A2: 'Line', B2: 5 });
    await write(s, 'Sheet1', { A1: '=Model!B2*2' });
    s.addName('box', '=Model!$A$1:$B$2');
    s.addUserChart('Sheet1', 'Model!A1:B2');
    s.insertRows('Model', 1, 2);
    expect(s.formulaAt('Sheet1', 'A1')).toBe('=Model!B4*2');
    expect(s.names()[0].formula).toBe('=Model!$A$3:$B$4');
    expect(s.charts('Sheet1')[0].series[0].values).toEqual([5]);
    s.insertColumns('Model', 'A');
    expect(s.names()[0].formula).toBe('=Model!$B$3:$C$4');
    s.deleteRows('Model', 1, 2);
    expect(s.names()[0].formula).toBe('=Model!$B$1:$C$2');
    expect(s.valueAt('Sheet1', 'A1')).toBe(10);
  });

  it('sheet names follow Excel\'s rules: 31 characters, no \\ / ? * [ ] :, not "History", unique', async () => {
    const s = workbook('Sheet1');
    for (const bad of ['x'.repeat(32), 'a/b', 'a:b', 'History', 'sheet1'])
      await expect(
        run(s, async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
      ).rejects.toThrow(/InvalidArgument|ItemAlreadyExists/);
  });

  it('a workbook keeps at least one visible sheet', async () => {
    const s = workbook('Only');
    expect(() => s.deleteSheet('Only')).toThrow(/InvalidOperation/);
  });
});

describe('Excel specifications and limits (Microsoft Support)', () => {
  const tryWrite = (s: ExcelStandIn, value: string) => write(s, 'Sheet1', { A1: value });

  it('rejects a text constant over 255 characters in a formula, accepts 255', async () => {
    const s = workbook('Sheet1');
    await expect(tryWrite(s, `="${'a'.repeat(256)}"`)).rejects.toThrow(/255 characters/);
    await tryWrite(s, `="${'a'.repeat(255)}"`);
    expect(String(s.valueAt('Sheet1', 'A1'))).toHaveLength(255);
  });

  it('rejects a text constant over 255 characters in a name', () => {
    const s = workbook('Sheet1');
    expect(() => s.addName('state', `="${'x'.repeat(300)}"`)).toThrow(/255 characters/);
  });

  it('rejects a formula over 8,192 characters, accepts 8,192', async () => {
    const s = workbook('Sheet1');
    // 31 text constants of 255 characters joined by &, then one more to reach the length wanted.
    const formula = (length: number) => {
      const head = `=${Array.from({ length: 31 }, () => `"${'a'.repeat(255)}"`).join('&')}&"`;
      return `${head}${'b'.repeat(length - head.length - 1)}"`;
    };
    expect(formula(8193)).toHaveLength(8193);
    await expect(tryWrite(s, formula(8193))).rejects.toThrow(/8192/);
    await tryWrite(s, formula(8192));
    expect(String(s.valueAt('Sheet1', 'A1'))).toMatch(/^a+b+$/);
  });

  it('rejects cell text over 32,767 characters', async () => {
    const s = workbook('Sheet1');
    await expect(tryWrite(s, 'x'.repeat(32768))).rejects.toThrow(/32767/);
    await tryWrite(s, 'x'.repeat(32767));
  });

  it('reads text as Excel reads typed input unless the cell is formatted as Text (@)', async () => {
    const s = workbook('Sheet1');
    await run(s, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['12/25']];
      sheet.getRange('A2').numberFormat = [['@']];
      sheet.getRange('A2').values = [['12/25']];
      sheet.getRange('A3').values = [['=1+1']];
      await context.sync();
    });
    expect(typeof s.valueAt('Sheet1', 'A1')).toBe('number');
    expect(s.valueAt('Sheet1', 'A2')).toBe('12/25');
    expect(s.valueAt('Sheet1', 'A3')).toBe(2);
  });
});

describe('calculation (Application.suspendApiCalculationUntilNextSync, calculationMode, calculate)', () => {
  it('after suspendApiCalculationUntilNextSync, values stay stale until the add-in calculates', async () => {
    const s = workbook('Sheet1');
    await write(s, 'Sheet1', { A1: 1, B1: '=A1*10' });
    expect(s.valueAt('Sheet1', 'B1')).toBe(10);
    await run(s, async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [[2]];
      sheet.getRange('C1').formulas = [['=A1*100']];
      await context.sync();
    });
    // "Once set, it is the developer's responsibility to re-calc the workbook."
    expect(s.valueAt('Sheet1', 'A1')).toBe(2);
    expect(s.valueAt('Sheet1', 'B1')).toBe(10);
    expect(s.valueAt('Sheet1', 'C1')).toBe(0);
    await write(s, 'Sheet1', { A2: 5 }); // a later unsuspended write does not settle what is owed
    expect(s.valueAt('Sheet1', 'B1')).toBe(10);
    await run(s, async (context) => {
      context.workbook.application.calculate('Full');
      await context.sync();
    });
    expect(s.valueAt('Sheet1', 'B1')).toBe(20);
    expect(s.valueAt('Sheet1', 'C1')).toBe(200);
  });

  it('honours Manual calculation mode: edits wait for F9; the mode reads back', async () => {
    const s = workbook('Sheet1');
    await write(s, 'Sheet1', { A1: 1, B1: '=A1*10' });
    s.calculationMode = 'Manual';
    const mode = await run(s, async (context) => {
      const app = context.workbook.application.load('calculationMode');
      await context.sync();
      return app.calculationMode;
    });
    expect(mode).toBe('Manual');
    s.setValue('Sheet1', 'A1', 3);
    expect(s.valueAt('Sheet1', 'B1')).toBe(10);
    expect(s.calculationOwed).toBe(true);
    s.calculateNow();
    expect(s.valueAt('Sheet1', 'B1')).toBe(30);
  });

  it('in Automatic mode an edit recalculates at once', async () => {
    const s = workbook('Sheet1');
    await write(s, 'Sheet1', { A1: 1, B1: '=A1*10' });
    s.setValue('Sheet1', 'A1', 4);
    expect(s.valueAt('Sheet1', 'B1')).toBe(40);
  });
});

describe('events ("Work with events using the Excel JavaScript API")', () => {
  const tick = () => new Promise((ok) => setTimeout(ok, 5));

  async function watch(s: ExcelStandIn, sheet: string, seen: string[]) {
    return run(s, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const changed = ws.onChanged.add(async () => void seen.push('changed'));
      const calculated = ws.onCalculated.add(async () => void seen.push('calculated'));
      await context.sync();
      return [changed, calculated];
    });
  }

  it('fires onChanged for user edits and add-in writes alike, and onCalculated after a calculation', async () => {
    const s = workbook('Sheet1');
    const seen: string[] = [];
    await watch(s, 'Sheet1', seen);
    s.setValue('Sheet1', 'A1', 1);
    await tick();
    expect(seen).toEqual(['changed', 'calculated']);
    await write(s, 'Sheet1', { A2: 2 });
    await tick();
    expect(seen.filter((e) => e === 'changed')).toHaveLength(2);
  });

  it('handlers on a deleted sheet never fire, not even for a new sheet of the same name', async () => {
    const s = workbook('Sheet1', 'Inputs');
    const seen: string[] = [];
    await watch(s, 'Inputs', seen);
    s.deleteSheet('Inputs');
    s.addSheet('Inputs');
    s.setValue('Inputs', 'A1', 1);
    await tick();
    expect(seen).toEqual([]);
  });

  it('a handler is removed with Excel.run(context) on the context that added it, not outside it', async () => {
    const s = workbook('Sheet1');
    const seen: string[] = [];
    const [changed, calculated] = await watch(s, 'Sheet1', seen);
    expect(() => changed.remove()).toThrow(/InvalidObjectPath/);
    await s.host.runIn(changed.context, async (context) => {
      changed.remove();
      calculated.remove();
      await context.sync();
    });
    s.setValue('Sheet1', 'A1', 1);
    await tick();
    expect(seen).toEqual([]);
  });

  it('handlers and contexts end when the workbook is closed; settings and names stay', async () => {
    const s = workbook('Sheet1');
    const seen: string[] = [];
    const [changed] = await watch(s, 'Sheet1', seen);
    await run(s, async (context) => {
      context.workbook.settings.add('k', { a: 1 });
      await context.sync();
    });
    s.addName('kept', '=Sheet1!$A$1');
    s.reopen();
    s.setValue('Sheet1', 'A1', 1);
    await tick();
    expect(seen).toEqual([]);
    await expect(s.host.runIn(changed.context, async () => undefined)).rejects.toThrow(/InvalidObjectPath/);
    expect(s.settings()).toEqual({ k: { a: 1 } });
    expect(s.names().map((n) => n.name)).toEqual(['kept']);
  });
});

describe('names (NamedItemCollection.add) and settings (SettingCollection)', () => {
  it('adding a name that exists fails, whatever its case; a bad name fails', async () => {
    const s = workbook('Sheet1');
    s.addName('wacc', '=Sheet1!$A$1');
    for (const [name, error] of [
      ['WACC', /ItemAlreadyExists/],
      ['A1', /cell reference/],
      ['two words', /not a valid name/],
    ] as const)
      await expect(
        run(s, async (context) => {
          context.workbook.names.add(name, '=Sheet1!$B$1');
          await context.sync();
        }),
      ).rejects.toThrow(error);
  });

  it('settings hold JSON per workbook; add sets or replaces; a missing key is a null object', async () => {
    const s = workbook('Sheet1');
    const big = {
      inputs: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, ['E9', i / 7]])),
    };
    await run(s, async (context) => {
      context.workbook.settings.add('state', { v: 1 });
      context.workbook.settings.add('state', big);
      await context.sync();
    });
    const read = await run(s, async (context) => {
      const item = context.workbook.settings.getItemOrNullObject('state').load('value');
      const missing = context.workbook.settings.getItemOrNullObject('nope').load('value');
      await context.sync();
      return { value: item.value, missing: missing.isNullObject };
    });
    expect(read).toEqual({ value: big, missing: true });
    expect(JSON.stringify(big).length).toBeGreaterThan(255 * 20);
  });

  it('the used range counts cells, not names', async () => {
    const s = workbook('Sheet1');
    await write(s, 'Sheet1', { B2: 1 });
    s.addName('far', '=Sheet1!$A$1:$Z$500');
    const address = await run(s, async (context) => {
      const used = context.workbook.worksheets.getItem('Sheet1').getUsedRange(true).load('address');
      await context.sync();
      return used.address;
    });
    expect(address).toBe("'Sheet1'!A1:B2");
  });
});
