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

/** Longest piece of user input echoed back in a message. */
const ECHO_LIMIT = 80;

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
  divisionByZero: (line: string, period: string) =>
    new ModelError('NUMERIC', line, `Line "${line}" divides by zero in ${period}.`),
  notFinite: (line: string, period: string) =>
    new ModelError('NUMERIC', line, `Line "${line}" is not a finite number in ${period}.`),
};

/** User input as a message shows it: text quoted, everything cut to ECHO_LIMIT characters. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `"${cut(value)}"` : cut(String(value));
}

function cut(text: string): string {
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT - 1)}…` : text;
}
