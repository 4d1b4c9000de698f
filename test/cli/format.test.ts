import {
  csvRecord,
  describeOverrides,
  formatPercent,
  formatValue,
  renderTable,
  wrapWords,
} from '../../src/cli/format';
import { Decimal } from '../../src/model';

describe('formatValue', () => {
  it('prints percentages x100 with one decimal', () => {
    expect(formatValue(new Decimal('0.14449'), 'pct', false)).toBe('14.4');
    expect(formatValue(new Decimal('-0.0235'), 'pct', false)).toBe('-2.4');
  });

  it('uses the decimals the note prints for each unit, rounding half away from zero', () => {
    expect(formatValue(new Decimal('12506.65'), 'rmbMn', false)).toBe('12506.7');
    expect(formatValue(new Decimal('-2.675'), 'rmbPerAds', false)).toBe('-2.68');
    expect(formatValue(new Decimal('8.7349'), 'multiple', false)).toBe('8.7');
  });

  it('groups thousands on request', () => {
    expect(formatValue(new Decimal('-1234567.89'), 'rmbMn', true)).toBe('-1,234,567.9');
    expect(formatValue(new Decimal('999.9'), 'rmbMn', true)).toBe('999.9');
  });

  it('prints NM for null and drops the sign of a rounded zero', () => {
    expect(formatValue(null, 'multiple', true)).toBe('NM');
    expect(formatValue(new Decimal('-0.0001'), 'rmbMn', false)).toBe('0.0');
  });
});

describe('text helpers', () => {
  it('formats percentages and overrides', () => {
    expect(formatPercent(new Decimal('0.103'), 2)).toBe('10.30%');
    expect(describeOverrides({})).toBe('none');
    expect(describeOverrides({ wacc: '11%', 'revenueGrowth.2027E': '0.2' })).toBe(
      'wacc=11%, revenueGrowth.2027E=0.2',
    );
  });

  it('quotes CSV cells that need it', () => {
    expect(csvRecord(['a', 'b,c', 'say "hi"', ''])).toBe('a,"b,c","say ""hi""",');
  });

  it('pads columns to the widest cell and prints headings as they are', () => {
    const lines = renderTable(
      [
        { header: 'Line', align: 'left' },
        { header: 'Value', align: 'right' },
      ],
      ['-- a heading longer than any column', ['Revenue', '1.0'], ['EBIT', '-152.3']],
    );
    expect(lines).toEqual([
      'Line      Value',
      '-- a heading longer than any column',
      'Revenue     1.0',
      'EBIT     -152.3',
    ]);
  });
});

describe('fitting a width', () => {
  it('wraps words at spaces and splits a word longer than the width', () => {
    expect(wrapWords('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrapWords('abcdefghijkl xy', 5)).toEqual(['abcde', 'fghij', 'kl xy']);
    expect(wrapWords('', 5)).toEqual(['']);
  });

  it('narrows the wrapping column of a table to fit, wrapping its cells onto more lines', () => {
    const lines = renderTable(
      [
        { header: 'Id', align: 'left' },
        { header: 'Label', align: 'left', wraps: true },
        { header: 'Value', align: 'right' },
      ],
      [['a', 'a label that is far too long for the width', '1.0']],
      30,
    );
    expect(lines).toEqual([
      'Id  Label                Value',
      'a   a label that is far    1.0',
      '    too long for the',
      '    width',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('widens a column to its minimum width', () => {
    expect(renderTable([{ header: 'A', align: 'right', minWidth: 4 }], [['1']])).toEqual(['   A', '   1']);
  });

  it('cuts each echoed override value to 80 characters', () => {
    const text = describeOverrides({ wacc: `0.1${'0'.repeat(1000)}` });
    expect(text).toBe(`wacc=0.1${'0'.repeat(76)}…`);
  });
});
