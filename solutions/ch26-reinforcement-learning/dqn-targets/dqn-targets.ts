/** Index of the largest value (the first one on ties). */
function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** DQN: bootstrap from the target network's best value in s'. */
export function dqnTargets(rewards: number[], dones: number[], nextQTarget: number[][], gamma: number): number[] {
  return rewards.map((r, i) => r + gamma * (1 - dones[i]!) * Math.max(...nextQTarget[i]!));
}

/** Double DQN: the online network picks a*, the target network values it. */
export function doubleDqnTargets(rewards: number[], dones: number[], nextQOnline: number[][], nextQTarget: number[][], gamma: number): number[] {
  return rewards.map((r, i) => {
    const chosen = argmax(nextQOnline[i]!);
    return r + gamma * (1 - dones[i]!) * nextQTarget[i]![chosen]!;
  });
}

/** Mean Huber loss of the TD errors Q(s_i, a_i) − y_i. */
export function huberTdLoss(qValues: number[][], actions: number[], targets: number[], delta = 1): number {
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    const error = Math.abs(qValues[i]![actions[i]!]! - targets[i]!);
    total += error <= delta ? 0.5 * error * error : delta * (error - 0.5 * delta);
  }
  return total / targets.length;
}
