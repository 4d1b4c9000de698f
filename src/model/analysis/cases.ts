/**
 * A case: a scenario with overrides on top, as the bridge compares two of them. Written as text it is the scenario's
 * name followed by any ID=VALUE overrides, separated by spaces: "bear", "base wacc=11%",
 * "bull revenueGrowth.2027E=25% wacc=0.1". Overrides alone are on the base case: "wacc=11%".
 */
import { messages } from '../errors';
import type { BuildOptions } from '../index';
import type { Overrides } from '../overrides';
import { SCENARIO_NAMES } from '../scenarios';

/** A scenario and the overrides on top of it. */
export interface Case {
  scenario: string;
  overrides: Overrides;
}

/** How the case syntax reads, for messages and help. */
export const CASE_SYNTAX =
  'a scenario (base, bull or bear), then any ID=VALUE overrides, e.g. "base wacc=11%"';

/**
 * Reads a case from text (see the module's comment). Checks the scenario and the form of each override (ID=VALUE);
 * the ids and values are checked when the case is built, by the model's own rules. The last value of an id wins.
 */
export function parseCase(text: string): Case {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw messages.badCase(text, `it is empty; give ${CASE_SYNTAX}.`);
  const first = words[0];
  const named = !first.includes('=');
  const scenario = named ? first.toLowerCase() : 'base';
  if (!SCENARIO_NAMES.includes(scenario))
    throw messages.badCase(
      text,
      `"${first}" is not a scenario; a case starts with one of ${SCENARIO_NAMES.join(', ')}, then any ID=VALUE overrides.`,
    );
  const overrides: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const word of named ? words.slice(1) : words) {
    const equals = word.indexOf('=');
    if (equals <= 0)
      throw messages.badCase(
        text,
        `"${word}" is not an override; after the scenario each word is ID=VALUE, e.g. wacc=11%.`,
      );
    const id = word.slice(0, equals);
    delete overrides[id];
    overrides[id] = word.slice(equals + 1);
  }
  return { scenario, overrides };
}

/** A case as text: its scenario, then its overrides ("base wacc=11%"). */
export function caseText(c: BuildOptions): string {
  const overrides = Object.entries(c.overrides ?? {}).map(([id, value]) => `${id}=${String(value)}`);
  return [(c.scenario ?? 'base').trim().toLowerCase(), ...overrides].join(' ');
}
