/**
 * The one place where failures become Excel errors. A bad argument or a model error becomes a FunctionError (the
 * Excel error kind, the argument at fault, and a message in Excel's words that starts with that argument's name);
 * the catalogue's runner turns FunctionErrors into Excel error values through an injected factory.
 */
import { ModelError, type ModelErrorCode } from '../model';

/** The Excel errors the functions return: #VALUE!, #N/A and #NUM!. */
export type ExcelErrorKind = 'value' | 'notAvailable' | 'num';

/** Makes an Excel error value: `new CustomFunctions.Error(code, message)` in Excel, a stand-in in tests. */
export type ErrorFactory = (kind: ExcelErrorKind, message: string) => unknown;

/** An error on its way to Excel: its kind, the argument at fault, and the message (which starts with that name). */
export class FunctionError extends Error {
  constructor(
    readonly kind: ExcelErrorKind,
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

const KIND_BY_CODE: Record<ModelErrorCode, ExcelErrorKind> = {
  UNKNOWN_ASSUMPTION: 'value',
  UNKNOWN_DRIVER: 'value',
  INVALID_VALUE: 'value',
  OUT_OF_RANGE: 'value',
  UNKNOWN_LINE: 'value',
  UNKNOWN_SCENARIO: 'value',
  BAD_CASE: 'value',
  UNKNOWN_PERIOD: 'notAvailable',
  NOT_AVAILABLE: 'notAvailable',
  NO_SOLUTION: 'notAvailable',
  WACC_NOT_ABOVE_GROWTH: 'num',
  NUMERIC: 'num',
};

/** The Excel error kind for a model error code. */
export function excelErrorKind(code: ModelErrorCode): ExcelErrorKind {
  return KIND_BY_CODE[code];
}

/** Where an Excel user finds assumption ids. */
export const ASSUMPTION_IDS_HINT =
  'See the Assumptions sheet for ids: its kcAssumptions range (inserted by the KC Model pane) lists every one.';

/** Where an Excel user finds line labels. */
export const LINE_LABELS_HINT = 'KC.STATEMENT spills each statement with its labels.';

/** What an Excel user can look up, added to the model's message for these codes. */
const WHERE_TO_LOOK: Partial<Record<ModelErrorCode, string>> = {
  UNKNOWN_ASSUMPTION: ASSUMPTION_IDS_HINT,
  UNKNOWN_LINE: LINE_LABELS_HINT,
};

/** #VALUE! for a bad argument. */
export function badArgument(argument: string, message: string): FunctionError {
  return new FunctionError('value', argument, `${argument}: ${message}`);
}

/** A model error blamed on `argument`, in Excel's words. */
export function fromModelError(error: ModelError, argument: string): FunctionError {
  const hint = WHERE_TO_LOOK[error.code];
  const text = withoutCommandLine(error.message);
  return new FunctionError(
    excelErrorKind(error.code),
    argument,
    `${argument}: ${hint ? `${text} ${hint}` : text}`,
  );
}

/**
 * Drops what a model message says about the command line (a sentence or a parenthesis naming `kc-model`), which an
 * Excel user does not have; WHERE_TO_LOOK says the same in Excel's words.
 */
export function withoutCommandLine(message: string): string {
  return message
    .replace(/\s*\([^()]*kc-model[^()]*\)/g, '')
    .split(/(?<=[.?!])\s+/)
    .filter((sentence) => !sentence.includes('kc-model'))
    .join(' ')
    .trim();
}

/** Runs `fn`, turning a model error into a FunctionError blamed on the argument `blame` names. */
export function blamed<T>(fn: () => T, blame: (error: ModelError) => string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ModelError) throw fromModelError(error, blame(error));
    throw error;
  }
}

/** Any failure of a call as an Excel error value; one that is not a FunctionError names the function. */
export function toExcelError(error: unknown, functionName: string, makeError: ErrorFactory): unknown {
  if (error instanceof FunctionError) return makeError(error.kind, error.message);
  if (error instanceof ModelError)
    return makeError(excelErrorKind(error.code), `${functionName}: ${withoutCommandLine(error.message)}`);
  const message = error instanceof Error ? error.message : String(error);
  return makeError('value', `${functionName} failed: ${message}`);
}
