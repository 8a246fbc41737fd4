/** G_t = r_t + γ(1 − d_t)G_{t+1}, computed backwards from G_T = lastValue. */
export function discountedReturns(rewards: number[], dones: number[], gamma: number, lastValue: number): number[] {
  const returns = new Array<number>(rewards.length);
  let g = lastValue;
  for (let t = rewards.length - 1; t >= 0; t--) {
    g = rewards[t]! + gamma * (1 - dones[t]!) * g;
    returns[t] = g;
  }
  return returns;
}

export interface GaeResult {
  advantages: number[];
  returns: number[];
}

/** GAE(γ, λ): backwards sum of TD errors δ_t with factor γλ, cut at every done. */
export function gae(rewards: number[], values: number[], dones: number[], gamma: number, lambda: number, lastValue: number): GaeResult {
  const n = rewards.length;
  const advantages = new Array<number>(n);
  let running = 0;
  for (let t = n - 1; t >= 0; t--) {
    const notDone = 1 - dones[t]!;
    const nextValue = t + 1 < n ? values[t + 1]! : lastValue;
    const delta = rewards[t]! + gamma * notDone * nextValue - values[t]!;
    running = delta + gamma * lambda * notDone * running;
    advantages[t] = running;
  }
  const returns = advantages.map((a, t) => a + values[t]!);
  return { advantages, returns };
}
