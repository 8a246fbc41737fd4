import type { ExampleDecl } from './types.ts';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A JSON-able value as a TypeScript literal, the way the statements write it: arrays `[1, 2]`,
 * objects `{ loss: 0.5 }`, strings `'same'`.
 */
export function formatLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatLiteral).join(', ')}]`;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${IDENT.test(k) ? k : formatLiteral(k)}: ${formatLiteral(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(value);
}

/** The call a statement shows, e.g. `softmax([1, 2])`. */
export function formatExampleCall(example: Pick<ExampleDecl, 'function' | 'args'>): string {
  return `${example.function}(${example.args.map(formatLiteral).join(', ')})`;
}

/**
 * Text without whitespace or trailing commas, so a statement may break a long call or result over
 * lines in the usual TypeScript style.
 */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/,([)\]}])/g, '$1');
}
