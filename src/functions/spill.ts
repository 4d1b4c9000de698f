/**
 * Ranges in, spills out. A range argument is read cell by cell into a Range that keeps its shape, each cell a value,
 * a blank or the error for that cell; a body maps it to a Spill of the same shape. Errors stay in their cells
 * (FunctionErrors) until the catalogue's runner turns them into Excel error values.
 */
import type { Value } from '../model';
import { badArgument, FunctionError } from './errors';

/** What one spilled cell holds: a number, text ("NM", a label, "" for blank) or the error for that cell. */
export type Cell = number | string | FunctionError;

/** A function's result: rows of cells (a single value is 1 x 1). */
export type Spill = Cell[][];

/** The model's word for a value that is not meaningful; what the functions return for it. */
export const NM = 'NM';

/** One cell of a range argument, read. */
export type RangeCell<T> =
  { kind: 'value'; value: T } | { kind: 'blank' } | { kind: 'error'; error: FunctionError };

/** A range argument read cell by cell, in its shape; `single` when it is one cell. */
export interface Range<T> {
  cells: RangeCell<T>[][];
  single: boolean;
}

/** True for a missing argument or an empty cell. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Is `value` a non-empty array of non-empty arrays (a range as Excel passes it)? */
export function isMatrix(value: unknown): value is unknown[][] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row) && row.length > 0)
  );
}

/** A scalar, a 1-D array (read as a row) or a matrix, as a non-empty rectangular matrix. */
export function asMatrix(value: unknown, argument: string): unknown[][] {
  if (Array.isArray(value) && value.length > 0 && value.every(Array.isArray)) {
    if (isMatrix(value) && value.every((row) => row.length === value[0].length)) return value;
    throw badArgument(argument, 'the range is ragged or empty.');
  }
  if (Array.isArray(value)) return value.length > 0 ? [value] : [[null]];
  return [[value]];
}

/**
 * Reads a range argument with `read` for each cell. A blank cell in a larger range stays blank; a single cell, blank
 * or not, goes to `read` (which decides: required, or a default). What `read` throws becomes that cell's error.
 */
export function readRange<T>(raw: unknown, argument: string, read: (cell: unknown) => T): Range<T> {
  const matrix = asMatrix(raw, argument);
  const single = matrix.length === 1 && matrix[0].length === 1;
  const cells = matrix.map((row) =>
    row.map((cell): RangeCell<T> => {
      if (!single && isBlank(cell)) return { kind: 'blank' };
      try {
        return { kind: 'value', value: read(cell) };
      } catch (error) {
        if (error instanceof FunctionError) return { kind: 'error', error };
        throw error;
      }
    }),
  );
  return { cells, single };
}

/** Maps each value of a range to a cell, keeping the shape: blanks stay blank (""), errors stay in their cells. */
export function spill<T>(range: Range<T>, fn: (value: T) => Cell): Spill {
  return range.cells.map((row) =>
    row.map((cell) => {
      if (cell.kind === 'blank') return '';
      if (cell.kind === 'error') return cell.error;
      try {
        return fn(cell.value);
      } catch (error) {
        if (error instanceof FunctionError) return error;
        throw error;
      }
    }),
  );
}

/** A model value as a cell: a finite JS number (never -0), "NM", or #NUM! naming what is not finite. */
export function excelNumber(value: Value, argument: string, what: string): Cell {
  if (value === null) return NM;
  const number = value.toNumber();
  if (!Number.isFinite(number))
    return new FunctionError('num', argument, `${argument}: ${what} is not a finite number.`);
  return number === 0 ? 0 : number;
}
