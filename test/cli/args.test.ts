import { parseArgs, UsageError } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads a command with defaults', () => {
    expect(parseArgs(['statements'])).toEqual({
      command: 'statements',
      format: 'text',
      scenario: 'base',
      overrides: {},
    });
  });

  it('reads formats, scenarios and repeated --set in both spellings', () => {
    expect(
      parseArgs([
        'grid',
        '--json',
        '--scenario',
        'bull',
        '--set',
        'wacc=11%',
        '--set=revenueGrowth.2027E=0.2',
      ]),
    ).toEqual({
      command: 'grid',
      format: 'json',
      scenario: 'bull',
      overrides: { wacc: '11%', 'revenueGrowth.2027E': '0.2' },
    });
    expect(parseArgs(['--scenario=bear', 'statements', '--csv'])).toMatchObject({
      scenario: 'bear',
      format: 'csv',
    });
  });

  it('keeps the value after the first "=" as text, and the last of a repeated id', () => {
    expect(
      parseArgs(['statements', '--set', 'price=1,234.5', '--set', 'wacc=0.1', '--set', 'wacc=0.12'])
        .overrides,
    ).toEqual({
      price: '1,234.5',
      wacc: '0.12',
    });
    expect(parseArgs(['statements', '--set', 'wacc=a=b']).overrides).toEqual({ wacc: 'a=b' });
  });

  it.each([
    [['statements', '--set', 'wacc'], /Malformed --set "wacc"/],
    [['statements', '--set', '=0.1'], /Malformed --set "=0.1"/],
    [['statements', '--set'], /--set needs a value/],
    [['statements', '--scenario'], /--scenario needs a value/],
    [['statements', '--verbose'], /Unknown option "--verbose"/],
    [['statements', '--json=yes'], /--json takes no value/],
    [['statements', '--json', '--csv'], /exclude each other/],
    [['grid', '--csv'], /--csv is not available for "grid"/],
    [['assumptions', '--csv'], /--csv is not available for "assumptions"/],
    [['report'], /Unknown command "report"/],
    [['statements', 'grid'], /Unexpected argument "grid"/],
    [['--json'], /No command given/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
