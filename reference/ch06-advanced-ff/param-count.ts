import * as tf from '@tensorflow/tfjs';

/** Builds a tfjs Layers model, reads model.countParams() (and the output width), and disposes it. */
function measure(build: () => tf.LayersModel): { params: number; outputDim: number } {
  const model = build();
  try {
    const shape = model.outputs[0]!.shape;
    return { params: model.countParams(), outputDim: shape[shape.length - 1] as number };
  } finally {
    model.dispose();
  }
}

export function mlpParams(sizes: number[]): number {
  return measure(() => {
    const model = tf.sequential();
    sizes.slice(1).forEach((units, l) => {
      model.add(tf.layers.dense(l === 0 ? { units, inputShape: [sizes[0]!] } : { units }));
    });
    return model;
  }).params;
}

export function residualMlpParams(inputDim: number, width: number, hidden: number, blocks: number, outputDim: number): number {
  return measure(() => {
    const input = tf.input({ shape: [inputDim] });
    let z = tf.layers.dense({ units: width }).apply(input) as tf.SymbolicTensor;
    for (let b = 0; b < blocks; b++) {
      const h = tf.layers.dense({ units: hidden, activation: 'relu' }).apply(z) as tf.SymbolicTensor;
      const f = tf.layers.dense({ units: width }).apply(h) as tf.SymbolicTensor;
      z = tf.layers.add().apply([z, f]) as tf.SymbolicTensor;
    }
    const output = tf.layers.dense({ units: outputDim }).apply(z) as tf.SymbolicTensor;
    return tf.model({ inputs: input, outputs: output });
  }).params;
}

export function denseBlock(inputDim: number, growth: number, layers: number): { params: number; outputDim: number } {
  return measure(() => {
    const input = tf.input({ shape: [inputDim] });
    const features: tf.SymbolicTensor[] = [input];
    for (let l = 0; l < layers; l++) {
      const x = features.length === 1 ? features[0]! : (tf.layers.concatenate().apply([...features]) as tf.SymbolicTensor);
      features.push(tf.layers.dense({ units: growth, activation: 'relu' }).apply(x) as tf.SymbolicTensor);
    }
    const output = tf.layers.concatenate().apply([...features]) as tf.SymbolicTensor;
    return tf.model({ inputs: input, outputs: output });
  });
}
