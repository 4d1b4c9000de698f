/** What went wrong, as a stable code that adapters map to their own error kinds (Excel #VALUE!, exit code 2, ...). */
export type ModelErrorCode =
  | 'UNKNOWN_ASSUMPTION'
  | 'UNKNOWN_DRIVER'
  | 'INVALID_VALUE'
  | 'OUT_OF_RANGE'
  | 'WACC_NOT_ABOVE_GROWTH'
  | 'UNKNOWN_LINE'
  | 'UNKNOWN_PERIOD'
  | 'NOT_AVAILABLE'
  | 'UNKNOWN_SCENARIO'
  | 'BAD_CASE'
  | 'NO_SOLUTION'
  | 'NUMERIC';

/**
 * A typed error for bad assumptions or a bad request. `subject` names the assumption, line or period at fault
 * by id (for tools); the message names it in the user's words (labels, percentages).
 */
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

/** The longest user value a message repeats; a longer one is cut, so a 1 MB value never fills the message. */
export const ECHO_LIMIT = 80;

/** Every message the model emits, in one place. Hints about where ids are listed belong to each adapter. */
export const messages = {
  unknownAssumption: (id: string, hint: string) =>
    new ModelError('UNKNOWN_ASSUMPTION', id, `Unknown assumption ${show(id)}.${hint ? ` ${hint}` : ''}`),
  invalidValue: (subject: string, label: string, value: unknown, allowed: string) =>
    new ModelError(
      'INVALID_VALUE',
      subject,
      `${label}: ${show(value)} is not a number; allowed: ${allowed}.`,
    ),
  decimalComma: (subject: string, label: string, value: string, withPoint: string | undefined) =>
    new ModelError(
      'INVALID_VALUE',
      subject,
      `${label}: ${show(value)} is not a number: use a point for decimals${withPoint ? ` (${cut(withPoint)})` : ''}; a comma may only separate thousands, as in 1,234.5.`,
    ),
  outOfRange: (subject: string, label: string, value: string, allowed: string) =>
    new ModelError('OUT_OF_RANGE', subject, `${label}: ${value} is outside the allowed range ${allowed}.`),
  waccNotAboveGrowth: (wacc: string, growth: string) =>
    new ModelError(
      'WACC_NOT_ABOVE_GROWTH',
      'wacc',
      `WACC (${wacc}) must be above terminal growth (${growth}); the Gordon growth terminal value is undefined otherwise.`,
    ),
  unknownLine: (id: string) =>
    new ModelError('UNKNOWN_LINE', id, `Unknown line ${show(id)}: use a line id or the note's label.`),
  ambiguousLine: (label: string, candidates: string) =>
    new ModelError(
      'UNKNOWN_LINE',
      label,
      `Label ${show(label)} names more than one line: ${candidates}; use the line id.`,
    ),
  unknownPeriod: (input: unknown, allowed: string) =>
    new ModelError(
      'UNKNOWN_PERIOD',
      cut(String(input)),
      `Period ${show(input)} is outside the model; allowed: ${allowed}.`,
    ),
  notAvailable: (line: string, period: string) =>
    new ModelError('NOT_AVAILABLE', line, `Line "${line}" has no value in ${period}.`),
  unknownScenario: (name: string, allowed: string) =>
    new ModelError('UNKNOWN_SCENARIO', cut(name), `Unknown scenario ${show(name)}; allowed: ${allowed}.`),
  unknownDriver: (id: string, tool: string, allowed: string) =>
    new ModelError('UNKNOWN_DRIVER', cut(id), `${tool} cannot move ${show(id)}; it moves ${allowed}.`),
  badCase: (text: string, reason: string) =>
    new ModelError('BAD_CASE', cut(text), `Case ${show(text)}: ${reason}`),
  noSolution: (subject: string, message: string) => new ModelError('NO_SOLUTION', subject, message),
  divisionByZero: (line: string, period: string) =>
    new ModelError('NUMERIC', line, `Line "${line}" divides by zero in ${period}.`),
  notFinite: (line: string, period: string) =>
    new ModelError('NUMERIC', line, `Line "${line}" is not a finite number in ${period}.`),
};

/** User input as a message shows it: text quoted, everything cut to ECHO_LIMIT characters. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `"${cut(value)}"` : cut(String(value));
}

/** `text` cut to ECHO_LIMIT characters, the last being "…" when anything was cut. */
export function cut(text: string): string {
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT - 1)}…`;
}
