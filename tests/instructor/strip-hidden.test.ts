import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripHiddenProperties } from '../../grader/assign/strip-hidden.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { DlgradeError } from '../../grader/errors.ts';

const spec = `import { defineSpec, property } from './x.ts';
function onlyHidden() { return 'SECRET-HELPER'; }
export default defineSpec({
  'a': property({ arbitrary: x, async check() { return 1; } }),
  'secret-one': property({ arbitrary: x, async check() { onlyHidden(); } }),
  b: property({ arbitrary: x, async check() { return 2; } }),
  "secret-two": property({ arbitrary: x, async check() { return 'SECRET-TWO'; } }),
});
`;

describe('stripHiddenProperties', () => {
  it('cuts the hidden keys out of the defineSpec literal and keeps the others', () => {
    const out = stripHiddenProperties(spec, ['secret-one', 'secret-two']);
    expect(out).not.toContain('secret-one');
    expect(out).not.toContain('SECRET-TWO');
    expect(out).toContain("'a': property");
    expect(out).toContain('b: property');
    // still valid: the helper is now unused, which is what lets tree-shaking drop it
    expect(out.match(/onlyHidden/g)).toHaveLength(1);
  });

  it('is the identity with nothing hidden, and refuses a hidden name it cannot find', () => {
    expect(stripHiddenProperties(spec, [])).toBe(spec);
    expect(() => stripHiddenProperties(spec, ['nope'])).toThrow(DlgradeError);
  });

  it('handles every real spec that has hidden properties', () => {
    for (const def of loadCatalog().exercises) {
      const hidden = def.properties.filter((p) => p.hidden).map((p) => p.name);
      if (hidden.length === 0) continue;
      const out = stripHiddenProperties(readFileSync(def.specPath, 'utf8'), hidden, def.specPath);
      for (const name of hidden) expect(out, def.id).not.toContain(`'${name}'`);
    }
  });
});
