import * as tf from '@tensorflow/tfjs';

export interface MomentumHyper {
  lr: number;
  momentum: number;
  nesterov: boolean;
}

/** Parameters and velocity (the optimizer's accumulation) after each step. */
export interface MomentumTrajectory {
  params: number[][];
  velocity: number[][];
}

/**
 * Runs tf.train.momentum(lr, momentum, nesterov) on a tf.Variable from zero velocity. tfjs 4.22
 * accumulates v ← μ·v + g and applies θ ← θ − lr·v, or θ ← θ − lr·(g + μ·v) with Nesterov.
 */
export async function sgdMomentum(params: number[], grads: number[][], hp: MomentumHyper): Promise<MomentumTrajectory> {
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(params)));
  const optimizer = tf.train.momentum(hp.lr, hp.momentum, hp.nesterov);
  const out: MomentumTrajectory = { params: [], velocity: [] };
  try {
    for (const g of grads) {
      tf.tidy(() => optimizer.applyGradients([{ name: theta.name, tensor: tf.tensor1d(g) }]));
      const [iter, accumulation] = await optimizer.getWeights();
      out.params.push(Array.from(theta.dataSync()));
      out.velocity.push(Array.from(accumulation!.tensor.dataSync()));
      iter!.tensor.dispose();
    }
  } finally {
    optimizer.dispose();
    theta.dispose();
  }
  return out;
}
