import { dirname, join } from 'node:path';

/**
 * The public spec of an exercise with hidden properties: spec.ts without them, written beside it
 * by npm pack's prepack step (grader/assign/public-specs.ts). The npm package ships it instead of
 * spec.ts, so the catalog accepts it where spec.ts is absent and the loader grades from it.
 */
export const PUBLIC_SPEC = 'spec.public.ts';

/** Where an exercise's public spec lies: beside its spec.ts. */
export function publicSpecPath(specPath: string): string {
  return join(dirname(specPath), PUBLIC_SPEC);
}
