/** What went wrong, as a stable code that adapters map to their own error kinds (Excel #VALUE!, exit code 2, ...). */
export type ModelErrorCode =
  | 'UNKNOWN_ASSUMPTION'
  | 'INVALID_VALUE'
  | 'OUT_OF_RANGE'
  | 'WACC_NOT_ABOVE_GROWTH'
  | 'UNKNOWN_LINE'
  | 'UNKNOWN_PERIOD'
  | 'NOT_AVAILABLE'
  | 'UNKNOWN_SCENARIO'
  | 'NUMERIC';

/** A typed error for bad assumptions or a bad request; `subject` names the assumption, line or period at fault. */
export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    readonly subject: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** Every message the model emits, in one place. */
export const messages = {
  unknownAssumption: (id: string, hint: string) =>
    new ModelError('UNKNOWN_ASSUMPTION', id, `Unknown assumption "${id}". ${hint}`),
  invalidValue: (id: string, value: unknown, allowed: string) =>
    new ModelError(
      'INVALID_VALUE',
      id,
      `Assumption "${id}": ${show(value)} is not a number; allowed: ${allowed}.`,
    ),
  outOfRange: (id: string, value: unknown, allowed: string) =>
    new ModelError(
      'OUT_OF_RANGE',
      id,
      `Assumption "${id}": ${show(value)} is outside the allowed range ${allowed}.`,
    ),
  waccNotAboveGrowth: (wacc: string, growth: string) =>
    new ModelError(
      'WACC_NOT_ABOVE_GROWTH',
      'wacc',
      `Assumption "wacc" (${wacc}) must be greater than "terminalGrowth" (${growth}); the Gordon growth terminal value is undefined otherwise.`,
    ),
  unknownLine: (id: string) =>
    new ModelError(
      'UNKNOWN_LINE',
      id,
      `Unknown line "${id}": use a line id or the note's label (see kc-model statements).`,
    ),
  ambiguousLine: (label: string, candidates: string) =>
    new ModelError(
      'UNKNOWN_LINE',
      label,
      `Label "${label}" names more than one line: ${candidates}; use the line id.`,
    ),
  unknownPeriod: (input: unknown, allowed: string) =>
    new ModelError(
      'UNKNOWN_PERIOD',
      String(input),
      `Period ${show(input)} is outside the model; allowed: ${allowed}.`,
    ),
  notAvailable: (line: string, period: string) =>
    new ModelError('NOT_AVAILABLE', line, `Line "${line}" has no value in ${period}.`),
  unknownScenario: (name: string, allowed: string) =>
    new ModelError('UNKNOWN_SCENARIO', name, `Unknown scenario "${name}"; allowed: ${allowed}.`),
  divisionByZero: (line: string, period: string) =>
    new ModelError('NUMERIC', line, `Line "${line}" divides by zero in ${period}.`),
  notFinite: (line: string, period: string) =>
    new ModelError('NUMERIC', line, `Line "${line}" is not a finite number in ${period}.`),
};

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
