import { csvRecord, describeOverrides, formatPercent, formatValue, renderTable } from '../../src/cli/format';
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
