/** Ids are looked up as own keys only: names that every JavaScript object carries are unknown assumptions. */
import { assumptionsFor, buildModel, ModelError } from '../../src/model';
import { readAssumption } from '../../src/model/assumptions';

const OBJECT_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('ids that are names of Object.prototype', () => {
  it.each([
    ...OBJECT_NAMES,
    ...OBJECT_NAMES.map((id) => `${id}.2025A`),
    'constructor.name',
    'toString.length',
    'hasOwnProperty.name',
  ])('%p is an unknown assumption', (key) => {
    // fromEntries makes an own property even for "__proto__", as a parsed range or JSON would.
    const overrides = Object.fromEntries([[key, '1']]);
    expect(Object.keys(overrides)).toEqual([key]);
    let thrown: unknown;
    try {
      buildModel({ overrides });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ModelError);
    expect((thrown as ModelError).code).toBe('UNKNOWN_ASSUMPTION');
  });

  it('reads no assumption for them', () => {
    const set = assumptionsFor();
    for (const id of OBJECT_NAMES) {
      expect(readAssumption(set, id)).toBeUndefined();
      expect(readAssumption(set, id, '2025A')).toBeUndefined();
    }
    expect(readAssumption(set, 'cash', 'constructor' as never)).toBeUndefined();
    expect(readAssumption(set, 'wacc')!.toString()).toBe('0.103');
  });
});
