import { readFileSync } from 'fs';
import { join } from 'path';
import { CALIBRATION, DRIVERS } from '../../src/model';
import { assumptionRows } from '../../scripts/assumptions-table';

const read = (file: string) => readFileSync(join(__dirname, '..', '..', file), 'utf8');

describe('the documentation stays true to the model', () => {
  const reconciliation = read('docs/reconciliation.md');
  const readme = read('README.md');

  it.each(Object.entries(CALIBRATION))(
    'docs/reconciliation.md lists the calibration %s (%s)',
    (key, offset) => {
      expect(reconciliation).toMatch(
        new RegExp(`\\| \`${key.replace('.', '\\.')}\` \\|[^\\n]*\\| ${offset.replace('.', '\\.')} \\|`),
      );
    },
  );

  it.each(DRIVERS.map((d) => d.id))('README documents the assumption %s', (id) => {
    expect(readme).toContain(`| \`${id}\` |`);
  });

  it.each(assumptionRows().map((row) => [row.split('|')[1].trim(), row]))(
    "README's table row for %s states the driver's label, base values, range and source",
    (_id, row) => {
      expect(readme).toContain(row);
    },
  );
});
