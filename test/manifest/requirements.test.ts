/**
 * The manifest declares the lowest ExcelApi requirement set that covers every Office.js member the task pane uses.
 * The members are those the Excel stand-in records while the add-in does everything it can (insert, update, reset,
 * read back, write an assumption, follow events, convert to values); each member's set comes from its "[Api set: ...]"
 * in @types/office-js, which is generated from Microsoft's reference. A member the pane only reads needs the set for
 * reading ("ExcelApi 1.1 for get, 1.8 for set").
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  convertToValues,
  insertModel,
  readEditedAssumptions,
  readInsertedScenario,
  readSummary,
  watchModel,
  writeAssumption,
} from '../../src/taskpane/excelWriter';
import { SHEET_NAMES } from '../../src/workbook/plan';
import { createExcelStandIn } from '../support/excelStandIn';
import { at, plan } from '../taskpane/helpers';
import { childrenNamed, descendants, parseXml } from './xml';

const DTS = readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
const EXCEL = DTS.slice(
  DTS.indexOf('declare namespace Excel {'),
  DTS.indexOf('\ndeclare namespace ', DTS.indexOf('declare namespace Excel {') + 10),
);

/** Members of OfficeExtension's base classes (no Excel requirement set of their own). */
const BASE = new Set(['load', 'context', 'isNullObject', 'toJSON', 'items', 'sync', 'track', 'untrack']);
const BASE_CLASSES = new Set(['EventHandlers', 'EventHandlerResult']);

/** "[Api set: ExcelApi 1.9]" of Excel.<cls>.<member>: the version as a number, null if none, undefined if unknown. */
function apiSet(cls: string, member: string, setting: boolean): number | null | undefined {
  const start = new RegExp(`\\n    (?:export )?class ${cls}\\b[^\\n]*\\{`).exec(EXCEL);
  if (!start) return undefined;
  const body = EXCEL.slice(start.index, EXCEL.indexOf('\n    }', start.index));
  const at = new RegExp(`\\n        (?:readonly )?(?:get |set )?${member}\\b[?(:<]`).exec(body);
  if (!at) return undefined;
  const before = body.slice(0, at.index);
  const end = before.lastIndexOf('*/');
  if (end < 0 || before.slice(end + 2).trim() !== '') return null;
  const doc = before.slice(before.lastIndexOf('/**'), end);
  // "[Api set: ExcelApi 1.1 for get, 1.8 for set]": every version in the brackets.
  const brackets = [...doc.matchAll(/\[Api set: ExcelApi ([^\]]*)\]/g)].map((m) => m[1]).join(' ');
  const sets = [...brackets.matchAll(/(\d+)\.(\d+)/g)].map((m) => Number(m[1]) + Number(m[2]) / 100);
  if (!sets.length) return null;
  return setting ? Math.max(...sets) : Math.min(...sets);
}

function manifestExcelApi(): string | undefined {
  const root = parseXml(readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8'));
  const requirements = childrenNamed(root, 'Requirements')[0];
  return descendants(requirements).find((e) => e.local === 'Set' && e.attributes.Name === 'ExcelApi')
    ?.attributes.MinVersion;
}

describe('the ExcelApi requirement set', () => {
  it('the manifest declares exactly the highest set among the members the add-in uses', async () => {
    const s = createExcelStandIn();
    s.addSheet('Sheet1');
    const p = plan();
    await insertModel(s.host, { scenario: 'base', overrides: {} });
    s.setValue(SHEET_NAMES.assumptions, at(p.anchors.scalarInput.wacc.base), 0.11);
    await insertModel(s.host, { scenario: 'bull', overrides: {} });
    await insertModel(s.host, { scenario: 'bull', overrides: {}, reset: true });
    await readSummary(s.host);
    await readInsertedScenario(s.host);
    await readEditedAssumptions(s.host);
    await writeAssumption(s.host, 'wacc', undefined, 0.1);
    const stop = await watchModel(s.host, () => undefined);
    await stop();
    await convertToValues(s.host, { scenario: 'bull' });

    const unknown: string[] = [];
    const bySet = new Map<number, string[]>();
    for (const used of s.usage) {
      const setting = used.endsWith('=');
      const [cls, member] = used.replace(/=$/, '').split('.');
      if (BASE.has(member) || BASE_CLASSES.has(cls)) continue;
      const set = apiSet(cls, member, setting);
      if (set === undefined) unknown.push(used);
      else {
        const v = set ?? 1.01;
        bySet.set(v, [...(bySet.get(v) ?? []), used]);
      }
    }
    expect(unknown).toEqual([]);
    const highest = Math.max(...bySet.keys());
    const declared = manifestExcelApi();
    expect(declared).toBe(`${Math.floor(highest)}.${Math.round((highest % 1) * 100)}`);
    console.log(
      `ExcelApi ${declared}: ${s.usage.size} members used; those needing it: ${bySet.get(highest)!.sort().join(', ')}`,
    );
  });

  it('reads the sets of known members correctly from the typings', () => {
    expect(apiSet('Worksheet', 'getRanges', false)).toBe(1.09);
    expect(apiSet('Application', 'calculationMode', false)).toBe(1.01);
    expect(apiSet('Application', 'calculationMode', true)).toBe(1.08);
    expect(apiSet('SettingCollection', 'add', false)).toBe(1.04);
    expect(apiSet('NamedItem', 'formula', true)).toBe(1.07);
    expect(apiSet('Worksheet', 'noSuchMember', false)).toBeUndefined();
  });
});
