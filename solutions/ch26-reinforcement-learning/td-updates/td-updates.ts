/** Copy of q with Q(s, a) moved a fraction α towards the target. */
function moveTowards(q: number[][], s: number, a: number, target: number, alpha: number): number[][] {
  const updated = q.map((row) => [...row]);
  const old = q[s]![a]!;
  updated[s]![a] = old + alpha * (target - old);
  return updated;
}

/** Q-learning: the target bootstraps from the best action in s' (off-policy). */
export function qLearningUpdate(q: number[][], s: number, a: number, r: number, sNext: number, done: boolean, alpha: number, gamma: number): number[][] {
  const future = done ? 0 : Math.max(...q[sNext]!);
  return moveTowards(q, s, a, r + gamma * future, alpha);
}

/** SARSA: the target bootstraps from the action actually taken in s' (on-policy). */
export function sarsaUpdate(q: number[][], s: number, a: number, r: number, sNext: number, aNext: number, done: boolean, alpha: number, gamma: number): number[][] {
  const future = done ? 0 : q[sNext]![aNext]!;
  return moveTowards(q, s, a, r + gamma * future, alpha);
}
