import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { renderSample, SAMPLE_FILE } from './render-sample.ts';

it('docs/sample-comment.md matches a fresh run (regenerate: npx tsx tests/publish/render-sample.ts)', async () => {
  expect(await readFile(SAMPLE_FILE, 'utf8')).toBe(await renderSample());
});
