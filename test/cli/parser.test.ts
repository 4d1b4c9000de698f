import { COMMANDS } from '../../src/cli/commands';
import { UsageError } from '../../src/cli/errors';
import { parse } from '../../src/cli/parser';
import { formatOf, overridesOf, scenarioOf } from '../../src/cli/values';

const read = (...argv: string[]) => parse(argv, COMMANDS);

describe('the one parser', () => {
  it('reads a command with defaults', () => {
    const invocation = read('statements');
    expect(invocation.command!.name).toBe('statements');
    expect(formatOf(invocation)).toBe('text');
    expect(scenarioOf(invocation)).toBe('base');
    expect(overridesOf(invocation)).toEqual({});
  });

  it.each([
    [['--scenario', 'bull', 'grid', '--json']],
    [['grid', '--scenario', 'bull', '--json']],
    [['--json', '--scenario=bull', 'grid']],
    [['grid', '--json', '--scenario=BULL']],
  ])('takes options before or after the command: %j', (argv) => {
    const invocation = read(...argv);
    expect(invocation.command!.name).toBe('grid');
    expect(formatOf(invocation)).toBe('json');
    expect(scenarioOf(invocation)).toBe('bull');
  });

  it('reads repeated --set in both spellings; the last value of an id wins; the value is kept as text', () => {
    const invocation = read(
      '--set',
      'wacc=0.1',
      'statements',
      '--set=revenueGrowth.2027E=0.2',
      '--set',
      'price=1,234.5',
      '--set',
      'wacc=0.12',
      '--set',
      'exitMultiple=a=b',
    );
    expect(overridesOf(invocation)).toEqual({
      'revenueGrowth.2027E': '0.2',
      price: '1,234.5',
      wacc: '0.12',
      exitMultiple: 'a=b',
    });
  });

  it('gives the model overrides without a prototype', () => {
    const overrides = overridesOf(read('statements', '--set', 'wacc=0.1'));
    expect(Object.getPrototypeOf(overrides)).toBeNull();
  });

  it('reads -o as --out, "--" as the end of options, and -h / -v anywhere', () => {
    expect(read('xlsx', '-o', 'f.xlsx').values.get('out')).toBe('f.xlsx');
    expect(read('xlsx', '-of.xlsx').values.get('out')).toBe('f.xlsx');
    expect(read('xlsx', '--out', '-').values.get('out')).toBe('-');
    expect(read('--', 'grid').command!.name).toBe('grid');
    expect(read('grid', '-h').help).toBe(true);
    expect(read('-v').version).toBe(true);
  });

  it('takes a value that starts with "-" when written with "="', () => {
    expect(read('statements', '--years=-').values.get('years')).toBe('-');
    expect(() => read('statements', '--years', '-2026')).toThrow(/--years=VALUE/);
  });

  it.each([
    [['statements', '--set', 'wacc'], /--set needs ID=VALUE/],
    [['statements', '--set', '=0.1'], /--set needs ID=VALUE/],
    [['statements', '--set'], /--set needs a value/],
    [['statements', '--scenario'], /--scenario needs a value/],
    [['statements', '--verbose'], /Unknown option "--verbose"/],
    [['statements', '-x'], /Unknown option "-x"/],
    [['statements', '--json=yes'], /--json takes no value/],
    [['statements', '--json', '--csv'], /exclude each other/],
    [['grid', '--csv'], /--csv does not apply to "grid"; it is for statements/],
    [['assumptions', '--csv'], /--csv does not apply to "assumptions"/],
    [['grid', '--years', 'all'], /--years does not apply to "grid"; it is for statements, assumptions/],
    [['statements', '--out', 'x'], /--out does not apply to "statements"; it is for xlsx/],
    [['help', '--json'], /--json does not apply to "help"/],
    [['report'], /Unknown command "report"/],
    [['statements', 'grid'], /Unexpected argument "grid" after "statements"/],
    [['help', 'grid', 'xlsx'], /Unexpected argument "xlsx" after "help"/],
    [['--json'], /No command given/],
    [['statements', '--scenario', 'sideways'], /Unknown scenario "sideways"/],
    [['statements', '--set', 'nope=1'], /Unknown assumption "nope"/],
  ])('rejects %j', (argv, message) => {
    const attempt = () => {
      const invocation = read(...argv);
      formatOf(invocation);
      scenarioOf(invocation);
      overridesOf(invocation);
    };
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });
});
