/**
 * What an Insert or Update will do, decided from the first read of the workbook before anything is written: the
 * sheets' names (a user's sheet keeps a plan sheet's name; the model's goes beside it as "<name> (KC)"), plain or
 * KC_-prefixed names (prefixed when the workbook already has any of the plain ones on the first insert), which names
 * are the add-in's, and where the user's inputs are now. Stops with a WorkbookConflict when writing would change a
 * name the add-in does not own or lose edits it cannot locate.
 */
import type { WorkbookPlan } from '../workbook/plan';
import { parseRect, parseSheetRef } from './addresses';
import { locateInputs, type LocatedInputs } from './inputLocator';
import { layoutFor, PREFIX, roleOf, type Layout } from './layout';
import { WorkbookConflict } from './workbookErrors';
import type { WorkbookView } from './workbookView';

function uniqueName(base: string, taken: Set<string>): string {
  const fits = (s: string) => s.slice(0, 31);
  let name = fits(base);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = fits(`${base.slice(0, 24)} ${i}`);
  return name;
}

/** Everything decided before the first write. */
export interface Preparation {
  layout: Layout;
  /** Plan sheet -> sheet name, for sheets this run creates. */
  creating: Record<string, string>;
  /** Workbook names the add-in owns (lower case). */
  ownedNames: Set<string>;
  /** Where the old inputs are (null: nothing to read, e.g. a first insert or Reset). */
  located: LocatedInputs | null;
  /** Old input addresses to rewrite besides the new ones ("row,col"). */
  oldCells: Set<string>;
}

function describeClash(view: WorkbookView, names: string[]): string {
  const list = names
    .slice(0, 6)
    .map((n) => `${view.names.get(n.toLowerCase())!.name} (${view.names.get(n.toLowerCase())!.formula})`);
  return (
    `This workbook already has names that KC Model needs: ${list.join(', ')}${names.length > 6 ? ', …' : ''}. ` +
    'KC Model changed nothing. Rename or delete yours in Formulas > Name Manager, then try again.'
  );
}

/** Decides everything from the first read, or stops with a WorkbookConflict. Writes nothing. */
export function prepare(view: WorkbookView, base: WorkbookPlan, reset: boolean): Preparation {
  const state = view.state;
  if (view.owned.size && !state && !reset)
    throw new WorkbookConflict(
      'noState',
      "KC Model's record of the model in this workbook is missing (it is kept per add-in: was the model written " +
        'by another copy of KC Model?), so your edits on the Assumptions sheet cannot be told from the model’s ' +
        'own values. Nothing was changed. Use Reset assumptions to rewrite the model from the pane.',
    );
  // Sheet names: the add-in's own sheets keep theirs; a user's sheet of a plan sheet's name is left alone.
  const ownedSheets = new Set([...view.owned.values()].map((s) => s.toLowerCase()));
  const taken = new Set(
    view.sheets.filter((s) => !ownedSheets.has(s.toLowerCase())).map((s) => s.toLowerCase()),
  );
  const sheetName: Record<string, string> = {};
  const creating: Record<string, string> = {};
  for (const s of base.sheets) {
    let name = view.owned.get(roleOf(s.name));
    if (!name) {
      name = taken.has(s.name.toLowerCase()) ? uniqueName(`${s.name} (KC)`, taken) : s.name;
      creating[s.name] = name;
    }
    taken.add(name.toLowerCase());
    sheetName[s.name] = name;
  }
  // Names: those the state lists are the add-in's while they still refer to its sheets (or to a deleted one: #REF!);
  // one the user redefined to point elsewhere is the user's now. Without a state (Reset of a foreign model): the
  // hidden KC_ ones and those that refer to the add-in's sheets.
  const refersToOwn = (formula: string) => {
    const ref = parseSheetRef(formula);
    return ref ? ownedSheets.has(ref.sheet.toLowerCase()) : formula.includes('#REF!');
  };
  const ownedNames = new Set(
    (state?.names ?? [])
      .map((n) => n.toLowerCase())
      .filter((n) => !view.names.has(n) || refersToOwn(view.names.get(n)!.formula)),
  );
  if (!state && view.owned.size)
    for (const [lower, { formula }] of view.names)
      if (lower.startsWith(PREFIX.toLowerCase()) || refersToOwn(formula)) ownedNames.add(lower);
  const clashes = (layout: Layout) =>
    layout.names
      .map((n) => n.name)
      .filter((n) => view.names.has(n.toLowerCase()) && !ownedNames.has(n.toLowerCase()));
  let layout = layoutFor(base, sheetName, state?.prefixed ?? false);
  if (!state && clashes(layout).length) layout = layoutFor(base, sheetName, true);
  const clash = clashes(layout);
  if (clash.length) throw new WorkbookConflict('names', describeClash(view, clash));

  let located: LocatedInputs | null = null;
  const oldCells = new Set<string>();
  if (state?.pending?.stage === 'inputs') {
    for (const [address] of Object.values(state.inputs)) addCell(oldCells, address);
    for (const address of state.pending.clear ?? []) addCell(oldCells, address);
  } else if (!reset) {
    located = locateInputs(view);
    for (const c of located?.cells.values() ?? []) oldCells.add(`${c.row},${c.col}`);
  }
  return { layout, creating, ownedNames, located, oldCells };
}

function addCell(set: Set<string>, address: string): void {
  const r = parseRect(address);
  if (r) set.add(`${r.row1},${r.col1}`);
}
