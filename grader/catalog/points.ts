import type { PropertyRole } from './types.ts';

/**
 * How hard an exercise is, and so how many points it is worth (exercise.yaml `difficulty` and
 * `points`, docs/authoring.md "Points"): bookkeeping (counting, shapes, a formula the statement
 * gives), standard (one known formula with its care points), core (the chapter's central
 * algorithm), hard-core (a central algorithm with a backward pass through structure or state).
 */
export const DIFFICULTIES = ['bookkeeping', 'standard', 'core', 'hard-core'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** The exercise's total for each difficulty: whole points, so every property's share is whole too. */
export const DIFFICULTY_POINTS: Readonly<Record<Difficulty, number>> = { bookkeeping: 10, standard: 20, core: 30, 'hard-core': 40 };

/**
 * The share of the total each role earns together (when the exercise has properties of that
 * role); primary properties take the rest (at least 70%). Invariant and hygiene properties score
 * only once a primary property passes, so `return 0` still earns nothing.
 */
export const ROLE_SHARE: Readonly<Record<Exclude<PropertyRole, 'primary'>, number>> = { invariant: 0.2, hygiene: 0.1 };

/** A property as the split sees it: its role and its declared weight (exercise.yaml `points`). */
export interface WeightedProperty {
  role: PropertyRole;
  weight: number;
}

/**
 * Each property's whole points when the exercise is worth `total`: every role's share of the
 * total (ROLE_SHARE, at least one point per property), then, inside a role, in proportion to the
 * declared weights (largest remainder; ties to the property declared first), at least one point
 * each. The result sums to `total`. Returns undefined when `total` is smaller than the number of
 * properties (no whole split gives each one a point).
 */
export function splitPoints(total: number, properties: readonly WeightedProperty[]): number[] | undefined {
  if (!Number.isInteger(total) || total < properties.length) return undefined;
  const groups: Record<PropertyRole, number[]> = { primary: [], invariant: [], hygiene: [] };
  properties.forEach((p, i) => groups[p.role].push(i));
  const shares: Record<PropertyRole, number> = { primary: 0, invariant: 0, hygiene: 0 };
  for (const role of ['invariant', 'hygiene'] as const) {
    const n = groups[role].length;
    if (n > 0) shares[role] = Math.max(n, Math.round(ROLE_SHARE[role] * total));
  }
  shares.primary = total - shares.invariant - shares.hygiene;
  if (groups.primary.length === 0) {
    // no primary property (the catalog refuses this): the rest goes to the secondary roles
    const role = groups.invariant.length > 0 ? 'invariant' : 'hygiene';
    shares[role] += shares.primary;
    shares.primary = 0;
  } else if (shares.primary < groups.primary.length) {
    return undefined;
  }
  const out = new Array<number>(properties.length).fill(0);
  for (const role of ['primary', 'invariant', 'hygiene'] as const) {
    const members = groups[role];
    apportion(shares[role], members.map((i) => properties[i]!.weight)).forEach((points, k) => {
      out[members[k]!] = points;
    });
  }
  return out;
}

/**
 * `seats` whole points over `weights` (each > 0), at least one each, otherwise as close to
 * proportional as whole numbers allow (largest remainder; ties to the first). Needs seats ≥ weights.length.
 */
export function apportion(seats: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  // one point each first, then the rest in proportion: the floor of each quota, the remainder by largest fraction
  const sum = weights.reduce((s, w) => s + w, 0);
  const quota = weights.map((w) => (seats * w) / sum);
  const out = quota.map((q) => Math.max(1, Math.floor(q)));
  let left = seats - out.reduce((s, x) => s + x, 0);
  const order = (score: (i: number) => number): number[] =>
    weights.map((_, i) => i).sort((a, b) => score(b) - score(a) || a - b);
  while (left > 0) {
    // who is furthest below their quota gets the next point
    const i = order((k) => quota[k]! - out[k]!)[0]!;
    out[i]! += 1;
    left -= 1;
  }
  while (left < 0) {
    // too many after the one-point floor: take from whoever is furthest above their quota, never below 1
    const i = order((k) => (out[k]! > 1 ? out[k]! - quota[k]! : -Infinity))[0]!;
    out[i]! -= 1;
    left += 1;
  }
  return out;
}
