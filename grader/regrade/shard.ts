import { DlgradeError } from '../errors.ts';
import { text } from '../i18n/index.ts';

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** Parses `--shard i/n` (1 ≤ i ≤ n). */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || index < 1 || count < 1 || index > count) {
    const m = text().provision.roster;
    throw new DlgradeError({ code: 'E_OPTION', message: m.badShard(value), fix: m.badShardFix });
  }
  return { index, count };
}

/**
 * Deterministic shard of a set of usernames: sorted case-insensitively, every count-th from index:
 * the same split `dlgrade collect --shard` makes of the roster (grader/provision/roster.ts).
 */
export function shardUsernames(usernames: readonly string[], shard: Shard | undefined): string[] {
  const key = (u: string): string => u.toLowerCase();
  const sorted = [...new Set(usernames)].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (shard === undefined) return sorted;
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
