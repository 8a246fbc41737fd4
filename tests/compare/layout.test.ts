import { describe, expect, it } from 'vitest';
import { inlineValue, layoutValue, parameterNames, parseIndex, renderCall, shapeOf, visibleIndices } from '../../grader/compare/layout.ts';

const CONV = "conv2d(input: number[][][], kernel: number[][][][], opts?: { stride?: number | [number, number]; padding?: 'valid' | 'same' }): number[][][]";

describe('readable counterexamples', () => {
  it('reads parameter names from the signature in exercise.yaml', () => {
    expect(parameterNames(CONV)).toEqual(['input', 'kernel', 'opts']);
    expect(parameterNames('f(a: Map<string, number>, { x, y }: P, ...rest: number[]): void')).toEqual(['a', 'arg1', 'rest']);
    expect(parameterNames('g(): number')).toEqual([]);
  });

  it('renders the failing call as TypeScript to paste: arrays as named consts with their shape, options inline', () => {
    const { call, code } = renderCall('conv2d', parameterNames(CONV), [[[[0.5]]], [[[[0]], [[0.125]]]], { stride: 1, padding: 'same' }]);
    expect(call).toBe("conv2d(input, kernel, { stride: 1, padding: 'same' })");
    expect(code).toBe(["const input = [[[0.5]]]; // 1×1×1", 'const kernel = [', '  [[[0]], [[0.125]]],', ']; // 1×2×1×1', "conv2d(input, kernel, { stride: 1, padding: 'same' });"].join('\n'));
    // trailing undefined arguments were not passed
    expect(renderCall('conv2d', ['input', 'kernel', 'opts'], [[1, 2], 3, undefined]).call).toBe('conv2d(input, 3)');
  });

  it('lays matrices out row by row and elides long arrays around the first difference', () => {
    expect(layoutValue([[1, 2], [3, 4]])).toBe('[\n  [1, 2],\n  [3, 4],\n]');
    const long = Array.from({ length: 40 }, (_, i) => i);
    expect(inlineValue(long, { focus: [30] })).toBe('[0, 1, …, 28, 29, 30, 31, 32, …, 39]');
    const rows = layoutValue(Array.from({ length: 20 }, (_, i) => [i]), { focus: [15, 0] }).split('\n');
    expect(rows).toContain('  [15],');
    expect(rows).toContain('  …');
    expect(rows.length).toBeLessThan(14);
    expect(visibleIndices(5, 12)).toEqual([0, 1, 2, 3, 4]);
  });

  it('names shapes and parses index paths', () => {
    expect(shapeOf([[[1]], [[2]]])).toBe('2×1×1');
    expect(shapeOf(3)).toBe('number');
    expect(parseIndex('[1][2].m[3]')).toEqual([1, 2, 'm', 3]);
    expect(inlineValue({ 'a-b': "it's" })).toBe("{ 'a-b': 'it\\'s' }");
  });
});
