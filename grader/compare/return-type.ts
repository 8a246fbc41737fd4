import { Opaque } from '../sandbox/codec.ts';

/**
 * The return type an export declares in its signature (exercise.yaml), read coarsely: numbers,
 * strings, booleans, arrays, tuples and object literals are checked; anything else (a named type,
 * a union, a generic) accepts any value. Used to tell a student's ill-typed value (null where an
 * object is declared, a number where an array is) from a fault of the grader when a property's
 * check throws on it.
 */
export type TypeNode =
  | { k: 'number' | 'string' | 'boolean' | 'any' }
  | { k: 'array'; of: TypeNode }
  | { k: 'tuple'; items: TypeNode[] }
  | { k: 'object'; fields: { name: string; optional: boolean; type: TypeNode }[] };

const ANY: TypeNode = { k: 'any' };

/** The text after the parameter list's closing parenthesis and its colon, or undefined. */
export function returnTypeText(signature: string): string | undefined {
  const open = signature.indexOf('(');
  if (open < 0) return undefined;
  let level = 0;
  for (let i = open; i < signature.length; i++) {
    const ch = signature[i]!;
    if (ch === '(') level++;
    if (ch === ')' && --level === 0) {
      const rest = signature.slice(i + 1).trim();
      return rest.startsWith(':') ? rest.slice(1).trim() : undefined;
    }
  }
  return undefined;
}

/** Parses a return type; anything it does not understand becomes `any`. */
export function parseType(text: string): TypeNode {
  const tokens = text.match(/[A-Za-z_$][\w$]*|\[\]|[{}[\]();:,?|&<>]|\S/g) ?? [];
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string | undefined => tokens[pos++];
  const fail = (): never => {
    throw new Error('unparsed');
  };
  const union = (): TypeNode => {
    let node = postfix();
    while (peek() === '|' || peek() === '&') {
      next();
      postfix();
      node = ANY;
    }
    return node;
  };
  const postfix = (): TypeNode => {
    let node = primary();
    while (peek() === '[]') {
      next();
      node = { k: 'array', of: node };
    }
    return node;
  };
  const primary = (): TypeNode => {
    const token = next();
    if (token === undefined) return fail();
    if (token === '(') {
      const inner = union();
      if (next() !== ')') fail();
      return inner;
    }
    if (token === '[') {
      const items: TypeNode[] = [];
      while (peek() !== ']') {
        items.push(union());
        if (peek() === ',') next();
        else if (peek() !== ']') fail();
      }
      next();
      return { k: 'tuple', items };
    }
    if (token === '{') {
      const fields: { name: string; optional: boolean; type: TypeNode }[] = [];
      while (peek() !== '}') {
        const name = next();
        if (name === undefined || !/^[A-Za-z_$][\w$]*$/.test(name)) fail();
        const optional = peek() === '?';
        if (optional) next();
        if (next() !== ':') fail();
        fields.push({ name: name!, optional, type: union() });
        if (peek() === ';' || peek() === ',') next();
        else if (peek() !== '}') fail();
      }
      next();
      return { k: 'object', fields };
    }
    if (/^[A-Za-z_$]/.test(token)) {
      if (peek() === '<') {
        // a generic: skip its arguments
        let level = 0;
        do {
          const t = next();
          if (t === undefined) fail();
          if (t === '<') level++;
          if (t === '>') level--;
        } while (level > 0);
        return ANY;
      }
      return token === 'number' || token === 'string' || token === 'boolean' ? { k: token } : ANY;
    }
    return fail();
  };
  try {
    const node = union();
    return pos === tokens.length ? node : ANY;
  } catch {
    return ANY;
  }
}

/** Where `value` first breaks `type`: a path ("" for the value itself), what was expected and what came. */
export interface TypeBreak {
  index: string;
  expected: string;
  received: string;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (value instanceof Opaque) return value.tag;
  if (Array.isArray(value)) return `array (${value.length})`;
  return typeof value;
}

function describeType(type: TypeNode): string {
  switch (type.k) {
    case 'array':
      return `${describeType(type.of)}[]`;
    case 'tuple':
      return `[${type.items.map(describeType).join(', ')}]`;
    case 'object':
      return `{ ${type.fields.map((f) => f.name).join(', ')} }`;
    default:
      return type.k;
  }
}

/** The first place where `value` does not have the declared `type`, or undefined when it does. */
export function typeBreak(type: TypeNode, value: unknown, index = ''): TypeBreak | undefined {
  const broken = (): TypeBreak => ({ index, expected: describeType(type), received: kindOf(value) });
  switch (type.k) {
    case 'any':
      return undefined;
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value === type.k ? undefined : broken();
    case 'array':
    case 'tuple': {
      if (!Array.isArray(value)) return broken();
      const items = value as unknown[];
      for (let i = 0; i < items.length; i++) {
        const inner = type.k === 'array' ? type.of : type.items[i];
        if (inner === undefined) break;
        const found = typeBreak(inner, items[i], `${index}[${i}]`);
        if (found) return found;
      }
      if (type.k === 'tuple' && items.length < type.items.length) return broken();
      return undefined;
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Opaque) return broken();
      for (const field of type.fields) {
        const inner = Object.prototype.hasOwnProperty.call(value, field.name) ? (value as Record<string, unknown>)[field.name] : undefined;
        if (inner === undefined) {
          if (field.optional) continue;
          return { index: `${index}.${field.name}`, expected: describeType(field.type), received: 'undefined' };
        }
        const found = typeBreak(field.type, inner, `${index}.${field.name}`);
        if (found) return found;
      }
      return undefined;
    }
  }
}
