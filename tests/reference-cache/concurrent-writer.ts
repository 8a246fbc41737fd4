// One of the concurrent writers of tests/reference-cache/store.test.ts: writes and reads the
// entries of keys [0, count) in an order of its own (the seed), each entry's answer a function of
// its key alone (so every writer of a key writes the same answer). Exits 1 if a read ever
// returned an answer that is not that key's. With `pruned` (pruners run meanwhile), an entry
// read back absent right after its write is not counted (a pruner removed it); a wrong one is.
// With `pruner`, prunes the folder to a few entries over and over for `count` ms, and writes how
// many entries it removed to `<dir>.removed-<seed>`. With `packs` (tests/reference-cache/packs.test.ts),
// writes and reads the packs of three modules instead, each time with a growing share of the keys
// in its own order: every pack read must be whole and hold only right answers.
import { writeFileSync } from 'node:fs';
import { pruneStore } from '../../grader/reference-cache/prune.ts';
import { readEntry, readPack, writeEntry, writePack } from '../../grader/reference-cache/store.ts';

const [dir, seedText, countText, mode] = process.argv.slice(2);
if (mode === 'pruner') {
  let removed = 0;
  const until = Date.now() + Number(countText);
  while (Date.now() < until) removed += pruneStore(dir!, { maxEntries: 20, maxBytes: Number.MAX_SAFE_INTEGER }).removed;
  writeFileSync(`${dir}.removed-${seedText}`, String(removed));
  process.exit(0);
}
if (mode === 'packs') {
  const count = Number(countText);
  let bad = 0;
  const modules = ['{"exercise":"ch99/a"}', '{"exercise":"ch99/b"}', '{"exercise":"ch99/c"}'];
  const right = (m: number, k: number): string => JSON.stringify([m, k, Array.from({ length: 20 + (k % 30) }, (_, i) => k * i)]);
  let s = Number(seedText);
  for (let round = 0; round < count; round++) {
    for (let m = 0; m < modules.length; m++) {
      const seen = readPack(dir!, modules[m]!, 'cpu');
      for (const e of seen ?? []) if (e.name !== 'f' || e.entry.result !== right(m, Number(JSON.parse(e.input)))) bad++;
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const keys = Array.from({ length: 10 + (s % 90) }, (_, i) => (i * 7 + s) % 200);
      writePack(dir!, modules[m]!, 'cpu', keys.map((k) => ({ name: 'f', input: JSON.stringify(k), entry: { result: right(m, k), async: false, ms: 1 } })));
    }
  }
  process.exit(bad === 0 ? 0 : 1);
}
const count = Number(countText);
let seed = Number(seedText);
const order = Array.from({ length: count }, (_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  const j = seed % (i + 1);
  [order[i], order[j]] = [order[j]!, order[i]!];
}
export const meta = (k: number): string => `{"exercise":"ch99/x","n":${k % 7}}\0{"function":"f"}`;
export const input = (k: number): string => JSON.stringify([[k, k % 3]]);
export const answer = (k: number): string => JSON.stringify(Array.from({ length: 50 + (k % 40) }, (_, i) => k * 1000 + i));
let bad = 0;
for (const k of order) {
  const seen = readEntry(dir!, meta(k), input(k));
  if (seen !== undefined && seen.result !== answer(k)) bad++;
  writeEntry(dir!, meta(k), input(k), { result: answer(k), async: false, ms: 1 });
  const after = readEntry(dir!, meta(k), input(k));
  if (after === undefined ? mode !== 'pruned' : after.result !== answer(k)) bad++;
}
process.exit(bad === 0 ? 0 : 1);
