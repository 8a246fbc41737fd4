export interface ReferenceSources {
  /** SHA-256 over each file's path (relative to the root) and bytes, sorted by path */
  digest: string;
  /** the files read, relative to the root */
  files: string[];
  /** why the module must not be cached, or undefined */
  uncacheable: string | undefined;
}
export function referenceSources(file: string, root: string): ReferenceSources;
export function exportedNames(source: string): string[];
/** every export a function declaration or a constant bound to a literal: their names and literals; else undefined */
export function lazyExports(source: string): { names: string[]; constants: { name: string; literal: string }[] } | undefined;
