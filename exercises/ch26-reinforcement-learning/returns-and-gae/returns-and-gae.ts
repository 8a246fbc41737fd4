/**
 * Retornos descontados y GAE (capítulo 26, actor-crítico y PPO).
 *
 * Un lote de T pasos seguidos, que puede contener varios episodios:
 *   rewards[t]  recompensa r_t recibida al actuar en el paso t,
 *   dones[t]    1 si el episodio terminó con ese paso (s_{t+1} es terminal), 0 si sigue,
 *   values[t]   estimación del crítico V(s_t),
 *   lastValue   V(s_T), el valor del estado que sigue al último paso (para cortar el lote
 *               sin cortar el episodio); no se usa si dones[T−1] = 1.
 */

/**
 * G_t = r_t + γ·(1 − d_t)·G_{t+1}, con G_T = lastValue.
 * Devuelve [G_0, …, G_{T−1}]. No modifiques los arrays.
 */
export function discountedReturns(rewards: number[], dones: number[], gamma: number, lastValue: number): number[] {
  throw new Error('Sin implementar: discountedReturns');
}

export interface GaeResult {
  /** Â_t para cada paso */
  advantages: number[];
  /** Â_t + V(s_t): el objetivo del crítico */
  returns: number[];
}

/**
 * GAE(γ, λ):
 *   δ_t = r_t + γ·(1 − d_t)·V(s_{t+1}) − V(s_t)      (V(s_T) = lastValue)
 *   Â_t = δ_t + γ·λ·(1 − d_t)·Â_{t+1}                  (Â_T = 0)
 * Devuelve { advantages: [Â_0 … Â_{T−1}], returns: [Â_t + V(s_t)] }. No modifiques los arrays.
 */
export function gae(rewards: number[], values: number[], dones: number[], gamma: number, lambda: number, lastValue: number): GaeResult {
  throw new Error('Sin implementar: gae');
}
