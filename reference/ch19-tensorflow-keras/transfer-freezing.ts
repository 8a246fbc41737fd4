import * as tf from '@tensorflow/tfjs';

export type LayerSpec = { kind: 'dense'; units: number } | { kind: 'batchnorm' } | { kind: 'dropout'; rate: number };

export interface FreezeSummary {
  trainablePerLayer: number[];
  trainable: number;
  nonTrainable: number;
  total: number;
}

const size = (w: tf.LayerVariable) => w.shape.reduce((a: number, b) => a * (b ?? 1), 1);

/**
 * Builds the model with tf.layers, freezes the first `frozen` layers with `layer.trainable = false`
 * (as in Keras) and reads the counts from the layers' own trainableWeights / nonTrainableWeights.
 */
export function freezeSummary(inputDim: number, layers: LayerSpec[], frozen: number): FreezeSummary {
  return tf.tidy(() => {
    const model = tf.sequential();
    layers.forEach((spec, i) => {
      const first = i === 0 ? { inputShape: [inputDim] } : {};
      if (spec.kind === 'dense') model.add(tf.layers.dense({ units: spec.units, ...first }));
      else if (spec.kind === 'batchnorm') model.add(tf.layers.batchNormalization({ ...first }));
      else model.add(tf.layers.dropout({ rate: spec.rate, ...first }));
    });
    model.layers.forEach((layer, i) => {
      if (i < frozen) layer.trainable = false;
    });
    try {
      const trainablePerLayer = model.layers.map((l) => l.trainableWeights.reduce((a, w) => a + size(w), 0));
      const trainable = model.trainableWeights.reduce((a, w) => a + size(w), 0);
      const nonTrainable = model.nonTrainableWeights.reduce((a, w) => a + size(w), 0);
      return { trainablePerLayer, trainable, nonTrainable, total: model.countParams() };
    } finally {
      model.dispose();
    }
  });
}
