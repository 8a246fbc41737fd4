import ts from 'typescript';

/** One parameter of a parsed signature, as written. */
export interface SignatureParam {
  name: string;
  /** the type as written, e.g. `number[][]` */
  type: string;
  optional: boolean;
  /** `number`, `number[]` … `number[][][][]`, `boolean`, `string`: what an arbitrary can be generated for */
  kind: ParamKind;
}

export type ParamKind = 'number' | 'vector' | 'matrix' | 'tensor3' | 'tensor4' | 'boolean' | 'string' | 'other';

export interface ParsedSignature {
  /** the text as given (what exercise.yaml `exports[].signature` holds) */
  text: string;
  name: string;
  /** `<T>` when the function is generic, else '' */
  typeParams: string;
  params: SignatureParam[];
  returnType: string;
}

/** Why a signature could not be used: `reason` names what is missing, in English for `messages.ts` to word. */
export type SignatureProblem =
  | { reason: 'syntax'; detail: string }
  | { reason: 'not-one-function' }
  | { reason: 'no-return-type' }
  | { reason: 'untyped-param'; param: string }
  | { reason: 'pattern-param'; index: number }
  | { reason: 'rest-param'; param: string };

/**
 * Parses `fn(x: number[], k: number): number[]` with the TypeScript compiler (as the body of a
 * `declare function`), so that what the stub, the reference and the solution declare is what the
 * compiler reads. A leading `function ` is accepted and dropped.
 */
export function parseSignature(input: string): ParsedSignature | SignatureProblem {
  const text = input.trim().replace(/^export\s+/, '').replace(/^function\s+/, '').replace(/;\s*$/, '');
  const source = `declare function ${text};\n`;
  const { diagnostics = [] } = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  if (diagnostics.length > 0) return { reason: 'syntax', detail: ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, ' ') };
  const file = ts.createSourceFile('signature.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const [only, ...rest] = file.statements;
  if (only === undefined || rest.length > 0 || !ts.isFunctionDeclaration(only) || only.name === undefined || only.body !== undefined) return { reason: 'not-one-function' };
  if (only.type === undefined) return { reason: 'no-return-type' };
  const params: SignatureParam[] = [];
  for (const [index, p] of only.parameters.entries()) {
    if (!ts.isIdentifier(p.name)) return { reason: 'pattern-param', index };
    if (p.dotDotDotToken) return { reason: 'rest-param', param: p.name.text };
    if (p.type === undefined) return { reason: 'untyped-param', param: p.name.text };
    const type = p.type.getText(file);
    params.push({ name: p.name.text, type, optional: p.questionToken !== undefined || p.initializer !== undefined, kind: kindOf(type) });
  }
  const typeParams = only.typeParameters ? `<${only.typeParameters.map((t) => t.getText(file)).join(', ')}>` : '';
  return { text, name: only.name.text, typeParams, params, returnType: only.type.getText(file) };
}

export function isProblem(p: ParsedSignature | SignatureProblem): p is SignatureProblem {
  return 'reason' in p;
}

function kindOf(type: string): ParamKind {
  const t = type.replace(/\s+/g, '');
  const kinds: Record<string, ParamKind> = { number: 'number', 'number[]': 'vector', 'number[][]': 'matrix', 'number[][][]': 'tensor3', 'number[][][][]': 'tensor4', boolean: 'boolean', string: 'string' };
  return kinds[t] ?? 'other';
}

/** The parameter list as a declaration writes it: `x: number[], k?: number`. */
export function paramList(sig: ParsedSignature): string {
  return sig.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`).join(', ');
}
