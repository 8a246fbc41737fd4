/** What exercise specs import. */
export { defineSpec, property, type PropertyContext, type PropertyImpl } from './define.ts';
export { PropertyFailure } from './failure.ts';
export { fail, expectCloseTo } from './assert.ts';
export * as arb from './arbitraries.ts';
export type { Text } from './text.ts';
export { compareValues, closeEnough, type Tolerance } from '../compare/numeric.ts';
export { formatValue, formatNumber } from '../compare/format.ts';
