import * as tf from '@tensorflow/tfjs';

export type LayerSpec =
  | { type: 'dense'; units: number; useBias?: boolean }
  | { type: 'conv2d'; filters: number; kernelSize: number; strides?: number; padding?: 'valid' | 'same'; useBias?: boolean }
  | { type: 'maxPooling2d'; poolSize: number; strides?: number }
  | { type: 'batchNormalization' }
  | { type: 'flatten' }
  | { type: 'dropout'; rate: number };

export interface LayerSummary {
  outputShape: number[];
  params: number;
  trainable: number;
}

export interface ModelSummary {
  layers: LayerSummary[];
  total: number;
  trainable: number;
  nonTrainable: number;
}

function build(spec: LayerSpec, inputShape?: number[]): tf.layers.Layer {
  const first = inputShape ? { inputShape } : {};
  switch (spec.type) {
    case 'dense':
      return tf.layers.dense({ ...first, units: spec.units, useBias: spec.useBias ?? true });
    case 'conv2d':
      return tf.layers.conv2d({ ...first, filters: spec.filters, kernelSize: spec.kernelSize, strides: spec.strides ?? 1, padding: spec.padding ?? 'valid', useBias: spec.useBias ?? true });
    case 'maxPooling2d':
      return tf.layers.maxPooling2d({ ...first, poolSize: spec.poolSize, ...(spec.strides ? { strides: spec.strides } : {}) });
    case 'batchNormalization':
      return tf.layers.batchNormalization({ ...first });
    case 'flatten':
      return tf.layers.flatten({ ...first });
    case 'dropout':
      return tf.layers.dropout({ ...first, rate: spec.rate });
  }
}

const size = (weights: tf.LayerVariable[]) => weights.reduce((sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);

/** Builds the tf.sequential model and reads what Keras' model.summary() prints: output shapes and parameter counts. */
export function summarize(inputShape: number[], layers: LayerSpec[]): ModelSummary {
  const model = tf.sequential({ layers: layers.map((spec, i) => build(spec, i === 0 ? inputShape : undefined)) });
  try {
    const summaries = model.layers.map((layer) => ({
      outputShape: (layer.outputShape as (number | null)[]).slice(1) as number[],
      params: layer.countParams(),
      trainable: size(layer.trainableWeights),
    }));
    const total = model.countParams();
    const trainable = size(model.trainableWeights);
    return { layers: summaries, total, trainable, nonTrainable: total - trainable };
  } finally {
    model.dispose();
  }
}
