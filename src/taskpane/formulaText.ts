/**
 * Rewrites the plan's formulas for one workbook: sheet names (a user's sheet took the plan's name) and defined names
 * (the add-in's own prefixed names when the workbook already uses the plain ones). A small scanner of Excel's A1
 * formula text: string constants and quoted sheet names are skipped, functions are identifiers followed by "(".
 */

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The index just past a quoted run starting at `i` (doubled quotes stay inside): a text constant or a sheet name. */
function quotedEnd(formula: string, i: number): number {
  const q = formula[i];
  let j = i + 1;
  while (j < formula.length && !(formula[j] === q && formula[j + 1] !== q)) j += formula[j] === q ? 2 : 1;
  return j + 1;
}

/** Rewrites every quoted sheet reference ('Name'!) of a formula through `map`; text constants are left alone. */
export function renameSheetsInFormula(formula: string, map: Record<string, string>): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "'") {
      out += ch;
      i++;
      continue;
    }
    const end = quotedEnd(formula, i);
    const name = formula.slice(i + 1, end - 1).replace(/''/g, "'");
    out += ch === "'" && formula[end] === '!' && name in map ? quote(map[name]) : formula.slice(i, end);
    i = end;
  }
  return out;
}

/**
 * Replaces each defined name of `names` (compared case-insensitively, as Excel does) used in a formula by
 * `rename(name)`. Names never look like cells, never follow "!" and are never followed by "(" or "!".
 */
export function renameNamesInFormula(
  formula: string,
  names: ReadonlySet<string>,
  rename: (name: string) => string,
): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (/[A-Za-z_\\]/.test(ch) && !/[A-Za-z0-9_.\\$!]/.test(formula[i - 1] ?? '')) {
      let j = i + 1;
      while (j < formula.length && /[A-Za-z0-9_.\\]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      const isName = names.has(word.toLowerCase()) && next !== '(' && next !== '!';
      out += isName ? rename(word) : word;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
