import * as tf from '@tensorflow/tfjs';

export interface AdamHyper {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export interface AdamState {
  m: number[];
  v: number[];
  t: number;
}

/** Parameters and moments after each step. */
export interface AdamTrajectory {
  params: number[][];
  m: number[][];
  v: number[][];
}

/**
 * Runs tf.train.adam on a tf.Variable for grads.length steps from a fresh optimizer (m = v = 0,
 * t = 0) and records the variable and the optimizer's moments (its getWeights()) after every step.
 *
 * tfjs 4.22's Adam is the textbook update with ε after the square root:
 *   θ ← θ − lr · (m/(1 − β1^t)) / (√(v/(1 − β2^t)) + ε)
 * (β^t is kept as a float32 running product, so with β2 = 0.999 the correction differs from the
 * float64 one by ~1e-5 relatively; the spec's tolerances allow for it).
 */
export async function adam(params: number[], grads: number[][], hp: AdamHyper): Promise<AdamTrajectory> {
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(params)));
  const optimizer = tf.train.adam(hp.lr, hp.beta1, hp.beta2, hp.epsilon);
  const out: AdamTrajectory = { params: [], m: [], v: [] };
  try {
    for (const g of grads) {
      tf.tidy(() => optimizer.applyGradients([{ name: theta.name, tensor: tf.tensor1d(g) }]));
      const [iter, m, v] = await optimizer.getWeights();
      out.params.push(Array.from(theta.dataSync()));
      out.m.push(Array.from(m!.tensor.dataSync()));
      out.v.push(Array.from(v!.tensor.dataSync()));
      iter!.tensor.dispose();
    }
  } finally {
    optimizer.dispose();
    theta.dispose();
  }
  return out;
}
