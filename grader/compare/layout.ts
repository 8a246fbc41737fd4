/**
 * Values as TypeScript a student can read and paste: numbers as the student would write them,
 * matrices row by row, long arrays elided around the element that matters, and a failing call
 * with the parameter names of the exercise's signature.
 */
import { Opaque } from '../sandbox/codec.ts';
import { describeShape, formatNumber } from './format.ts';

export interface LayoutOptions {
  /** the index path to keep visible when eliding, e.g. [1, 2, 0] (the first difference) */
  focus?: (number | string)[];
  /** most elements of one array shown before eliding (default 12) */
  maxItems?: number;
  /** most characters in all (default 2000); past it the text ends with … */
  maxChars?: number;
}

const INLINE_WIDTH = 72;

/** The shape of a nested number array ("2×3×1"), or a short type for anything else. */
export function shapeOf(value: unknown): string {
  const shape = describeShape(value);
  return shape.startsWith('array ') ? shape.slice('array '.length) : shape;
}

/** Depth of a nested array (0 for a scalar), following first elements. */
function depth(value: unknown): number {
  let d = 0;
  let cur = value;
  while (Array.isArray(cur)) {
    d++;
    cur = cur[0];
  }
  return d;
}

function count(value: unknown): number {
  if (!Array.isArray(value)) return 1;
  let n = 0;
  for (const v of value) n += count(v);
  return n;
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function str(s: string): string {
  const cut = s.length > 200 ? s.slice(0, 200) + '…' : s;
  return `'${cut.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** Which indices of an array of `length` to show: the first, the last and a window around `focus`. */
export function visibleIndices(length: number, maxItems: number, focus?: number): (number | '…')[] {
  if (length <= maxItems) return Array.from({ length }, (_, i) => i);
  const keep = new Set<number>([0, 1, length - 1]);
  const centre = focus !== undefined && focus >= 0 && focus < length ? focus : undefined;
  if (centre !== undefined) {
    for (let i = Math.max(0, centre - 2); i <= Math.min(length - 1, centre + 2); i++) keep.add(i);
  } else {
    for (let i = 2; i < Math.min(length, maxItems - 2); i++) keep.add(i);
  }
  const out: (number | '…')[] = [];
  let last = -1;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if (i > last + 1) out.push('…');
    out.push(i);
    last = i;
  }
  return out;
}

/** One line, no breaks: `[[1, 2], [3, 4]]`, `{ stride: 1, padding: 'same' }`. */
export function inlineValue(value: unknown, options: LayoutOptions = {}): string {
  const maxItems = options.maxItems ?? 12;
  const walk = (v: unknown, focus: (number | string)[] | undefined, level: number): string => {
    if (level > 16) return '…';
    if (typeof v === 'number') return formatNumber(v);
    if (typeof v === 'string') return str(v);
    if (typeof v === 'boolean' || v === null || v === undefined) return String(v);
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Opaque) return `/* ${v.tag} */ undefined`;
    if (Array.isArray(v)) {
      const f = typeof focus?.[0] === 'number' ? focus[0] : undefined;
      const parts = visibleIndices(v.length, maxItems, f).map((i) => (i === '…' ? '…' : walk(v[i], i === f ? focus!.slice(1) : undefined, level + 1)));
      return `[${parts.join(', ')}]`;
    }
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) return '{}';
      return `{ ${entries.map(([k, item]) => `${key(k)}: ${walk(item, focus?.[0] === k ? focus.slice(1) : undefined, level + 1)}`).join(', ')} }`;
    }
    return `/* ${typeof v} */ undefined`;
  };
  return cap(walk(value, options.focus, 0), options.maxChars ?? 2000);
}

/**
 * A TypeScript literal laid out for reading: a vector on one line, a matrix one row per line, a
 * 3-D array one row (of pixels) per line, deeper arrays in nested blocks; objects one key per line
 * when they do not fit on one.
 */
export function layoutValue(value: unknown, options: LayoutOptions = {}): string {
  const maxItems = options.maxItems ?? 12;
  const rowItems = Math.min(maxItems, 8);
  const walk = (v: unknown, focus: (number | string)[] | undefined, pad: string, level: number): string => {
    const inline = inlineValue(v, { ...options, ...(focus ? { focus } : {}), maxChars: 100_000 });
    if (level > 12) return inline;
    if (Array.isArray(v)) {
      const d = depth(v);
      // a single number, or a vector, fits on its line
      if (d <= 1 || count(v) <= 1) return inline;
      const compact = d <= 3 || count(v) <= 12;
      const f = typeof focus?.[0] === 'number' ? focus[0] : undefined;
      const rows = visibleIndices(v.length, rowItems, f).map((i) => {
        if (i === '…') return `${pad}  …`;
        const inner = i === f ? focus!.slice(1) : undefined;
        // 2-D and 3-D: each row on one line; deeper: each row is a block of its own
        const text = compact ? inlineValue(v[i], { ...options, ...(inner ? { focus: inner } : {}), maxChars: 100_000 }) : walk(v[i], inner, pad + '  ', level + 1);
        return `${pad}  ${text},`;
      });
      return `[\n${rows.join('\n')}\n${pad}]`;
    }
    if (v !== null && typeof v === 'object' && !(v instanceof Opaque)) {
      if (inline.length + pad.length <= INLINE_WIDTH && !Object.values(v).some((x) => depth(x) >= 2 && count(x) > 1)) return inline;
      const rows = Object.entries(v as Record<string, unknown>).map(
        ([k, item]) => `${pad}  ${key(k)}: ${walk(item, focus?.[0] === k ? focus.slice(1) : undefined, pad + '  ', level + 1)},`,
      );
      return `{\n${rows.join('\n')}\n${pad}}`;
    }
    return inline;
  };
  return cap(walk(value, options.focus, '', 0), options.maxChars ?? 2000);
}

function cap(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + ' …' : text;
}

/**
 * The parameter names of a signature as written in exercise.yaml, e.g.
 * "conv2d(input: number[][][], kernel: …, opts?: {…}): number[][][]" → [input, kernel, opts].
 * A destructured or unnamed parameter becomes `arg<i>`.
 */
export function parameterNames(signature: string): string[] {
  const open = signature.indexOf('(');
  if (open < 0) return [];
  const params: string[] = [];
  let level = 0;
  let current = '';
  for (let i = open + 1; i < signature.length; i++) {
    const ch = signature[i]!;
    if (level === 0 && (ch === ',' || ch === ')')) {
      if (current.trim().length > 0) params.push(current.trim());
      current = '';
      if (ch === ')') break;
      continue;
    }
    if ('([{<'.includes(ch)) level++;
    if (')]}>'.includes(ch) && !(ch === '>' && signature[i - 1] === '=')) level--;
    current += ch;
  }
  return params.map((p, i) => /^(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(p)?.[1] ?? `arg${i}`);
}

export interface RenderedCall {
  /** the call on one line, e.g. `conv2d(input, kernel, { stride: 1, padding: 'same' })` */
  call: string;
  /** TypeScript to paste: one `const` per array argument (with its shape), then the call */
  code: string;
}

/**
 * A failing call as TypeScript: scalars and small option objects inline, arrays and larger values
 * as `const <parameter name> = …; // shape` before the call.
 */
export function renderCall(fn: string, params: readonly string[], args: readonly unknown[], options: LayoutOptions = {}): RenderedCall {
  // trailing undefined arguments were not passed
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const declarations: string[] = [];
  const taken = new Set<string>();
  const shown = args.slice(0, n).map((arg, i) => {
    const small = !Array.isArray(arg) && inlineValue(arg).length <= 60 && !(arg !== null && typeof arg === 'object' && Object.values(arg).some((x) => Array.isArray(x) && count(x) > 4));
    if (small || (Array.isArray(arg) && arg.length === 0)) return inlineValue(arg);
    let name = params[i] ?? `arg${i}`;
    while (taken.has(name)) name += '_';
    taken.add(name);
    const shape = Array.isArray(arg) ? ` // ${shapeOf(arg)}` : '';
    declarations.push(`const ${name} = ${layoutValue(arg, { maxItems: options.maxItems ?? 12, maxChars: options.maxChars ?? 1500 })};${shape}`);
    return name;
  });
  const call = `${fn}(${shown.join(', ')})`;
  return { call, code: [...declarations, `${call};`].join('\n') };
}

/** "[1][2][0]" or ".m[3]" → [1, 2, 0] / ['m', 3]. */
export function parseIndex(index: string): (number | string)[] {
  const out: (number | string)[] = [];
  const re = /\[(\d+)\]|\.([^.[\]]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(index)) !== null) out.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  return out;
}
