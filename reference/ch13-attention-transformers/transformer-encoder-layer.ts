import * as tf from '@tensorflow/tfjs';
import { multiHeadAttention } from './multi-head-attention.ts';

export interface EncoderParams {
  Wq: number[][];
  Wk: number[][];
  Wv: number[][];
  Wo: number[][];
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
  gamma1: number[];
  beta1: number[];
  gamma2: number[];
  beta2: number[];
}

export const ENCODER_EPS = 1e-5;

/** Frees a layer's weights (Layer.dispose refuses a layer only ever applied to concrete tensors). */
function release(layer: tf.layers.Layer): void {
  for (const w of layer.weights) w.dispose();
}

/** A tf.layers.layerNormalization over the last axis with the given γ, β and ε. */
function lnLayer(gamma: number[], beta: number[], eps: number): tf.layers.Layer {
  const layer = tf.layers.layerNormalization({ axis: -1, epsilon: eps });
  layer.build([null, gamma.length]);
  tf.tidy(() => layer.setWeights([tf.tensor1d(gamma), tf.tensor1d(beta)]));
  return layer;
}

/** LayerNorm by tf.layers.layerNormalization (tfjs-layers' own moments, not a loop). */
export function layerNorm(X: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  const layer = lnLayer(gamma, beta, eps);
  try {
    return tf.tidy(() => (layer.apply(tf.tensor2d(X)) as tf.Tensor).arraySync() as number[][]);
  } finally {
    release(layer);
  }
}

/**
 * Post-LN encoder layer: the chapter's tfjs multi-head attention reference, a tf.layers.dense FFN
 * (ReLU) and two tf.layers.layerNormalization layers.
 */
export function encoderLayer(X: number[][], p: EncoderParams, heads: number): number[][] {
  const d = p.Wq.length;
  const dff = p.W1[0]!.length;
  const ln1 = lnLayer(p.gamma1, p.beta1, ENCODER_EPS);
  const ln2 = lnLayer(p.gamma2, p.beta2, ENCODER_EPS);
  const ff1 = tf.layers.dense({ units: dff, activation: 'relu', inputShape: [d] });
  const ff2 = tf.layers.dense({ units: d });
  ff1.build([null, d]);
  ff2.build([null, dff]);
  tf.tidy(() => {
    ff1.setWeights([tf.tensor2d(p.W1), tf.tensor1d(p.b1)]);
    ff2.setWeights([tf.tensor2d(p.W2), tf.tensor1d(p.b2)]);
  });
  const attention = multiHeadAttention(X, p.Wq, p.Wk, p.Wv, p.Wo, heads);
  try {
    return tf.tidy(() => {
      const z = ln1.apply(tf.add(tf.tensor2d(X), tf.tensor2d(attention))) as tf.Tensor;
      const f = ff2.apply(ff1.apply(z)) as tf.Tensor;
      return (ln2.apply(tf.add(z, f)) as tf.Tensor).arraySync() as number[][];
    });
  } finally {
    for (const l of [ln1, ln2, ff1, ff2]) release(l);
  }
}
