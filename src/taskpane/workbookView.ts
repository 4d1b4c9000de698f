/// <reference types="office-js" />
/**
 * The first read of every operation: the workbook's sheets and names, the add-in's recorded state (settings) and the
 * calculation mode, in one round trip; and which sheets are the add-in's. A sheet is the add-in's when its hidden
 * marker name KC_SHEET_<role> refers to it. The marker refers to the sheet's whole model area, so Excel rewrites it
 * when the sheet is renamed and when rows or columns are inserted or deleted, and makes it #REF! only when the sheet
 * (or the whole area) is deleted. Worksheet ids are no substitute: they change between sessions (office-js-docs #297).
 */
import { parseSheetRef } from './addresses';
import { roleOf, SHEET_MARK } from './layout';
import { readState, STATE_KEY, type ModelState } from './modelState';

/** The workbook as the first read sees it. */
export interface WorkbookView {
  /** Sheet names in tab order. */
  sheets: string[];
  /** Workbook-scoped names by lower-case name. */
  names: Map<string, { name: string; formula: string }>;
  state: ModelState | null;
  calculationMode: string;
  /** Sheet role -> the add-in's sheet for it. */
  owned: Map<string, string>;
}

/** Queues the read; the returned function interprets it after context.sync(). */
export function queueWorkbookRead(context: Excel.RequestContext): () => WorkbookView {
  const sheets = context.workbook.worksheets.load('items/name');
  const names = context.workbook.names.load('items/name,items/formula');
  const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY).load('value');
  const application = context.workbook.application.load('calculationMode');
  return () => {
    const sheetNames = sheets.items.map((s) => s.name);
    const byLower = new Map(sheetNames.map((s) => [s.toLowerCase(), s]));
    const map = new Map<string, { name: string; formula: string }>();
    for (const n of names.items) map.set(n.name.toLowerCase(), { name: n.name, formula: n.formula });
    const state = setting.isNullObject ? null : readState(setting.value);
    const owned = new Map<string, string>();
    for (const { name, formula } of map.values()) {
      if (!name.toUpperCase().startsWith(SHEET_MARK)) continue;
      const ref = parseSheetRef(formula);
      const sheet = ref && byLower.get(ref.sheet.toLowerCase());
      if (sheet) owned.set(name.slice(SHEET_MARK.length), sheet);
    }
    // Sheets a failed run created before it could mark them.
    for (const [planSheet, sheet] of Object.entries(state?.pending?.creating ?? {})) {
      const role = roleOf(planSheet);
      const found = byLower.get(sheet.toLowerCase());
      if (role && found && !owned.has(role) && ![...owned.values()].includes(found)) owned.set(role, found);
    }
    return { sheets: sheetNames, names: map, state, calculationMode: application.calculationMode, owned };
  };
}

/** Reads the workbook view in one round trip of its own. */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookView> {
  const read = queueWorkbookRead(context);
  await context.sync();
  return read();
}
