/** "Did you mean" for mistyped commands, options, ids and scenarios. */

/**
 * Edit distance between two strings (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbouring characters each cost 1), so "statments" is 1 from "statements" and "wcac" 1 from "wacc".
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Inputs longer than this are not compared: a 1 MB typo gets no suggestion, and no quadratic work either. */
const LONGEST_COMPARED = 64;

/**
 * Up to `limit` candidates close to `typed`, closest first, ignoring case: within 1 edit for up to 4
 * characters, 2 for up to 8 and 3 beyond; a candidate that contains what was typed (4 or more characters)
 * counts as close too ("growth" finds "revenueGrowth").
 */
export function closest(typed: string, candidates: Iterable<string>, limit = 3): string[] {
  const text = typed.toLowerCase();
  if (text.length === 0 || text.length > LONGEST_COMPARED) return [];
  const allowed = text.length <= 4 ? 1 : text.length <= 8 ? 2 : 3;
  const scored: [string, number][] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(text, lower);
    if (distance <= allowed) scored.push([candidate, distance]);
    else if (text.length >= 4 && lower.includes(text)) scored.push([candidate, allowed + 1]);
  }
  return scored
    .sort(([a, da], [b, db]) => da - db || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([candidate]) => candidate);
}

/** ` Did you mean "a" or "b"?` (with a leading space), or "" when nothing is close. */
export function didYouMean(typed: string, candidates: Iterable<string>, prefix = ''): string {
  const near = closest(typed, candidates).map((c) => `"${prefix}${c}"`);
  if (near.length === 0) return '';
  const list = near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`;
  return ` Did you mean ${list}?`;
}
