export interface Rung {
  budget: number;
  configs: number[];
}

export interface Bracket {
  s: number;
  n: number;
  r: number;
}

/** The `keep` configs with the lowest loss (ties: lower index first), returned in increasing index order. */
function best(configs: number[], loss: (c: number) => number, keep: number): number[] {
  const ranked = [...configs].sort((a, b) => loss(a) - loss(b) || a - b);
  return ranked.slice(0, keep).sort((a, b) => a - b);
}

export function successiveHalving(losses: number[][], minBudget: number, eta: number): { rungs: Rung[]; winner: number } {
  const maxBudget = losses[0]!.length;
  const rungs: Rung[] = [];
  let alive = losses.map((_, c) => c);
  let winner = 0;
  for (let budget = minBudget; budget <= maxBudget; budget *= eta) {
    rungs.push({ budget, configs: alive });
    const loss = (c: number) => losses[c]![budget - 1]!;
    winner = best(alive, loss, 1)[0]!;
    if (alive.length === 1) break;
    alive = best(alive, loss, Math.max(1, Math.floor(alive.length / eta)));
  }
  return { rungs, winner };
}

export function hyperbandBrackets(R: number, eta: number): Bracket[] {
  // s_max = ⌊log_η R⌋ with integers: Math.log(1000) / Math.log(10) is 2.9999999999999996
  let sMax = 0;
  while (eta ** (sMax + 1) <= R) sMax++;
  const brackets: Bracket[] = [];
  for (let s = sMax; s >= 0; s--) {
    const n = Math.ceil(((sMax + 1) * eta ** s) / (s + 1));
    brackets.push({ s, n, r: R / eta ** s });
  }
  return brackets;
}
