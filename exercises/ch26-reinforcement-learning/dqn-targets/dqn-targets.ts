/**
 * Objetivos de DQN y Double DQN, y la pérdida de Huber del error TD (capítulo 26.3).
 *
 * Un minilote de B transiciones (s, a, r, s', d):
 *   rewards[i], dones[i] (1 si s' es terminal, 0 si no),
 *   nextQOnline[i][a'] = Q_θ(s'_i, a')   (red online),
 *   nextQTarget[i][a'] = Q_θ⁻(s'_i, a')  (red objetivo, una copia antigua de la online).
 */

/** DQN: y_i = r_i + γ·(1 − d_i)·max_{a'} Q_θ⁻(s'_i, a'). */
export function dqnTargets(rewards: number[], dones: number[], nextQTarget: number[][], gamma: number): number[] {
  throw new Error('Sin implementar: dqnTargets');
}

/**
 * Double DQN: la red online ELIGE la acción y la red objetivo la EVALÚA:
 *   a*_i = argmax_{a'} Q_θ(s'_i, a')   (empate: el índice menor)
 *   y_i  = r_i + γ·(1 − d_i)·Q_θ⁻(s'_i, a*_i)
 */
export function doubleDqnTargets(rewards: number[], dones: number[], nextQOnline: number[][], nextQTarget: number[][], gamma: number): number[] {
  throw new Error('Sin implementar: doubleDqnTargets');
}

/**
 * Pérdida de Huber media del error TD: con e_i = Q_θ(s_i, a_i) − y_i = qValues[i][actions[i]] − targets[i],
 *   ℓ(e) = ½e² si |e| ≤ δ,  δ·(|e| − ½δ) si no;  devuelve la media sobre el minilote.
 * delta vale 1 si no se pasa. No modifiques los argumentos.
 */
export function huberTdLoss(qValues: number[][], actions: number[], targets: number[], delta?: number): number {
  throw new Error('Sin implementar: huberTdLoss');
}
