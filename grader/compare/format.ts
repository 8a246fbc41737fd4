import { Opaque } from '../sandbox/codec.ts';

/** A number as a student would like to read it: up to `digits` significant digits, -0, NaN, ±Infinity. */
export function formatNumber(n: number, digits = 7): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Object.is(n, -0)) return '-0';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const short = Number(n.toPrecision(digits));
  return String(short);
}

/**
 * Compact, single-line rendering of a value (numbers, arrays, plain objects, strings, opaque
 * tags), capped at `maxChars`. Used for counterexamples, expected and received values.
 */
export function formatValue(value: unknown, maxChars = 600, digits = 7): string {
  const out: string[] = [];
  let size = 0;
  let truncated = false;
  const push = (s: string): boolean => {
    if (size + s.length > maxChars) {
      truncated = true;
      return false;
    }
    out.push(s);
    size += s.length;
    return true;
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > 32) return push('…');
    if (typeof v === 'number') return push(formatNumber(v, digits));
    if (typeof v === 'string') return push(JSON.stringify(v.length > 200 ? v.slice(0, 200) + '…' : v));
    if (typeof v === 'boolean' || v === null) return push(String(v));
    if (v === undefined) return push('undefined');
    if (v instanceof Opaque) return push(`[${v.tag}]`);
    if (Array.isArray(v)) {
      if (!push('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if (i > 0 && !push(', ')) return false;
        if (!walk(v[i], depth + 1)) return false;
      }
      return push(']');
    }
    if (typeof v === 'object') {
      if (!push('{ ')) return false;
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = 0; i < entries.length; i++) {
        const [key, item] = entries[i]!;
        if (i > 0 && !push(', ')) return false;
        if (!push(`${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: `)) return false;
        if (!walk(item, depth + 1)) return false;
      }
      return push(' }');
    }
    return push(`[${typeof v}]`);
  };
  walk(value, 0);
  return truncated ? `${out.join('')} …` : out.join('');
}

/** The index path of an element, e.g. [1][2][0] or .m[3]. */
export function formatIndex(path: (number | string)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

/** The shape of a nested array, e.g. "3×4×2", or a type description for anything else. */
export function describeShape(value: unknown): string {
  if (typeof value === 'number') return 'number';
  if (value instanceof Opaque) return value.tag;
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const dims: number[] = [];
    let cur: unknown = value;
    while (Array.isArray(cur)) {
      dims.push(cur.length);
      cur = cur[0];
    }
    return `array ${dims.join('×')}`;
  }
  return typeof value;
}
