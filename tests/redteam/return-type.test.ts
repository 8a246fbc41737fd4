/**
 * The coarse reading of an export's declared return type (grader/compare/return-type.ts) that tells
 * a student's ill-typed value from a grader fault: it must understand the catalog's signatures and
 * never call a correct value ill-typed.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { parseType, returnTypeText, typeBreak } from '../../grader/compare/return-type.ts';
import { Opaque } from '../../grader/sandbox/codec.ts';

describe('return types of the signatures', () => {
  it('reads numbers, arrays, tuples and object literals; anything else accepts any value', () => {
    expect(returnTypeText('f(a: number[], b?: { x: number }): { mu: number; sigma: number }')).toBe('{ mu: number; sigma: number }');
    expect(typeBreak(parseType('{ mu: number; sigma: number }'), null)).toEqual({ index: '', expected: '{ mu, sigma }', received: 'null' });
    expect(typeBreak(parseType('{ mu: number; sigma: number }'), { mu: 1 })).toMatchObject({ index: '.sigma' });
    expect(typeBreak(parseType('{ mu: number; sigma?: number }'), { mu: 1 })).toBeUndefined();
    expect(typeBreak(parseType('number[][]'), [[1], 2])).toMatchObject({ index: '[1]', expected: 'number[]' });
    expect(typeBreak(parseType('number[][]'), [[1], [NaN]])).toBeUndefined();
    expect(typeBreak(parseType('number'), new Opaque('Float64Array'))).toMatchObject({ received: 'Float64Array' });
    expect(typeBreak(parseType('[string, string][]'), [['a', 'b']])).toBeUndefined();
    expect(typeBreak(parseType('[string, string][]'), [['a']])).toBeDefined();
    for (const anything of ['Tree', 'number | null', 'Record<string, number>', '{ a: number } & Other', '(number)[] extra']) {
      expect(typeBreak(parseType(anything), null), anything).toBeUndefined();
    }
  });

  it('every worked example of the catalog has the type its signature declares', () => {
    let checked = 0;
    for (const def of loadCatalog().exercises) {
      for (const example of def.examples) {
        const signature = def.exports.find((e) => e.name === example.function)?.signature ?? '';
        const declared = returnTypeText(signature);
        if (declared === undefined) continue;
        checked++;
        expect(typeBreak(parseType(declared), example.result), `${def.id} ${signature}`).toBeUndefined();
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
