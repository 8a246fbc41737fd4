import { catalogIssue } from './issues.ts';
import type { CatalogIssue, PropertyMeta, PropertyRole } from './types.ts';

/** A property as written in exercise.yaml, before defaults. */
export interface DeclaredProperty {
  name: string;
  function: string;
  hidden?: boolean;
  secondary?: boolean;
  role?: PropertyRole;
  requires?: string[];
}

/**
 * The role a property has when exercise.yaml does not say: hygiene for `no-mutation` and for
 * properties marked `secondary: true`, primary otherwise.
 */
export function defaultRole(p: DeclaredProperty): PropertyRole {
  return p.secondary === true || p.name === 'no-mutation' ? 'hygiene' : 'primary';
}

/**
 * The prerequisites of each property: the declared `requires`, or the role's default (none for a
 * primary property; the primary properties of the same function, or of the exercise when that
 * function has none, for invariant and hygiene ones). A visible property never waits for a hidden
 * one by default (students could not see why). Unknown names, hidden prerequisites of visible
 * properties and cycles become issues naming the file, the field and the value.
 */
export function resolveRequires(file: string, properties: DeclaredProperty[], issues: CatalogIssue[]): string[][] {
  const roles = properties.map((p) => p.role ?? defaultRole(p));
  const names = properties.map((p) => p.name);
  const byName = new Map(properties.map((p, i) => [p.name, i] as const));
  const resolved = properties.map((p, i): string[] => {
    if (p.requires !== undefined) return [...p.requires];
    if (roles[i] === 'primary') return [];
    const visible = (j: number): boolean => p.hidden === true || properties[j]!.hidden !== true;
    const primaries = properties.map((_, j) => j).filter((j) => j !== i && roles[j] === 'primary' && visible(j));
    const sameFunction = primaries.filter((j) => properties[j]!.function === p.function);
    return (sameFunction.length > 0 ? sameFunction : primaries).map((j) => names[j]!);
  });
  properties.forEach((p, i) => {
    if (p.requires === undefined) return;
    p.requires.forEach((req, k) => {
      const field = `properties.${i}.requires.${k}`;
      const j = byName.get(req);
      if (j === undefined) {
        issues.push(catalogIssue(file, field, 'requiresUnknown', req, names));
      } else if (j === i) {
        issues.push(catalogIssue(file, field, 'requiresSelf', req));
      } else if (p.hidden !== true && properties[j]!.hidden === true) {
        issues.push(catalogIssue(file, field, 'requiresHidden', req));
      }
    });
  });
  const cycle = findCycle(names, resolved.map((reqs) => reqs.filter((r) => byName.has(r))));
  if (cycle) {
    const first = byName.get(cycle[0]!)!;
    issues.push(catalogIssue(file, `properties.${first}.requires`, 'requiresCycle', cycle));
  }
  return resolved;
}

/** The first cycle in the `requires` graph, as a list of names that starts and ends with the same one. */
function findCycle(names: string[], requires: string[][]): string[] | undefined {
  const index = new Map(names.map((n, i) => [n, i] as const));
  const state = names.map(() => 0); // 0 new, 1 on the stack, 2 done
  const stack: string[] = [];
  const visit = (i: number): string[] | undefined => {
    state[i] = 1;
    stack.push(names[i]!);
    for (const req of requires[i]!) {
      const j = index.get(req)!;
      if (state[j] === 1) return [...stack.slice(stack.indexOf(req)), req];
      if (state[j] === 0) {
        const found = visit(j);
        if (found) return found;
      }
    }
    stack.pop();
    state[i] = 2;
    return undefined;
  };
  for (let i = 0; i < names.length; i++) {
    if (state[i] === 0) {
      const found = visit(i);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The order properties run and are reported in: every property after its prerequisites, otherwise
 * as declared (most fundamental first). Prerequisites not in the list are ignored.
 */
export function orderByRequires<P extends Pick<PropertyMeta, 'name' | 'requires'>>(properties: P[]): P[] {
  const present = new Set(properties.map((p) => p.name));
  const placed = new Set<string>();
  const out: P[] = [];
  const pending = [...properties];
  while (pending.length > 0) {
    const k = pending.findIndex((p) => (p.requires ?? []).every((r) => !present.has(r) || placed.has(r)));
    // a cycle cannot reach here (the catalog refuses it); keep the declared order if it does
    const [next] = pending.splice(k < 0 ? 0 : k, 1);
    out.push(next!);
    placed.add(next!.name);
  }
  return out;
}
