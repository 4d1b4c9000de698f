import { closest, didYouMean, editDistance } from '../../src/cli/suggest';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['wacc', 'wacc', 0],
    ['wac', 'wacc', 1],
    ['wcac', 'wacc', 1],
    ['statments', 'statements', 1],
    ['kitten', 'sitting', 3],
    ['grid', 'xlsx', 4],
  ])('%p to %p is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closest and didYouMean', () => {
  const ids = ['wacc', 'terminalGrowth', 'revenueGrowth', 'adsGrowth', 'price', 'cash'];

  it('suggests near spellings, ignoring case, closest first', () => {
    expect(closest('WACC', ids)).toEqual(['wacc']);
    expect(closest('revenuGrowth', ids)).toEqual(['revenueGrowth']);
    expect(closest('prise', ids)).toEqual(['price']);
  });

  it('suggests ids that contain what was typed, at most three', () => {
    expect(closest('growth', ids)).toEqual(['adsGrowth', 'revenueGrowth', 'terminalGrowth']);
  });

  it('suggests nothing for what is far from every candidate, or very long', () => {
    expect(closest('zzz', ids)).toEqual([]);
    expect(closest('x'.repeat(1 << 20), ids)).toEqual([]);
    expect(didYouMean('zzz', ids)).toBe('');
  });

  it('words the suggestion', () => {
    expect(didYouMean('jsn', ['json', 'csv'], '--')).toBe(' Did you mean "--json"?');
    expect(didYouMean('growth', ids)).toBe(' Did you mean "adsGrowth", "revenueGrowth" or "terminalGrowth"?');
  });
});
