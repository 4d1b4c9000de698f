/**
 * The stand-in's own reading of Excel formula text (independent of the writer's): where a formula names a sheet, a
 * defined name or a text constant, and Excel's documented length limits. Enough of Excel's A1 grammar for the
 * formulas a workbook plan renders and for the user formulas of the tests.
 */

/** Excel specifications and limits (support.microsoft.com, "Excel specifications and limits"). */
export const LIMITS = {
  /** "Length of formula contents: 8,192 characters". */
  formula: 8192,
  /** "Total number of characters that a cell can contain: 32,767 characters". */
  cellText: 32767,
  /** Excel's message "Text values in formulas are limited to 255 characters". */
  textConstant: 255,
  /** "Worksheet name: 31 characters". */
  sheetName: 31,
  /** Defined names: "Names can be up to 255 characters" (Define and use names in formulas). */
  name: 255,
};

export interface Span {
  start: number;
  end: number;
}

export interface SheetRef extends Span {
  /** The sheet as written (quotes removed). */
  sheet: string;
}

export interface NameRef extends Span {
  name: string;
}

export interface FormulaParts {
  sheetRefs: SheetRef[];
  names: NameRef[];
  textConstants: string[];
}

const IDENT = /[A-Za-z0-9_.\\]/;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const REF_TAIL =
  /^(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7}|#REF!)/;

/** Splits a formula ("=..." or a name's "=...") into the sheet references, names and text constants it uses. */
export function formulaParts(formula: string): FormulaParts {
  const parts: FormulaParts = { sheetRefs: [], names: [], textConstants: [] };
  const s = formula;
  let i = s.startsWith('=') ? 1 : 0;
  const refTail = (from: number) => {
    const m = REF_TAIL.exec(s.slice(from));
    return m ? from + m[0].length : from;
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else text += s[j++];
      }
      parts.textConstants.push(text);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < s.length) {
        if (s[j] === "'" && s[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (s[j] === "'") break;
        else name += s[j++];
      }
      const bang = j + 1;
      if (s[bang] === '!') {
        const end = refTail(bang + 1);
        parts.sheetRefs.push({ sheet: name, start: i, end });
        i = end;
      } else i = j + 1;
    } else if (ch === '#') {
      const m = /^#(?:REF!|NAME\?|VALUE!|DIV\/0!|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/.exec(s.slice(i));
      i += m ? m[0].length : 1;
    } else if (ch === '$' || /[A-Za-z_\\]/.test(ch)) {
      let j = i + 1;
      while (j < s.length && (IDENT.test(s[j]) || s[j] === '$')) j++;
      const word = s.slice(i, j);
      const next = s[j];
      const prev = s[i - 1];
      if (next === '!') {
        const end = refTail(j + 1);
        parts.sheetRefs.push({ sheet: word, start: i, end });
        i = end;
        continue;
      }
      const isRef =
        CELL.test(word) ||
        ((next === ':' || prev === ':') && COLUMN.test(word)) ||
        /^(TRUE|FALSE)$/i.test(word) ||
        word.includes('$');
      if (next !== '(' && !isRef && prev !== '!') parts.names.push({ name: word, start: i, end: j });
      i = j;
    } else i++;
  }
  return parts;
}

/** Replaces spans (non-overlapping) of a formula, each by the text `replace` gives. */
export function replaceSpans<T extends Span>(
  formula: string,
  spans: T[],
  replace: (span: T) => string,
): string {
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    out += formula.slice(at, span.start) + replace(span);
    at = span.end;
  }
  return out + formula.slice(at);
}

/** Why Excel would reject this formula (cell or name), or null. */
export function formulaLimitError(formula: string): string | null {
  if (formula.length > LIMITS.formula)
    return `The formula is ${formula.length} characters long; Excel allows ${LIMITS.formula}.`;
  const long = formulaParts(formula).textConstants.find((t) => t.length > LIMITS.textConstant);
  if (long !== undefined)
    return `Text values in formulas are limited to ${LIMITS.textConstant} characters (this one has ${long.length}).`;
  return null;
}

/** Excel's rules for a defined name (Define and use names in formulas): letter, _ or \ first; no cell lookalikes. */
export function nameSyntaxError(name: string): string | null {
  if (!name || name.length > LIMITS.name) return `A name must have 1 to ${LIMITS.name} characters.`;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return `"${name}" is not a valid name.`;
  if (CELL.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name))
    return `"${name}" looks like a cell reference.`;
  return null;
}

/** Excel's rules for a sheet name (Rename a worksheet): 1-31 characters, none of \ / ? * [ ] :, not "History". */
export function sheetNameError(name: string): string | null {
  if (!name || name.length > LIMITS.sheetName)
    return `A sheet name must have 1 to ${LIMITS.sheetName} characters.`;
  if (/[\\/?*[\]:]/.test(name)) return `The sheet name "${name}" contains one of \\ / ? * [ ] :`;
  if (name.startsWith("'") || name.endsWith("'"))
    return 'A sheet name cannot begin or end with an apostrophe.';
  if (name.toLowerCase() === 'history') return '"History" is a name Excel reserves.';
  return null;
}
