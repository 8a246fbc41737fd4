import * as tf from '@tensorflow/tfjs';

export type Layer =
  | { type: 'conv'; filters: number; kernel: number; stride: number; padding: 'valid' | 'same' }
  | { type: 'pool'; size: number; stride: number; padding: 'valid' | 'same' }
  | { type: 'flatten' }
  | { type: 'dense'; units: number };

export interface Summary {
  shapes: number[][];
  params: number[];
  total: number;
}

function toLayer(layer: Layer): tf.layers.Layer {
  switch (layer.type) {
    case 'conv':
      return tf.layers.conv2d({ filters: layer.filters, kernelSize: layer.kernel, strides: layer.stride, padding: layer.padding });
    case 'pool':
      return tf.layers.maxPooling2d({ poolSize: layer.size, strides: layer.stride, padding: layer.padding });
    case 'flatten':
      return tf.layers.flatten();
    case 'dense':
      return tf.layers.dense({ units: layer.units });
  }
}

/** Builds the tf.sequential model and reads every layer's outputShape and countParams(). */
export function cnnSummary(inputShape: number[], layers: Layer[]): Summary {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape }));
  for (const layer of layers) model.add(toLayer(layer));
  try {
    const built = model.layers.slice(model.layers.length - layers.length); // without the InputLayer
    return {
      shapes: built.map((l) => (l.outputShape as (number | null)[]).slice(1) as number[]),
      params: built.map((l) => l.countParams()),
      total: model.countParams(),
    };
  } finally {
    model.dispose();
  }
}
