/**
 * Where the Assumptions inputs are now. The state records each input's address as written and the rectangle of all
 * inputs; the hidden name KC_INPUTS refers to that rectangle, and Excel moves it with rows or columns the user
 * inserts or deletes. Moved whole (rows inserted above it), every input moved with it. Resized (rows inserted or
 * deleted inside it), no cell can be matched to its input with certainty, so the add-in refuses to guess.
 */
import { parseRect, parseSheetRef, rectAddress } from './addresses';
import { INPUTS_NAME } from './layout';
import type { CellValue } from './modelState';
import { WorkbookConflict } from './workbookErrors';
import type { WorkbookView } from './workbookView';

/** The sheet holding the inputs, and each input's current cell. */
export interface LocatedInputs {
  sheet: string;
  /** Input key -> where it is now and what was written there. */
  cells: Map<string, { row: number; col: number; written: CellValue }>;
}

/**
 * The inputs' current places, or null when there is nothing to locate (no recorded state, or the sheet holding the
 * inputs was deleted). Throws WorkbookConflict when rows or columns were inserted or deleted inside the inputs.
 */
export function locateInputs(view: WorkbookView): LocatedInputs | null {
  const state = view.state;
  if (!state) return null;
  const written = parseRect(state.inputsBox);
  const marker = view.names.get(INPUTS_NAME.toLowerCase());
  const now = marker ? parseSheetRef(marker.formula) : null;
  const sheet = now && view.sheets.find((s) => s.toLowerCase() === now.sheet.toLowerCase());
  if (!written || !now || !sheet || ![...view.owned.values()].includes(sheet)) return null;
  const rows = now.rect.row2 - now.rect.row1;
  const cols = now.rect.col2 - now.rect.col1;
  if (rows !== written.row2 - written.row1 || cols !== written.col2 - written.col1)
    throw new WorkbookConflict(
      'inputsMoved',
      `Rows or columns were inserted or deleted among the inputs of the ${sheet} sheet (they were in ` +
        `${rectAddress(written)}, that area is now ${rectAddress(now.rect)}), so KC Model cannot tell which cell ` +
        'holds which input. Nothing was changed. Undo that insertion or deletion and try again, or use Reset ' +
        'assumptions to rewrite the inputs from the pane.',
    );
  const dr = now.rect.row1 - written.row1;
  const dc = now.rect.col1 - written.col1;
  const cells = new Map<string, { row: number; col: number; written: CellValue }>();
  for (const [key, [address, value]] of Object.entries(state.inputs)) {
    const at = parseRect(address);
    if (at) cells.set(key, { row: at.row1 + dr, col: at.col1 + dc, written: value });
  }
  return { sheet, cells };
}
