/**
 * The runner: binds each catalogue entry to Excel's error values. The one place where a call's failure, and each
 * error cell of its spill, becomes an Excel error (made by the injected factory: CustomFunctions.Error in Excel, a
 * stand-in in tests). Nothing here touches Office globals.
 *
 * A call that fails as a whole (a bad scenario, name or assumptions range) is thrown as one Excel error; a spill keeps
 * an error in each cell at fault (a bad period, WACC or growth cell); a one-cell result that is an error is thrown.
 */
import { CATALOGUE, type Entry } from './catalogue';
import { FunctionError, toExcelError, type ErrorFactory } from './errors';

/** The KC.* functions: each takes Excel's arguments and returns a matrix (a single value is 1 x 1). */
export type KcFunctions = { [K in keyof typeof CATALOGUE]: (...args: unknown[]) => unknown[][] };

/** Builds the KC.* functions over the memoized model, with Excel errors made by `makeError`. */
export function createKcFunctions(makeError: ErrorFactory): KcFunctions {
  const bind =
    (entry: Entry) =>
    (...args: unknown[]): unknown[][] => {
      let result;
      try {
        result = entry.run(args);
      } catch (error) {
        throw toExcelError(error, entry.name, makeError);
      }
      const only = result.length === 1 && result[0].length === 1 ? result[0][0] : undefined;
      if (only instanceof FunctionError) throw makeError(only.kind, only.message);
      return result.map((row) =>
        row.map((cell) => (cell instanceof FunctionError ? makeError(cell.kind, cell.message) : cell)),
      );
    };
  const functions = {} as KcFunctions;
  for (const name of Object.keys(CATALOGUE) as (keyof typeof CATALOGUE)[])
    functions[name] = bind(CATALOGUE[name]);
  return functions;
}
