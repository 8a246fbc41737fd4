import ts from 'typescript';
import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';

/**
 * Removes the hidden properties from a spec's `defineSpec({...})` object literal, so that a bundle
 * built from the result never holds their code (tree-shaking then drops helpers only they used).
 * Works on the syntax tree with the TypeScript compiler API; throws when a hidden name is not a
 * plain key of that literal, since leaving it in would leak it.
 */
export function stripHiddenProperties(source: string, hidden: readonly string[], fileName = 'spec.ts'): string {
  if (hidden.length === 0) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const literals: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineSpec') {
      const arg = node.arguments[0];
      if (arg !== undefined && ts.isObjectLiteralExpression(arg)) literals.push(arg);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (literals.length !== 1) {
    throw new DlgradeError({ code: 'E_CATALOG', file: fileName, message: text().errors.catalog.specShape(literals.length), fix: text().errors.catalog.specShapeFix });
  }
  const literal = literals[0]!;
  const keyOf = (p: ts.ObjectLiteralElementLike): string | undefined => {
    const name = p.name;
    if (name === undefined) return undefined;
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
    return undefined;
  };
  const wanted = new Set(hidden);
  const removed = new Set<string>();
  // text ranges to cut: each hidden element with the comma that follows it
  const cuts: [number, number][] = [];
  literal.properties.forEach((p, i) => {
    const key = keyOf(p);
    if (key === undefined || !wanted.has(key)) return;
    removed.add(key);
    const next = literal.properties[i + 1];
    const end = next !== undefined ? next.getFullStart() : (literal.properties.hasTrailingComma ? source.indexOf(',', p.end) + 1 : p.end);
    cuts.push([p.getFullStart(), end]);
  });
  const missing = hidden.filter((h) => !removed.has(h));
  if (missing.length > 0) {
    throw new DlgradeError({ code: 'E_CATALOG', file: fileName, message: text().errors.catalog.hiddenNotPlain(missing), fix: text().errors.catalog.hiddenNotPlainFix });
  }
  let out = source;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return out;
}
