/**
 * The part of Excel's custom-functions runtime (the `CustomFunctions` global; its Error class needs CustomFunctionsRuntime 1.2) that the
 * add-in uses. Declared here because @types/office-js and @types/office-runtime do not declare it; if
 * @types/custom-functions-runtime is ever added to the project, delete this file.
 */
declare namespace CustomFunctions {
  /** Excel's error values a custom function can return. */
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
    invalidName = '#NAME?',
    invalidReference = '#REF!',
  }

  /** An Excel error value with an optional message (shown in the cell's error tooltip). */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /** Maps a function id in functions.json to its JavaScript implementation. */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
