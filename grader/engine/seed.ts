/** The default seed: fixed, so a student sees locally exactly what CI sees. */
export const DEFAULT_SEED = 20260828;
export const DEFAULT_RUNS = 100;

/** A property's own seed, derived from the run's seed and its id (FNV-1a, 32-bit, signed). */
export function propertySeed(seed: number, exerciseId: string, property: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  const text = `${exerciseId}#${property}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
