import * as tf from '@tensorflow/tfjs';

export type Param =
  | { name: string; kind: 'uniform'; low: number; high: number }
  | { name: string; kind: 'log-uniform'; low: number; high: number }
  | { name: string; kind: 'int'; low: number; high: number }
  | { name: string; kind: 'choice'; options: (number | string)[] };

export type Config = Record<string, number | string>;

/** One column of draws → the parameter's values, with tfjs ops (choices come back as indices). */
function column(param: Param, u: tf.Tensor1D): tf.Tensor1D {
  switch (param.kind) {
    case 'uniform':
      return u.mul(param.high - param.low).add(param.low);
    case 'log-uniform':
      return tf.exp(tf.log(param.low).add(u.mul(tf.log(param.high).sub(tf.log(param.low))))) as tf.Tensor1D;
    case 'int':
      return tf.floor(u.mul(param.high - param.low + 1)).add(param.low) as tf.Tensor1D;
    case 'choice':
      return tf.floor(u.mul(param.options.length)).toInt() as tf.Tensor1D;
  }
}

/** Random-search sampling: every column of `draws` transformed at once with tfjs. */
export function sampleConfigs(space: Param[], draws: number[][]): Config[] {
  if (draws.length === 0) return [];
  const columns = tf.tidy(() => {
    const u = tf.tensor2d(draws, [draws.length, space.length]);
    return space.map((param, j) => Array.from(column(param, u.slice([0, j], [-1, 1]).reshape([-1]) as tf.Tensor1D).dataSync()));
  });
  return draws.map((_, i) => {
    const config: Config = {};
    space.forEach((param, j) => {
      const value = columns[j]![i]!;
      config[param.name] = param.kind === 'choice' ? param.options[value]! : value;
    });
    return config;
  });
}

/** tf.argMin / tf.argMax return the first index among ties. */
export function bestTrial(scores: number[], mode: 'min' | 'max'): number {
  return tf.tidy(() => {
    const s = tf.tensor1d(scores);
    return (mode === 'min' ? tf.argMin(s) : tf.argMax(s)).dataSync()[0]!;
  });
}
